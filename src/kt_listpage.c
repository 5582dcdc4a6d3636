/* Public list pages with a filter table; see kt_listpage.h. */
#include <apr_strings.h>
#include "kt_listpage.h"
#include "kt_query.h"
#include "kt_http.h"
#include "kt_xml.h"

const char *kt_listpage_href(apr_pool_t *p, kt_lang lang, const kt_listpage *lp,
                             const char *query)
{
    return apr_pstrcat(p, "/", kt_lang_codes[lang], lp->path, *query ? "?" : "", query, NULL);
}

kt_db_status kt_listpage_check_codes(kt_db *db, apr_pool_t *p, const kt_listpage *lp,
                                     const kt_filter_values *v,
                                     const apr_array_header_t *pairs, int *unknown,
                                     kt_filter_error *err)
{
    const char **args = apr_pcalloc(p, sizeof(const char *) * (kt_filter_count(lp->filters) + 1));
    apr_hash_t *bad = apr_hash_make(p);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int i;

    *unknown = 0;
    kt_filter_code_args(p, lp->filters, v, args);
    st = kt_db_select(db, lp->codes, &res, lp->codes_nargs, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        apr_hash_set(bad, apr_pstrcat(p, kt_db_get(db, row, 0), "=", kt_db_get(db, row, 1), NULL),
                     APR_HASH_KEY_STRING, "");
    }
    for (i = 0; st == KT_DB_OK && apr_hash_count(bad) && i < pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
        if (apr_hash_get(bad, apr_pstrcat(p, pair->name, "=", pair->value, NULL),
                         APR_HASH_KEY_STRING)) {
            *unknown = 1;
            err->param = pair->name;
            err->reason = "unknown-value";
            err->value = pair->value;
            err->index = i;
            break;
        }
    }
    return st;
}

int kt_listpage_bad_param(kt_req *kr, const kt_listpage *lp, const kt_filter_error *err,
                          const apr_array_header_t *pairs)
{
    apr_pool_t *p = kr->r->pool;
    const char *retry = NULL;

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "%s: bad parameter %s (%s)", lp->log,
                  err->param ? err->param : "(query string)", err->reason);
    if (pairs && err->index >= 0) {
        /* the same request without the wrong pair */
        apr_array_header_t *keep = apr_array_make(p, pairs->nelts, sizeof(const char *));
        int i;
        for (i = 0; i < pairs->nelts; i++) {
            const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
            if (i != err->index) {
                APR_ARRAY_PUSH(keep, const char *) = apr_pstrcat(p, kt_query_encode(p, pair->name),
                    "=", kt_query_encode(p, pair->value), NULL);
            }
        }
        retry = kt_listpage_href(p, kr->lang, lp, apr_array_pstrcat(p, keep, '&'));
    }
    else if (!err->param) {
        retry = kt_listpage_href(p, kr->lang, lp, "");
    }
    return kt_send_bad_param(kr, err->param, err->reason, err->value, retry);
}

void kt_listpage_asked(apr_pool_t *p, kt_lang lang, const kt_listpage *lp, xmlNodePtr parent,
                       const kt_filter_values *v)
{
    xmlNodePtr asked = kt_xml_add(p, parent, "asked", NULL);
    int i, j;

    for (i = 0; lp->filters[i].name; i++) {
        const char *name = lp->filters[i].name;
        const apr_array_header_t *a = kt_filter_get(v, name);
        for (j = 0; a && j < a->nelts; j++) {
            const char *value = APR_ARRAY_IDX(a, j, const char *);
            xmlNodePtr f = kt_xml_add(p, asked, "filter", value);
            kt_xml_attr(p, f, "param", name);
            kt_xml_attr(p, f, "value", value);
            kt_xml_attr(p, f, "remove-href", kt_listpage_href(p, lang, lp,
                        kt_filter_query(p, lp->tables, v, 0, name, value, 1)));
        }
    }
}

static xmlNodePtr page_link(apr_pool_t *p, kt_lang lang, const kt_listpage *lp,
                            xmlNodePtr pages, const char *el, const kt_filter_values *v, int n)
{
    xmlNodePtr x = kt_xml_add(p, pages, el, NULL);
    kt_xml_attr(p, x, "n", apr_itoa(p, n));
    kt_xml_attr(p, x, "href", kt_listpage_href(p, lang, lp,
                kt_filter_query(p, lp->tables, v, 0, NULL, NULL, n)));
    return x;
}

void kt_listpage_pages(apr_pool_t *p, kt_lang lang, const kt_listpage *lp, xmlNodePtr parent,
                       const kt_filter_values *v, int page, int last)
{
    xmlNodePtr pages = kt_xml_add(p, parent, "pages", NULL);
    int i;

    kt_xml_attr(p, pages, "current", apr_itoa(p, page));
    kt_xml_attr(p, pages, "last", apr_itoa(p, last));
    if (page > last) {
        /* a shared link may outlive what it showed: the first and last pages */
        for (i = 1; i <= last; i += last > 1 ? last - 1 : 1) {
            page_link(p, lang, lp, pages, "page-link", v, i);
        }
        return;
    }
    if (page > 1) {
        page_link(p, lang, lp, pages, "prev", v, page - 1);
    }
    for (i = 1; i <= last; i++) {
        if (i != 1 && i != last && (i < page - 2 || i > page + 2)) {
            if (i == page - 3 || i == page + 3) {
                kt_xml_add(p, pages, "gap", NULL);
            }
            continue;
        }
        if (i == page) {
            kt_xml_attr(p, page_link(p, lang, lp, pages, "page-link", v, i), "current", "true");
        }
        else {
            page_link(p, lang, lp, pages, "page-link", v, i);
        }
    }
    if (page < last) {
        page_link(p, lang, lp, pages, "next", v, page + 1);
    }
}
