/* The moderators' list of a kind they write; see kt_desk.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_desk.h"
#include "kt_engine.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"

int kt_page_listing_desk(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *param = kt_query_param(kr, "page");
    apr_int64_t page = param ? kt_parse_id(param) : 1;
    xmlDocPtr doc;
    xmlNodePtr root, kind;
    kt_db *db;
    kt_db_status st;
    (void)arg;

    if (page < 1 || page > KT_DESK_MAX_PAGE) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0761: the list of %s: page out of range",
                      kr->kind->kind->names.segment);
        return kt_send_bad_param(kr, "page", "out-of-range", param,
                                 kt_engine_edit_path(p, kr->kind, kr->lang, NULL));
    }
    doc = kt_page_doc(kr, "listing-desk", HTTP_OK);
    root = xmlDocGetRootElement(doc);
    kind = kt_xml_add(p, root, "listing-kind", NULL);
    kt_xml_attr(p, kind, "name", kr->kind->kind->names.name);
    kt_xml_attr(p, kind, "segment", kr->kind->kind->names.segment);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_engine_desk(kr, db, kr->kind, (int)page, KT_DESK_PAGE, root);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, kr->kind->sheet, doc, HTTP_OK);
}
