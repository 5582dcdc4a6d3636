/* Public list pages on a filter table; see kt_listpage.h. */
#include <apr_strings.h>
#include "kt_listpage.h"
#include "kt_http.h"
#include "kt_xml.h"

const char *kt_listpage_path(apr_pool_t *p, kt_lang lang, const kt_listpage *lp)
{
    return apr_pstrcat(p, "/", kt_lang_codes[lang], lp->segment, NULL);
}

int kt_listpage_bad_param(kt_req *kr, const kt_listpage *lp, const kt_search_error *err,
                          const apr_array_header_t *pairs)
{
    apr_pool_t *p = kr->r->pool;

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "%s: bad parameter %s (%s)", lp->log,
                  err->param ? err->param : "(query string)", err->reason);
    /* the same request without the wrong pair */
    return kt_send_bad_param(kr, err->param, err->reason, err->value,
                             kt_search_href_without(p, kt_listpage_path(p, kr->lang, lp), pairs,
                                                    err->index));
}

static void add_choice(apr_pool_t *p, const char *path, xmlNodePtr asked, const kt_search *v,
                       const char *name, const char *value)
{
    kt_search w = kt_search_without(p, v, name, value);
    xmlNodePtr f = kt_xml_add(p, asked, "filter", value);

    kt_xml_attr(p, f, "param", name);
    kt_xml_attr(p, f, "value", value);
    kt_xml_attr(p, f, "remove-href", kt_search_href(p, path, &w, 1));
}

void kt_listpage_asked(apr_pool_t *p, const char *path, xmlNodePtr parent, const kt_search *v)
{
    xmlNodePtr asked = kt_xml_add(p, parent, "asked", NULL);
    int i, j;

    if (v->q) {
        add_choice(p, path, asked, v, "q", v->q);
    }
    for (i = 0; i < v->t->n; i++) {
        for (j = 0; j < v->values[i]->nelts; j++) {
            add_choice(p, path, asked, v, v->t->filters[i].name,
                       APR_ARRAY_IDX(v->values[i], j, const char *));
        }
    }
}

static xmlNodePtr page_link(apr_pool_t *p, const char *path, xmlNodePtr pages, const char *el,
                            const kt_search *v, int n)
{
    xmlNodePtr x = kt_xml_add(p, pages, el, NULL);
    kt_xml_attr(p, x, "n", apr_itoa(p, n));
    kt_xml_attr(p, x, "href", kt_search_href(p, path, v, n));
    return x;
}

void kt_listpage_pages(apr_pool_t *p, const char *path, xmlNodePtr parent, const kt_search *v,
                       int last)
{
    xmlNodePtr pages = kt_xml_add(p, parent, "pages", NULL);
    int i, page = v->page;

    kt_xml_attr(p, pages, "current", apr_itoa(p, page));
    kt_xml_attr(p, pages, "last", apr_itoa(p, last));
    if (page > last) {
        /* a shared link may outlive what it showed: the first and last pages */
        for (i = 1; i <= last; i += last > 1 ? last - 1 : 1) {
            page_link(p, path, pages, "page-link", v, i);
        }
        return;
    }
    if (page > 1) {
        page_link(p, path, pages, "prev", v, page - 1);
    }
    for (i = 1; i <= last; i++) {
        if (i != 1 && i != last && (i < page - 2 || i > page + 2)) {
            if (i == page - 3 || i == page + 3) {
                kt_xml_add(p, pages, "gap", NULL);
            }
            continue;
        }
        if (i == page) {
            kt_xml_attr(p, page_link(p, path, pages, "page-link", v, i), "current", "true");
        }
        else {
            page_link(p, path, pages, "page-link", v, i);
        }
    }
    if (page < last) {
        page_link(p, path, pages, "next", v, page + 1);
    }
}
