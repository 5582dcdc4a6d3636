/* A kind's public pages on its filter table; see kt_listpage.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_listpage.h"
#include "kt_filter.h"
#include "kt_search_page.h"
#include "kt_http.h"
#include "kt_xml.h"

/* ---- the list ----------------------------------------------------------------------------- */

/* "/{lang}SEGMENT". */
static const char *list_path(apr_pool_t *p, kt_lang lang, const kt_listpage *lp)
{
    return apr_pstrcat(p, "/", kt_lang_codes[lang], lp->segment, NULL);
}

/* The 400 page (logged at info). */
static int bad_param(kt_req *kr, const kt_listpage *lp, const kt_search_error *err,
                     const apr_array_header_t *pairs)
{
    apr_pool_t *p = kr->r->pool;

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "%s: bad parameter %s (%s)", lp->log,
                  err->param ? err->param : "(query string)", err->reason);
    /* the same request without the wrong pair */
    return kt_send_bad_param(kr, err->param, err->reason, err->value,
                             kt_search_href_without(p, list_path(p, kr->lang, lp), pairs,
                                                    err->index));
}

/* page, new-href (a new search in the same list); with a toggle, which list
 * this is first and the other list with the same choices last. */
static void add_head(apr_pool_t *p, const kt_listpage *lp, const char *path, const kt_search *v,
                     xmlNodePtr s)
{
    int f = lp->toggle ? kt_filter_index(lp->t, lp->toggle) : -1;
    int on = f >= 0 && kt_search_one(v, f) != NULL;
    kt_search other;

    if (f >= 0) {
        kt_xml_attr(p, s, lp->toggle, on ? "true" : "false");
    }
    kt_xml_attr(p, s, "page", apr_itoa(p, v->page));
    kt_xml_attr(p, s, "new-href", on ? apr_pstrcat(p, path, "?", lp->toggle, "=1", NULL) : path);
    if (f >= 0) {
        other = on ? kt_search_without(p, v, lp->toggle, NULL) : kt_search_with(p, v, f, "1", NULL);
        kt_xml_attr(p, s, "switch-href", kt_search_href(p, path, &other, 1));
    }
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

/* <asked><filter param value remove-href>value</filter>…</asked>: q, then each
 * filter's values in the table's order; a switch is not a choice (the head
 * says which list this is). */
static void add_asked(apr_pool_t *p, const char *path, xmlNodePtr parent, const kt_search *v)
{
    xmlNodePtr asked = kt_xml_add(p, parent, "asked", NULL);
    int i, j;

    if (v->q) {
        add_choice(p, path, asked, v, "q", v->q);
    }
    for (i = 0; i < v->t->n; i++) {
        if (v->t->filters[i].type == KT_FILTER_SWITCH) {
            continue;
        }
        for (j = 0; j < v->values[i]->nelts; j++) {
            add_choice(p, path, asked, v, v->t->filters[i].name,
                       APR_ARRAY_IDX(v->values[i], j, const char *));
        }
    }
}

/* <options for><option value group>name</option>…</options>, one for each
 * vocabulary, in the statement's order. */
static kt_db_status add_vocab(kt_db *db, apr_pool_t *p, kt_lang lang, const kt_listpage *lp,
                              xmlNodePtr parent)
{
    const char *args[KT_LISTPAGE_VOCAB_MAXARGS];
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL;
    const char *current = "";
    kt_db_status st;
    int i;

    for (i = 0; i < lp->vocab_nargs && i < KT_LISTPAGE_VOCAB_MAXARGS; i++) {
        args[i] = kt_lang_codes[lang];
    }
    st = kt_db_select(db, lp->vocab, &res, i, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *k = kt_db_get(db, row, 0);
        xmlNodePtr o;
        if (strcmp(k, current) != 0) {
            current = apr_pstrdup(p, k);
            list = kt_xml_add(p, parent, "options", NULL);
            kt_xml_attr(p, list, "for", current);
        }
        o = kt_xml_add(p, list, "option", kt_db_get(db, row, 2));
        kt_xml_attr(p, o, "value", kt_db_get(db, row, 1));
        kt_xml_attr(p, o, "group", kt_db_get(db, row, 3));
    }
    return st;
}

/* <results total first last | past-end>cards</results>; *total hits. */
static kt_db_status add_results(kt_req *kr, kt_db *db, const kt_listpage *lp,
                                const kt_search *v, xmlNodePtr s, int *total)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[KT_SEARCH_MAX_NARGS + 1];
    int n = KT_FILTER_NARGS(lp->t), offset = (v->page - 1) * KT_LISTPAGE_SIZE, shown = 0;
    xmlNodePtr list = kt_xml_add(p, s, "results", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;

    kt_search_sql_args(p, v, kt_lang_codes[kr->lang], args);
    args[n] = apr_itoa(p, offset);
    /* planned for the values: the filters fold away when not given (kt_db.h) */
    st = kt_db_select_custom(db, lp->templates[0].stmt, &res, n + 1, args);
    *total = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        *total = atoi(kt_db_get(db, row, 0));
        if (kt_db_get(db, row, 1)) {
            lp->card(db, p, kr->lang, row, 1, list);
            shown++;
        }
    }
    kt_xml_attr(p, list, "total", apr_itoa(p, *total));
    if (shown) {
        kt_xml_attr(p, list, "first", apr_itoa(p, offset + 1));
        kt_xml_attr(p, list, "last", apr_itoa(p, offset + shown));
    }
    else if (*total) {
        kt_xml_attr(p, list, "past-end", "true");
    }
    return st;
}

