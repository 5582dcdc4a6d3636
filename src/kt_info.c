/* Information pages; see kt_info.h. */
#include <http_protocol.h>
#include "kt_info.h"
#include "kt_http.h"

int kt_page_terms(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_send_page(kr, "info", kt_page_doc(kr, "terms", HTTP_OK), HTTP_OK);
}

int kt_page_privacy(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_send_page(kr, "info", kt_page_doc(kr, "privacy", HTTP_OK), HTTP_OK);
}
