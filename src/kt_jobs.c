/* Jobs as the public sees them; see kt_jobs.h.  Every statement is in
 * src/lib/kt_job_sql.h; the filters are the table kt_job_filters
 * (src/lib/kt_job.c, kt_filter.h), which the list page and the partner feed
 * read through the one machinery every kind's list has, as the events' do
 * (src/kt_events.c): kt_search.h parses and makes URLs, kt_filter.h writes
 * the conditions, kt_search_check_codes checks the codes and reads q. */
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_jobs.h"
#include "kt_job.h"
#include "kt_job_sql.h"
#include "kt_listpage.h"
#include "kt_feed.h"
#include "kt_http.h"
#include "kt_i18n.h"
#include "kt_text.h"
#include "kt_xml.h"

static const kt_stmt STMT_VOCAB KT_STMT_LISTED = { "kt_jobs_vocab", KT_JOB_SQL_VOCAB };
static const kt_stmt STMT_BY_ORG KT_STMT_LISTED = { "kt_jobs_by_org", KT_JOB_SQL_BY_ORG };
static const kt_stmt STMT_FULL KT_STMT_LISTED = { "kt_jobs_full", KT_JOB_SQL_FULL };

/* The statements of the filter table, written when the module starts
 * (kt_jobs_init): the list's, the feed's two; and those kt_search_kind_init
 * builds, which check the codes and read q. */
static kt_stmt stmt_search, stmt_feed_state, stmt_feed_items;
static kt_listpage_built built;

static const kt_listpage_template templates[] = {
    { &stmt_search, "kt_jobs_search", KT_JOB_SQL_SEARCH, 0 },
    { &stmt_feed_state, "kt_jobs_feed_state", KT_JOB_FEED_STATE, 1 },
    { &stmt_feed_items, "kt_jobs_feed_items", KT_JOB_FEED_ITEMS, 1 },
    { NULL, NULL, NULL, 0 }
};

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
    kt_xml_attr(p, place, "remote", kt_is_true(COL(8)) ? "true" : "false");
    if (kt_filled(COL(6))) {
        kt_xml_attr(p, kt_xml_add(p, place, "municipality", COL(7)), "code", COL(6));
    }
    if (kt_filled(COL(9))) {
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
    xmlNodePtr n;
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };
    const char *salary[KT_LANG_COUNT] = { COL(12), COL(13), COL(14) };

    kt_xml_attr(p, job, "updated", COL(0));
    kt_xml_attr(p, job, "published", COL(16));
    kt_xml_attr(p, job, "closes", COL(17));
    kt_xml_texts(p, job, "description", lang, t);
    kt_card_region(p, kt_card_child(job, "place"), COL(4), COL(5));
    kt_card_business_id(p, job, COL(15));
    kt_packed_list(p, job, "languages", "language", "code", COL(6));
    n = kt_xml_add(p, job, "apply", NULL);
    kt_xml_attr(p, n, "href", kt_filled(COL(7)) ? COL(7) : NULL);
    kt_xml_attr(p, n, "email", kt_filled(COL(8)) ? COL(8) : NULL);
    kt_card_contact(p, job, COL(9), COL(10), COL(11));
    kt_xml_texts(p, job, "salary", lang, salary);    /* the page's language, or the best other */
}

#undef COL

/* ---- the pages: GET /{lang}/jobs, /{lang}/jobs/{id}; an organisation's ------------------ */

/* GET /{lang}/jobs */
static const kt_listpage list_page = {
    "/jobs", &kt_job_filters, "KT0801: jobs", "jobs", "jobs", "jobs-search",
    templates, &built, &STMT_VOCAB, 3, add_card, NULL
};

/* GET /{lang}/jobs/{id}: archived, or its application time closed: 410 */
static const kt_itempage item_page = {
    "job", "jobs", &STMT_FULL, add_card, KT_JOB_SQL_CARD_NCOLS, add_details, NULL
};

const char *kt_jobs_init(apr_pool_t *p)
{
    return kt_listpage_init(p, &list_page);
}

const kt_stmt *const *kt_jobs_statements(int *n)
{
    return kt_listpage_statements(&list_page, n);
}

kt_db_status kt_jobs_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                            xmlNodePtr parent)
{
    const char *args[2] = { kt_lang_codes[lang], org };
    return kt_cards(db, p, lang, &STMT_BY_ORG, 2, args, "jobs", add_card, parent);
}

int kt_page_jobs(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_listpage_serve(kr, &list_page);
}

int kt_page_job(kt_req *kr, const char *arg)
{
    return kt_itempage_serve(kr, &item_page, arg);
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
    F_CONTACT_NAME = F_SALARY + 3, F_CONTACT_EMAIL, F_CONTACT_PHONE, F_ORG_ID, F_ORG_NAME, F_ORG_BIZID,
    F_ORG_TYPE
};

#define COL(i) kt_db_get(db, row, (i))
#define OPT(i) (kt_filled(COL(i)) ? COL(i) : NULL)

static void feed_place(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    kt_xmlout_open(o, "place");
    kt_xmlout_attr(o, p, "remote", kt_is_true(COL(F_REMOTE)) ? "true" : "false");
    kt_feed_area(o, p, db, row, F_MUNI, F_REGION);
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
    kt_feed_texts(o, p, "salary", db, row, F_SALARY);     /* each language it is in */
    kt_feed_contact(o, p, db, row, F_CONTACT_NAME);
}

/* One <job>, in the order jobs.xsd's sequence has. */
static void feed_write(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row,
                       const char *base, const void *data)
{
    (void)data;
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
    if (kt_filled(COL(F_HOURS))) {
        kt_xmlout_open(o, "hours");
        kt_xmlout_attr(o, p, "per-week", COL(F_HOURS));
        kt_xmlout_close(o);
    }
    kt_feed_list(o, p, "languages", "language", COL(F_LANGS), kt_feed_language_record);
    feed_apply(o, p, db, row);
    kt_feed_owner(o, p, db, row, F_ORG_ID, -1);
    kt_xmlout_close(o);
}

#undef OPT
#undef COL

static const kt_feed_kind job_feed = {
    "jobs", KT_JOBS_NS, "/feed/jobs.xml", "feed-jobs-xml:1",
    &stmt_feed_state, &stmt_feed_items, &kt_job_filters, feed_write,
    "page belongs to the list page: the feed carries every open job in its own order (by "
    "time of change, then id) and pages with cursor",
    "no such code: the codes are those of the list at /fi/jobs (and of the feed's schema)",
    NULL
};

int kt_feed_jobs_xml(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_feed_serve(kr, &job_feed);
}
