/* Jobs as the public sees them; see kt_jobs.h.  Every statement is in
 * src/lib/kt_job_sql.h; the filters are the table kt_job_filters
 * (src/lib/kt_job.c, kt_filter.h), which the list page and the partner feed
 * read through the one machinery every kind's list has, as the events' do
 * (src/kt_events.c): kt_search.h parses and makes URLs, kt_filter.h writes
 * the conditions, kt_search_check_codes checks the codes and reads q. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_jobs.h"
#include "kt_job.h"
#include "kt_job_sql.h"
#include "kt_filter.h"
#include "kt_search.h"
#include "kt_search_page.h"
#include "kt_feed.h"
#include "kt_http.h"
#include "kt_i18n.h"
#include "kt_text.h"
#include "kt_xml.h"

#define PAGE_SIZE 20

static const kt_stmt STMT_VOCAB KT_STMT_LISTED = { "kt_jobs_vocab", KT_JOB_SQL_VOCAB };
static const kt_stmt STMT_BY_ORG KT_STMT_LISTED = { "kt_jobs_by_org", KT_JOB_SQL_BY_ORG };
static const kt_stmt STMT_FULL KT_STMT_LISTED = { "kt_jobs_full", KT_JOB_SQL_FULL };

#define TABLE (&kt_job_filters)

/* The statements of the filter table, written when the module starts
 * (kt_jobs_init): the list's, the feed's two; and those kt_search_kind_init
 * builds, which check the codes and read q. */
static kt_stmt stmt_search, stmt_feed_state, stmt_feed_items;
static const kt_stmt *built[5];
static int nbuilt;

static kt_stmt template(apr_pool_t *p, const char *label, const char *sql, int feed)
{
    kt_stmt st;
    st.label = label;
    st.sql = kt_filter_sql_expand(p, TABLE, sql, feed);
    return st;
}

const char *kt_jobs_init(apr_pool_t *p)
{
    const kt_stmt *codes = NULL, *expand = NULL;
    const char *why = kt_search_kind_init(p, TABLE, &codes, &expand);

    if (why) {
        return why;
    }
    if (!codes) {
        return "the jobs' filter table has no code filter";
    }
    stmt_search = template(p, "kt_jobs_search", KT_JOB_SQL_SEARCH, 0);
    stmt_feed_state = template(p, "kt_jobs_feed_state", KT_JOB_FEED_STATE, 1);
    stmt_feed_items = template(p, "kt_jobs_feed_items", KT_JOB_FEED_ITEMS, 1);
    nbuilt = 0;
    built[nbuilt++] = &stmt_search;
    built[nbuilt++] = &stmt_feed_state;
    built[nbuilt++] = &stmt_feed_items;
    built[nbuilt++] = codes;
    built[nbuilt++] = expand;
    return NULL;
}

const kt_stmt *const *kt_jobs_statements(int *n)
{
    *n = nbuilt;
    return built;
}

static int filled(const char *s)
{
    return s && *s;
}

static int is_true(const char *s)
{
    return s && s[0] == 't';
}

/* ---- a job's elements --------------------------------------------------------------- */

#define COL(i) kt_db_get(db, row, at + (i))

/* The card of KT_JOB_SQL_CARD's columns from `at`: <job id> with title,
 * type, place, hours, deadline, organisation. */
static xmlNodePtr add_card(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                           xmlNodePtr parent)
{
    xmlNodePtr job = kt_xml_add(p, parent, "job", NULL), n, place;
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };

    kt_xml_attr(p, job, "id", COL(0));
    kt_xml_texts(p, job, "title", lang, t);
    if (COL(4)) {
        kt_xml_attr(p, kt_xml_add(p, job, "type", COL(5)), "code", COL(4));
    }
    place = kt_xml_add(p, job, "place", NULL);
    kt_xml_attr(p, place, "remote", is_true(COL(8)) ? "true" : "false");
    if (filled(COL(6))) {
        kt_xml_attr(p, kt_xml_add(p, place, "municipality", COL(7)), "code", COL(6));
    }
    if (filled(COL(9))) {
        kt_xml_attr(p, kt_xml_add(p, job, "hours", NULL), "per-week", COL(9));
    }
    n = kt_xml_add(p, job, "deadline", NULL);
    kt_xml_attr(p, n, "date", COL(10));
    kt_xml_attr(p, n, "time", COL(11));
    kt_xml_attr(p, kt_xml_add(p, job, "organisation", COL(13)), "id", COL(12));
    return job;
}

