/* Jobs as the public sees them; see kt_jobs.h.  Every statement is in
 * src/lib/kt_job_sql.h; the filters are the table kt_job_filters
 * (src/lib/kt_job.c, kt_filter.h), shared by the list page and the partner
 * feed, read the way the events' list reads its own (src/kt_events.c). */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_jobs.h"
#include "kt_job.h"
#include "kt_job_sql.h"
#include "kt_filter.h"
#include "kt_feed.h"
#include "kt_http.h"
#include "kt_i18n.h"
#include "kt_text.h"
#include "kt_xml.h"

#define PAGE_SIZE 20

static const kt_stmt STMT_SEARCH KT_STMT_LISTED = { "kt_jobs_search", KT_JOB_SQL_SEARCH };
static const kt_stmt STMT_VOCAB KT_STMT_LISTED = { "kt_jobs_vocab", KT_JOB_SQL_VOCAB };
static const kt_stmt STMT_BY_ORG KT_STMT_LISTED = { "kt_jobs_by_org", KT_JOB_SQL_BY_ORG };
static const kt_stmt STMT_FULL KT_STMT_LISTED = { "kt_jobs_full", KT_JOB_SQL_FULL };
static const kt_stmt STMT_FEED_STATE KT_STMT_LISTED = { "kt_jobs_feed_state",
    KT_JOB_FEED_STATE };
static const kt_stmt STMT_FEED_ITEMS KT_STMT_LISTED = { "kt_jobs_feed_items",
    KT_JOB_FEED_ITEMS };

/* The tables of the page: the filters, then page. */
static const kt_filter *const page_tables[] = { kt_job_filters, kt_job_page_params, NULL };
static const kt_filter *const feed_tables[] = { kt_job_filters, NULL };

/* The statement that finds unknown codes, written from the filter table when
 * the module starts (kt_jobs_init). */
static kt_stmt codes_stmt;
static int codes_nargs;

const char *kt_jobs_init(apr_pool_t *p)
{
    codes_stmt.label = "kt_jobs_codes";
    codes_stmt.sql = kt_filter_codes_sql(p, kt_job_filters, &codes_nargs);
    return codes_stmt.sql ? NULL : "the jobs' filter table has no code filter";
}