static xmlNodePtr page_link(apr_pool_t *p, const char *path, xmlNodePtr pages, const char *el,
                            const kt_search *v, int n)
{
    xmlNodePtr x = kt_xml_add(p, pages, el, NULL);
    kt_xml_attr(p, x, "n", apr_itoa(p, n));
    kt_xml_attr(p, x, "href", kt_search_href(p, path, v, n));
    return x;
}

/* <pages current last><prev/><page-link n href current/><gap/><next/></pages>;
 * past the last page, links to the first and the last. */
static void add_pages(apr_pool_t *p, const char *path, xmlNodePtr parent, const kt_search *v,
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

int kt_listpage_serve(kt_req *kr, const kt_listpage *lp)
{
    apr_pool_t *p = kr->r->pool;
    const char *path = list_path(p, kr->lang, lp);
    kt_search v;
    apr_array_header_t *pairs;
    kt_search_error err;
    xmlDocPtr doc;
    xmlNodePtr s;
    kt_db *db;
    kt_db_status st;
    int unknown = 0, total = 0;

    if (!kt_search_parse(p, lp->t, kr->r->args, &v, &pairs, &err)) {
        return bad_param(kr, lp, &err, pairs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_search_check_codes(kr, db, &v, pairs, &unknown, &err);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (unknown) {
        return bad_param(kr, lp, &err, pairs);
    }
    doc = kt_page_doc(kr, lp->type, HTTP_OK);
    s = kt_xml_add(p, xmlDocGetRootElement(doc), lp->root, NULL);
    add_head(p, lp, path, &v, s);
    add_asked(p, path, s, &v);
    st = add_vocab(db, p, kr->lang, lp, s);
    if (st == KT_DB_OK) {
        st = add_results(kr, db, lp, &v, s, &total);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    add_pages(p, path, s, &v, total ? (total + KT_LISTPAGE_SIZE - 1) / KT_LISTPAGE_SIZE : 1);
    return kt_send_page(kr, lp->sheet, doc, HTTP_OK);
}

const char *kt_listpage_init(apr_pool_t *p, const kt_listpage *lp)
{
    const kt_listpage_template *tpl;
    kt_listpage_built *b = lp->built;
    const kt_stmt *codes = NULL, *expand = NULL;
    const char *why = kt_search_kind_init(p, lp->t, &codes, &expand);

    if (why) {
        return why;
    }
    /* every list has a vocabulary; its codes are checked before any statement */
    if (!codes) {
        return apr_pstrcat(p, "the filter table of ", lp->segment, " has no code filter", NULL);
    }
    if (lp->toggle && kt_filter_index(lp->t, lp->toggle) < 0) {
        return apr_pstrcat(p, "the filter table of ", lp->segment, " has no ", lp->toggle, NULL);
    }
    b->n = 0;
    for (tpl = lp->templates; tpl->stmt && b->n < KT_LISTPAGE_MAX_BUILT - 2; tpl++) {
        tpl->stmt->label = tpl->label;
        tpl->stmt->sql = kt_filter_sql_expand(p, lp->t, tpl->sql, tpl->feed);
        b->all[b->n++] = tpl->stmt;
    }
    b->all[b->n++] = codes;
    b->all[b->n++] = expand;
    return NULL;
}

const kt_stmt *const *kt_listpage_statements(const kt_listpage *lp, int *n)
{
    *n = lp->built->n;
    return lp->built->all;
}

/* ---- one item ---------------------------------------------------------------------------- */

int kt_itempage_serve(kt_req *kr, const kt_itempage *ip, const char *id)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { kt_lang_codes[kr->lang], id };
    xmlDocPtr doc;
    xmlNodePtr item = NULL;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    kt_db_status st;
    int found = 0, gone = 0;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    st = kt_db_open(kr->r, &db);
    doc = kt_page_doc(kr, ip->type, HTTP_OK);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, ip->full, &res, 2, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *archived = kt_db_get(db, row, 0);
        if (archived && archived[0] == 't') {
            gone = 1;
            continue;
        }
        found = 1;
        item = ip->card(db, p, kr->lang, row, 1, xmlDocGetRootElement(doc));
        ip->details(db, p, kr->lang, row, 1 + ip->card_ncols, item);
    }
    if (st == KT_DB_OK && found && ip->more) {
        st = ip->more(kr, db, id, item);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, gone ? HTTP_GONE : HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, ip->sheet, doc, HTTP_OK);
}

/* ---- cards and their parts ------------------------------------------------------------------------------- */

kt_db_status kt_cards(kt_db *db, apr_pool_t *p, kt_lang lang, const kt_stmt *stmt, int nargs,
                      const char *const *args, const char *list, kt_card_fn card,
                      xmlNodePtr parent)
{
    xmlNodePtr l = kt_xml_add(p, parent, list, NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, stmt, &res, nargs, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        card(db, p, lang, row, 0, l);
    }
    return st;
}

void kt_packed_list(apr_pool_t *p, xmlNodePtr parent, const char *list, const char *item,
                    const char *key, const char *packed)
{
    xmlNodePtr l = kt_xml_add(p, parent, list, NULL);
    char *copy, *rec, *state = NULL;

    if (!packed) {
        return;
    }
    copy = apr_pstrdup(p, packed);
    for (rec = apr_strtok(copy, "\x1e", &state); rec; rec = apr_strtok(NULL, "\x1e", &state)) {
        char *sep = strchr(rec, '\x1f');
        if (sep) {
            *sep = '\0';
            kt_xml_attr(p, kt_xml_add(p, l, item, sep + 1), key, rec);
        }
    }
}

int kt_is_true(const char *s)
{
    return s && s[0] == 't';
}

void kt_card_contact(apr_pool_t *p, xmlNodePtr item, const char *name, const char *email,
                     const char *phone)
{
    xmlNodePtr n;

    if (kt_filled(name) || kt_filled(email) || kt_filled(phone)) {
        n = kt_xml_add(p, item, "contact", NULL);
        kt_xml_attr(p, n, "name", name);
        kt_xml_attr(p, n, "email", email);
        kt_xml_attr(p, n, "phone", phone);
    }
}

void kt_card_link(apr_pool_t *p, xmlNodePtr item, const char *href)
{
    if (kt_filled(href)) {
        kt_xml_attr(p, kt_xml_add(p, item, "link", NULL), "href", href);
    }
}

xmlNodePtr kt_card_child(xmlNodePtr item, const char *name)
{
    xmlNodePtr c;

    for (c = item->children; c; c = c->next) {
        if (xmlStrcmp(c->name, BAD_CAST name) == 0) {
            return c;
        }
    }
    return NULL;
}

void kt_card_region(apr_pool_t *p, xmlNodePtr place, const char *code, const char *name)
{
    if (place && place->children && kt_filled(code)) {
        kt_xml_attr(p, place->children, "region-code", code);
        kt_xml_attr(p, place->children, "region", name);
    }
}

void kt_card_business_id(apr_pool_t *p, xmlNodePtr item, const char *business_id)
{
    xmlNodePtr org = kt_card_child(item, "organisation");

    if (org) {
        kt_xml_attr(p, org, "business-id", business_id);
    }
}