/* The rest of the full job (KT_JOB_SQL_FULL after the card). */
static void add_details(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                        xmlNodePtr job)
{
    xmlNodePtr n, c;
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };
    char *copy, *rec, *state = NULL;

    kt_xml_attr(p, job, "updated", COL(0));
    kt_xml_attr(p, job, "published", COL(14));
    kt_xml_attr(p, job, "closes", COL(15));
    kt_xml_texts(p, job, "description", lang, t);
    for (c = job->children; c; c = c->next) {
        if (xmlStrcmp(c->name, BAD_CAST "place") == 0 && c->children && filled(COL(4))) {
            kt_xml_attr(p, c->children, "region-code", COL(4));
            kt_xml_attr(p, c->children, "region", COL(5));
        }
        if (xmlStrcmp(c->name, BAD_CAST "organisation") == 0) {
            kt_xml_attr(p, c, "business-id", COL(13));
        }
    }
    n = kt_xml_add(p, job, "languages", NULL);
    copy = apr_pstrdup(p, COL(6) ? COL(6) : "");
    for (rec = apr_strtok(copy, "\x1e", &state); rec; rec = apr_strtok(NULL, "\x1e", &state)) {
        char *sep = strchr(rec, '\x1f');
        if (sep) {
            *sep = '\0';
            kt_xml_attr(p, kt_xml_add(p, n, "language", sep + 1), "code", rec);
        }
    }
    n = kt_xml_add(p, job, "apply", NULL);
    kt_xml_attr(p, n, "href", filled(COL(7)) ? COL(7) : NULL);
    kt_xml_attr(p, n, "email", filled(COL(8)) ? COL(8) : NULL);
    if (filled(COL(9)) || filled(COL(10)) || filled(COL(11))) {
        n = kt_xml_add(p, job, "contact", NULL);
        kt_xml_attr(p, n, "name", COL(9));
        kt_xml_attr(p, n, "email", COL(10));
        kt_xml_attr(p, n, "phone", COL(11));
    }
    if (filled(COL(12))) {
        kt_xml_add(p, job, "salary", COL(12));
    }
}

#undef COL

kt_db_status kt_jobs_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                            xmlNodePtr parent)
{
    const char *args[2] = { kt_lang_codes[lang], org };
    xmlNodePtr list = kt_xml_add(p, parent, "jobs", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_BY_ORG, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        add_card(db, p, lang, row, 0, list);
    }
    return st;
}

/* ---- the list: GET /{lang}/jobs --------------------------------------------------------- */

static const char *list_path(apr_pool_t *p, kt_lang lang)
{
    return apr_pstrcat(p, "/", kt_lang_codes[lang], "/jobs", NULL);
}

/* 400 for a wrong parameter, with a link to the same list without it. */
static int bad_param(kt_req *kr, const kt_search_error *err, const apr_array_header_t *pairs)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0801: jobs: bad parameter %s (%s)",
                  err->param ? err->param : "(query string)", err->reason);
    return kt_send_bad_param(kr, err->param, err->reason, err->value,
                             kt_search_href_without(kr->r->pool, list_path(kr->r->pool, kr->lang),
                                                    pairs, err->index));
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

/* <asked>: q and each filter's values, each with the list without it. */
static void add_asked(apr_pool_t *p, const char *path, xmlNodePtr s, const kt_search *v)
{
    xmlNodePtr asked = kt_xml_add(p, s, "asked", NULL);
    int i, j;

    if (v->q) {
        add_choice(p, path, asked, v, "q", v->q);
    }
    for (i = 0; i < TABLE->n; i++) {
        for (j = 0; j < v->values[i]->nelts; j++) {
            add_choice(p, path, asked, v, TABLE->filters[i].name,
                       APR_ARRAY_IDX(v->values[i], j, const char *));
        }
    }
}

static void page_link(apr_pool_t *p, const char *path, xmlNodePtr pages, const char *name,
                      const kt_search *v, int n)
{
    xmlNodePtr link = kt_xml_add(p, pages, name, NULL);
    kt_xml_attr(p, link, "n", apr_itoa(p, n));
    kt_xml_attr(p, link, "href", kt_search_href(p, path, v, n));
    if (n == v->page && strcmp(name, "page-link") == 0) {
        kt_xml_attr(p, link, "current", "true");
    }
}

static void add_pages(apr_pool_t *p, const char *path, xmlNodePtr s, const kt_search *v,
                      int last)
{
    xmlNodePtr pages = kt_xml_add(p, s, "pages", NULL);
    int i, page = v->page;

    kt_xml_attr(p, pages, "current", apr_itoa(p, page));
    kt_xml_attr(p, pages, "last", apr_itoa(p, last));
    if (page > last) {
        /* a shared link may outlive the jobs it showed: the first and last pages */
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
        page_link(p, path, pages, "page-link", v, i);
    }
    if (page < last) {
        page_link(p, path, pages, "next", v, page + 1);
    }
}

