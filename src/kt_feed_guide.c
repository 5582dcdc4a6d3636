/* GET /{lang}/feed (placeholder until written). */
#include "kt_feed.h"
#include "kt_http.h"
int kt_feed_guide(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_send_error(kr, 404, NULL, NULL);
}