const kt_stmt *kt_jobs_statement(void)
{
    return &codes_stmt;
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

/* The codes no vocabulary has: the first one in the order given, as a 400's
 * parameter and value.  *unknown 0 when every code is known. */
static kt_db_status check_codes(kt_db *db, apr_pool_t *p, const kt_filter_values *v,
                                const apr_array_header_t *pairs, int *unknown,
                                kt_filter_error *err)
{
    const char *args[KT_JOB_SQL_FILTERS];
    apr_hash_t *bad = apr_hash_make(p);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int i;

    *unknown = 0;
    kt_filter_code_args(p, kt_job_filters, v, args);
    st = kt_db_select(db, &codes_stmt, &res, codes_nargs, args);
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

static const char *href(apr_pool_t *p, kt_lang lang, const char *query)
{
    return apr_pstrcat(p, "/", kt_lang_codes[lang], "/jobs", *query ? "?" : "", query, NULL);
}

/* 400 for a wrong parameter, with a link to the same list without it. */
static int bad_param(kt_req *kr, const kt_filter_error *err, const apr_array_header_t *pairs)
{
    apr_pool_t *p = kr->r->pool;
    const char *retry = NULL;

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0801: jobs: bad parameter %s (%s)",
                  err->param ? err->param : "(query string)", err->reason);
    if (pairs && err->index >= 0) {
        apr_array_header_t *keep = apr_array_make(p, pairs->nelts, sizeof(const char *));
        int i;
        for (i = 0; i < pairs->nelts; i++) {
            const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
            if (i != err->index) {
                APR_ARRAY_PUSH(keep, const char *) = apr_pstrcat(p, kt_query_encode(p, pair->name),
                    "=", kt_query_encode(p, pair->value), NULL);
            }
        }
        retry = href(p, kr->lang, apr_array_pstrcat(p, keep, '&'));
    }
    else if (!err->param) {
        retry = href(p, kr->lang, "");
    }
    return kt_send_bad_param(kr, err->param, err->reason, err->value, retry);
}

/* What was asked, each with a link that removes it. */
static void add_asked(apr_pool_t *p, kt_lang lang, xmlNodePtr s, const kt_filter_values *v)
{
    xmlNodePtr asked = kt_xml_add(p, s, "asked", NULL);
    int i, k;

    for (i = 0; kt_job_filters[i].name; i++) {
        const char *name = kt_job_filters[i].name;
        const apr_array_header_t *a = kt_filter_get(v, name);
        for (k = 0; a && k < a->nelts; k++) {
            const char *value = APR_ARRAY_IDX(a, k, const char *);
            xmlNodePtr f = kt_xml_add(p, asked, "filter", value);
            kt_xml_attr(p, f, "param", name);
            kt_xml_attr(p, f, "value", value);
            kt_xml_attr(p, f, "remove-href",
                        href(p, lang, kt_filter_query(p, page_tables, v, 0, name, value, 1)));
        }
    }
}

static void page_link(apr_pool_t *p, kt_lang lang, xmlNodePtr pages, const char *el,
                      const kt_filter_values *v, int n, int current)
{
    xmlNodePtr l = kt_xml_add(p, pages, el, NULL);

    kt_xml_attr(p, l, "n", apr_itoa(p, n));
    kt_xml_attr(p, l, "href", href(p, lang, kt_filter_query(p, page_tables, v, 0, NULL, NULL, n)));
    if (current) {
        kt_xml_attr(p, l, "current", "true");
    }
}

static void add_pages(apr_pool_t *p, kt_lang lang, xmlNodePtr s, const kt_filter_values *v,
                      int page, int last)
{
    xmlNodePtr pages = kt_xml_add(p, s, "pages", NULL);
    int i;

    kt_xml_attr(p, pages, "current", apr_itoa(p, page));
    kt_xml_attr(p, pages, "last", apr_itoa(p, last));
    if (page > last) {
        /* a shared link may outlive the jobs it showed: the first and last pages */
        for (i = 1; i <= last; i += last > 1 ? last - 1 : 1) {
            page_link(p, lang, pages, "page-link", v, i, 0);
        }
        return;
    }
    if (page > 1) {
        page_link(p, lang, pages, "prev", v, page - 1, 0);
    }
    for (i = 1; i <= last; i++) {
        if (i != 1 && i != last && (i < page - 2 || i > page + 2)) {
            if (i == page - 3 || i == page + 3) {
                kt_xml_add(p, pages, "gap", NULL);
            }
            continue;
        }
        page_link(p, lang, pages, "page-link", v, i, i == page);
    }
    if (page < last) {
        page_link(p, lang, pages, "next", v, page + 1, 0);
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

static kt_db_status results(kt_req *kr, kt_db *db, const kt_filter_values *v, xmlNodePtr s,
                            int page, int *total)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[KT_JOB_SQL_FILTERS + 2];
    xmlNodePtr list = kt_xml_add(p, s, "results", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int shown = 0;

    kt_filter_sql_args(p, kt_job_filters, v, args);
    args[KT_JOB_SQL_FILTERS] = kt_lang_codes[kr->lang];
    args[KT_JOB_SQL_FILTERS + 1] = apr_itoa(p, (page - 1) * PAGE_SIZE);
    /* planned for the values, as the activity search's (kt_db.h) */
    st = kt_db_select_custom(db, &STMT_SEARCH, &res, KT_JOB_SQL_FILTERS + 2, args);
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
        kt_xml_attr(p, list, "first", apr_itoa(p, (page - 1) * PAGE_SIZE + 1));
        kt_xml_attr(p, list, "last", apr_itoa(p, (page - 1) * PAGE_SIZE + shown));
    }
    else if (*total) {
        kt_xml_attr(p, list, "past-end", "true");
    }
    return st;
}

int kt_page_jobs(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    kt_filter_values *v;
    apr_array_header_t *pairs;
    kt_filter_error err;
    xmlDocPtr doc;
    xmlNodePtr s;
    kt_db *db;
    kt_db_status st;
    int unknown = 0, total = 0, page;
    (void)arg;

    if (!kt_filter_parse(p, kr->r->args, page_tables, 1, NULL, NULL, &v, &pairs, &err)) {
        return bad_param(kr, &err, pairs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = check_codes(db, p, v, pairs, &unknown, &err);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (unknown) {
        return bad_param(kr, &err, pairs);
    }
    page = kt_filter_page(v);
    doc = kt_page_doc(kr, "jobs", HTTP_OK);
    s = kt_xml_add(p, xmlDocGetRootElement(doc), "jobs-search", NULL);
    kt_xml_attr(p, s, "page", apr_itoa(p, page));
    kt_xml_attr(p, s, "new-href", href(p, kr->lang, ""));
    add_asked(p, kr->lang, s, v);
    st = add_vocab(db, p, kr->lang, s);
    if (st == KT_DB_OK) {
        st = results(kr, db, v, s, page, &total);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    add_pages(p, kr->lang, s, v, page, total ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1);
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

typedef struct {
    kt_feed_params *fp;
} take_ctx;

/* The feed's own limit, cursor and updated_since (kt_feed_param). */
static int take_feed_param(void *baton, const char *name, const char *value,
                           const char **param, const char **reason)
{
    take_ctx *c = baton;
    kt_feed_error err;
    int rv = kt_feed_param(c->fp, name, value, &err);

    if (rv < 0) {
        *param = err.param;
        *reason = err.reason;
    }
    return rv;
}

static int feed_parse(apr_pool_t *p, const char *raw, kt_feed_params *fp, void **fs,
                      apr_array_header_t **pairs, kt_feed_error *err)
{
    take_ctx c = { fp };
    kt_filter_values *v;
    kt_filter_error ferr;

    kt_feed_params_init(fp);
    if (!kt_filter_parse(p, raw, feed_tables, 0, take_feed_param, &c, &v, pairs, &ferr)) {
        err->param = ferr.param;
        err->reason = ferr.reason;
        return 0;
    }
    *fs = v;
    return 1;
}

static kt_db_status feed_check(kt_req *kr, kt_db *db, void *fs, const apr_array_header_t *pairs,
                               int *unknown, kt_feed_error *err, const char **canonical)
{
    kt_filter_error ferr;
    kt_db_status st = check_codes(db, kr->r->pool, fs, pairs, unknown, &ferr);

    if (st == KT_DB_OK && *unknown) {
        err->param = ferr.param;
        err->reason = ferr.reason;
    }
    else if (st == KT_DB_OK) {
        *canonical = kt_filter_query(kr->r->pool, feed_tables, fs, 1, NULL, NULL, 1);
    }
    return st;
}

static void feed_args(apr_pool_t *p, const void *fs, const char **args)
{
    kt_filter_sql_args(p, kt_job_filters, fs, args);
}

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

static int feed_page_only(const char *name)
{
    return strcmp(name, "page") == 0;
}

static int feed_flag(const char *name)
{
    return strcmp(name, "remote") == 0;
}

static const kt_feed_kind job_feed = {
    "jobs", KT_JOBS_NS, "/feed/jobs.xml", "feed-jobs-xml:1",
    &STMT_FEED_STATE, &STMT_FEED_ITEMS, KT_JOB_SQL_FILTERS, KT_JOB_FEED_NARGS,
    feed_parse, feed_check, feed_args, feed_write, feed_page_only,
    "page belongs to the list page: the feed carries every open job in its own order (by "
    "time of change, then id) and pages with cursor",
    "no such code: the codes are those of the list at /fi/jobs (and of the feed's schema)",
    feed_flag, NULL
};

int kt_feed_jobs_xml(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_feed_serve(kr, &job_feed);
}
