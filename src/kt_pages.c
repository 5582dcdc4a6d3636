/* Public page handlers; see kt_pages.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_request.h>
#include "kt_pcache.h"
#include "kt_pages.h"
#include "kt_search_page.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_activity.h"
#include "kt_organisation.h"
#include "kt_news.h"
#include "kt_events.h"

#define FRONT_NEWS 5

static const kt_stmt STMT_PING KT_STMT_LISTED = { "kt_health_ping", "SELECT 1" };

int kt_page_root(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    (void)arg;
    apr_table_mergen(r->headers_out, "Vary", "Accept-Language");
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    /* A relative Location stays right behind proxies and TLS terminators. */
    return kt_send_redirect(r, HTTP_MOVED_TEMPORARILY,
                            apr_pstrcat(r->pool, "/", kt_lang_codes[kr->lang], "/", NULL));
}

int kt_page_health(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    kt_db *db;
    const char *one = NULL;
    kt_db_status st = kt_db_open(r, &db);
    int ok;
    (void)arg;

    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_PING, &one, 0, NULL);
    }
    ok = st == KT_DB_OK && one && strcmp(one, "1") == 0;
    if (ok) {
        kt_pcache_refresh(db);
    }
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
    if (!ok) {
        apr_table_setn(r->err_headers_out, "Retry-After", apr_itoa(r->pool, kr->conf->retry_after));
    }
    r->status = ok ? HTTP_OK : HTTP_SERVICE_UNAVAILABLE;
    ap_set_content_type(r, "text/plain; charset=utf-8");
    ap_set_content_length(r, ok ? 3 : 12);
    if (!r->header_only) {
        ap_rputs(ok ? "ok\n" : "unavailable\n", r);
    }
    return OK;
}

/* Target of `ErrorDocument NNN /error/NNN`: httpd's own errors (413 from
 * LimitRequestBody, 400 for a broken request) shown as the site's page in
 * the language of the URL that failed.  Requested directly it is a 404. */
int kt_page_error_document(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    apr_int64_t status = kt_parse_id(arg);

    if (!r->prev || status < 400 || status > 599) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_error(kr, (int)status, NULL, NULL);
}

int kt_page_front(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc = kt_page_doc(kr, "front", HTTP_OK);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    (void)arg;

    if (st == KT_DB_OK) {
        st = kt_activity_newest(db, p, kr->lang, kt_xml_add(p, root, "newest", NULL));
    }
    if (st == KT_DB_OK) {
        st = kt_events_next(db, p, kr->lang, root);
    }
    if (st == KT_DB_OK) {
        st = kt_news_latest(db, p, kr->lang, FRONT_NEWS, root);
    }
    if (st == KT_DB_OK) {
        st = kt_activity_form_vocab(db, p, kr->lang, kt_xml_add(p, root, "search-form", NULL));
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, "front", doc, HTTP_OK);
}

int kt_page_activity(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc;
    kt_db *db;
    kt_found found;
    kt_db_status st;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    st = kt_db_open(kr->r, &db);
    doc = kt_page_doc(kr, "activity", HTTP_OK);
    if (st == KT_DB_OK) {
        st = kt_activity_full(db, p, kr->lang, arg, xmlDocGetRootElement(doc), &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (found != KT_FOUND) {
        return kt_send_error(kr, found == KT_GONE ? HTTP_GONE : HTTP_NOT_FOUND, NULL, NULL);
    }
    kt_search_back_link(kr, xmlDocGetRootElement(doc));
    return kt_send_page(kr, "activity", doc, HTTP_OK);
}

int kt_page_organisation(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc;
    kt_db *db;
    kt_found found;
    kt_db_status st;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    st = kt_db_open(kr->r, &db);
    doc = kt_page_doc(kr, "organisation", HTTP_OK);
    if (st == KT_DB_OK) {
        st = kt_organisation_profile(db, p, kr->lang, arg, xmlDocGetRootElement(doc), &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (found != KT_FOUND) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, "organisation", doc, HTTP_OK);
}