static kt_db_status add_vocab(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang], *args[3] = { l, l, l };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL;
    const char *current = "";
    kt_db_status st = kt_db_select(db, &STMT_VOCAB, &res, 3, args);

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

static kt_db_status results(kt_req *kr, kt_db *db, const kt_search *v, xmlNodePtr s,
                            int *total)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[KT_SEARCH_MAX_NARGS + 1];
    int n = KT_FILTER_NARGS(TABLE);
    xmlNodePtr list = kt_xml_add(p, s, "results", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int shown = 0;

    kt_search_sql_args(p, v, kt_lang_codes[kr->lang], args);
    args[n] = apr_itoa(p, (v->page - 1) * PAGE_SIZE);
    /* planned for the values, as the activity search's (kt_db.h) */
    st = kt_db_select_custom(db, &stmt_search, &res, n + 1, args);
    *total = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        *total = atoi(kt_db_get(db, row, 0));
        if (kt_db_get(db, row, 1)) {
            add_card(db, p, kr->lang, row, 1, list);
            shown++;
        }
    }
    kt_xml_attr(p, list, "total", apr_itoa(p, *total));
    if (shown) {
        kt_xml_attr(p, list, "first", apr_itoa(p, (v->page - 1) * PAGE_SIZE + 1));
        kt_xml_attr(p, list, "last", apr_itoa(p, (v->page - 1) * PAGE_SIZE + shown));
    }
    else if (*total) {
        kt_xml_attr(p, list, "past-end", "true");
    }
    return st;
}

int kt_page_jobs(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *path = list_path(p, kr->lang);
    kt_search v;
    apr_array_header_t *pairs;
    kt_search_error err;
    xmlDocPtr doc;
    xmlNodePtr s;
    kt_db *db;
    kt_db_status st;
    int unknown = 0, total = 0;
    (void)arg;

    if (!kt_search_parse(p, TABLE, kr->r->args, &v, &pairs, &err)) {
        return bad_param(kr, &err, pairs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_search_check_codes(kr, db, &v, pairs, &unknown, &err);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (unknown) {
        return bad_param(kr, &err, pairs);
    }
    doc = kt_page_doc(kr, "jobs", HTTP_OK);
    s = kt_xml_add(p, xmlDocGetRootElement(doc), "jobs-search", NULL);
    kt_xml_attr(p, s, "page", apr_itoa(p, v.page));
    kt_xml_attr(p, s, "new-href", path);
    add_asked(p, path, s, &v);
    st = add_vocab(db, p, kr->lang, s);
    if (st == KT_DB_OK) {
        st = results(kr, db, &v, s, &total);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    add_pages(p, path, s, &v, total ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1);
    return kt_send_page(kr, "jobs", doc, HTTP_OK);
}

/* ---- one job: GET /{lang}/jobs/{id} ------------------------------------------------------ */

int kt_page_job(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { kt_lang_codes[kr->lang], arg };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlDocPtr doc;
    kt_db *db;
    kt_db_status st;
    int found = 0, gone = 0;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    st = kt_db_open(kr->r, &db);
    doc = kt_page_doc(kr, "job", HTTP_OK);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_FULL, &res, 2, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr job;
        if (is_true(kt_db_get(db, row, 0))) {
            gone = 1;   /* archived, or its application time closed */
            continue;
        }
        found = 1;
        job = add_card(db, p, kr->lang, row, 1, xmlDocGetRootElement(doc));
        add_details(db, p, kr->lang, row, 1 + KT_JOB_SQL_CARD_NCOLS, job);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, gone ? HTTP_GONE : HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, "jobs", doc, HTTP_OK);
}

/* ---- the partner feed: GET /feed/jobs.xml ----------------------------------------------- */

/* The filters are the list page's (kt_job_filters): parsed, checked and made
 * canonical by the same machinery (kt_feed_serve). */

/* Columns of KT_JOB_FEED_ITEMS. */
enum {
    F_HIT, F_ID, F_UPDATED, F_US, F_PUBLISHED, F_TITLE, F_DESC = F_TITLE + 3,
    F_TYPE = F_DESC + 3, F_TYPE_FI, F_TYPE_SV, F_TYPE_EN, F_MUNI, F_MUNI_FI, F_MUNI_SV,
    F_REGION, F_REGION_FI, F_REGION_SV, F_REGION_EN, F_REMOTE, F_HOURS, F_LANGS,
    F_DEADLINE_DATE, F_DEADLINE_TIME, F_CLOSES, F_APPLY_URL, F_APPLY_EMAIL, F_SALARY,
    F_CONTACT_NAME, F_CONTACT_EMAIL, F_CONTACT_PHONE, F_ORG_ID, F_ORG_NAME, F_ORG_BIZID,
    F_ORG_TYPE
};

#define COL(i) kt_db_get(db, row, (i))
#define OPT(i) (filled(COL(i)) ? COL(i) : NULL)

static void feed_place(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    kt_xmlout_open(o, "place");
    kt_xmlout_attr(o, p, "remote", is_true(COL(F_REMOTE)) ? "true" : "false");
    if (filled(COL(F_MUNI))) {
        kt_xmlout_open(o, "municipality");
        kt_xmlout_attr(o, p, "code", COL(F_MUNI));
        kt_xmlout_leaf(o, p, "name", "fi", COL(F_MUNI_FI));
        kt_xmlout_leaf(o, p, "name", "sv", COL(F_MUNI_SV));
        kt_xmlout_close(o);
    }
    if (filled(COL(F_REGION))) {
        kt_xmlout_open(o, "region");
        kt_xmlout_attr(o, p, "code", COL(F_REGION));
        kt_feed_texts(o, p, "name", db, row, F_REGION_FI);
        kt_xmlout_close(o);
    }
    kt_xmlout_close(o);
}

static void feed_apply(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    kt_xmlout_open(o, "deadline");
    kt_xmlout_attr(o, p, "date", COL(F_DEADLINE_DATE));
    kt_xmlout_attr(o, p, "time", OPT(F_DEADLINE_TIME));
    kt_xmlout_attr(o, p, "timezone", "Europe/Helsinki");
    kt_xmlout_attr(o, p, "closes", COL(F_CLOSES));
    kt_xmlout_close(o);
    kt_xmlout_open(o, "apply");
    kt_xmlout_attr(o, p, "href", OPT(F_APPLY_URL));
    kt_xmlout_attr(o, p, "email", OPT(F_APPLY_EMAIL));
    kt_xmlout_close(o);
    if (filled(COL(F_SALARY))) {
        kt_xmlout_open(o, "salary");
        kt_xmlout_text(o, p, COL(F_SALARY));
        kt_xmlout_close(o);
    }
    if (filled(COL(F_CONTACT_NAME)) || filled(COL(F_CONTACT_EMAIL))
        || filled(COL(F_CONTACT_PHONE))) {
        kt_xmlout_open(o, "contact");
        kt_xmlout_attr(o, p, "name", OPT(F_CONTACT_NAME));
        kt_xmlout_attr(o, p, "email", OPT(F_CONTACT_EMAIL));
        kt_xmlout_attr(o, p, "phone", OPT(F_CONTACT_PHONE));
        kt_xmlout_close(o);
    }
}

/* One <job>, in the order jobs.xsd's sequence has. */
static void feed_write(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row,
                       const char *base)
{
    kt_xmlout_open(o, "job");
    kt_xmlout_attr(o, p, "id", COL(F_ID));
    kt_xmlout_attr(o, p, "updated", COL(F_UPDATED));
    kt_xmlout_attr(o, p, "published", COL(F_PUBLISHED));
    kt_feed_titles(o, p, db, row, F_TITLE);
    kt_feed_texts(o, p, "description", db, row, F_DESC);
    kt_feed_canonical(o, p, base, "jobs", COL(F_ID));
    kt_xmlout_open(o, "type");
    kt_xmlout_attr(o, p, "code", COL(F_TYPE));
    kt_feed_texts(o, p, "name", db, row, F_TYPE_FI);
    kt_xmlout_close(o);
    feed_place(o, p, db, row);
    if (filled(COL(F_HOURS))) {
        kt_xmlout_open(o, "hours");
        kt_xmlout_attr(o, p, "per-week", COL(F_HOURS));
        kt_xmlout_close(o);
    }
    kt_feed_list(o, p, "languages", "language", COL(F_LANGS), kt_feed_language_record);
    feed_apply(o, p, db, row);
    kt_xmlout_open(o, "organisation");
    kt_xmlout_attr(o, p, "id", COL(F_ORG_ID));
    kt_xmlout_attr(o, p, "business-id", COL(F_ORG_BIZID));
    kt_xmlout_attr(o, p, "type", COL(F_ORG_TYPE));
    kt_xmlout_text(o, p, COL(F_ORG_NAME));
    kt_xmlout_close(o);
    kt_xmlout_close(o);
}

#undef OPT
#undef COL

static const kt_feed_kind job_feed = {
    "jobs", KT_JOBS_NS, "/feed/jobs.xml", "feed-jobs-xml:1",
    &stmt_feed_state, &stmt_feed_items, &kt_job_filters, feed_write,
    "page belongs to the list page: the feed carries every open job in its own order (by "
    "time of change, then id) and pages with cursor",
    "no such code: the codes are those of the list at /fi/jobs (and of the feed's schema)"
};

int kt_feed_jobs_xml(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_feed_serve(kr, &job_feed);
}
