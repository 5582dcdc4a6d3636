/* The module's half of each kind's descriptor (kt_engine.h), and the table
 * of them.  A kind's half is its content's functions (the pure ones of
 * src/lib, the database ones of its own file), its stylesheets and its
 * public pages; the engine and the route table take everything from here. */
#include "kt_engine.h"
#include "kt_listing_db.h"
#include "kt_search_page.h"
#include "kt_feed.h"
#include "kt_ics.h"
#include "kt_event_db.h"
#include "kt_events.h"
#include "kt_job_db.h"
#include "kt_jobs.h"
#include "kt_news_db.h"
#include "kt_news.h"
#include "kt_project_db.h"
#include "kt_projects.h"
#include "kt_network_db.h"
#include "kt_networks.h"
#include "kt_activity.h"
#include "kt_xml.h"

/* ---- activities -------------------------------------------------------------------- */

static void *activity_blank(apr_pool_t *p)
{
    return kt_listing_new(p);
}

static void *activity_from_form(apr_pool_t *p, const kt_form *f)
{
    return kt_listing_from_form(p, f);
}

static int activity_check(apr_pool_t *p, const void *c, int submit, const char *today,
                          kt_listing_err err, void *baton)
{
    return kt_listing_check(p, c, submit, today, err, baton);
}

static kt_db_status activity_codes(kt_db *db, apr_pool_t *p, const char *org, void *c,
                                   kt_listing_err err, void *baton, int *problems)
{
    return kt_listing_check_codes(db, p, org, c, err, baton, problems);
}

static kt_db_status activity_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                  int version, void *c, const char **rules, int *found)
{
    return kt_listing_version_load(db, p, lang, id, version, c, rules, found);
}

static kt_db_status activity_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                  const char *org, const char *author, const void *c,
                                  const char *rules)
{
    return kt_listing_version_save(db, p, id, version, org, author, c, rules);
}

static void activity_fill(kt_fstate *fs, apr_pool_t *p, const void *c, int extra_a, int extra_b)
{
    kt_listing_fill(fs, p, c, extra_a, extra_b);
}

static int activity_rows(apr_pool_t *p, const kt_form *f, void *c, const char *action,
                         int *extra_a, int *extra_b)
{
    return kt_listing_row_button(p, f, c, action, extra_a, extra_b);
}

static xmlNodePtr activity_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const void *c)
{
    return kt_listing_xml(p, parent, role, c);
}

static apr_array_header_t *activity_diff(apr_pool_t *p, const void *a, const void *b)
{
    return kt_listing_diff(p, a, b);
}

static const apr_array_header_t *activity_languages(const void *c)
{
    return ((const kt_listing *)c)->languages;
}

/* The profile's list: <activities> of summaries. */
static kt_db_status activity_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                                    xmlNodePtr parent)
{
    return kt_activity_by_org(db, p, lang, org, kt_xml_add(p, parent, "activities", NULL));
}

static const kt_kind_ops activity_ops = {
    &kt_kind_activity, "listing", "moderation", &kt_listing_form_limits,
    activity_blank, activity_from_form, activity_check, activity_codes, activity_load,
    activity_save, activity_fill, activity_rows, activity_xml, activity_diff,
    activity_languages, kt_listing_options,
    kt_page_search, kt_page_activity, kt_ics_activity, kt_feed_xml, kt_feed_atom,
    "activities.xsd", kt_search_sql_init, kt_search_statements, activity_by_org, NULL
};

/* ---- events and trainings ------------------------------------------------------------- */

static void *event_blank(apr_pool_t *p)
{
    return kt_event_new(p);
}

static void *event_from_form(apr_pool_t *p, const kt_form *f)
{
    return kt_event_from_form(p, f);
}

static int event_check(apr_pool_t *p, const void *c, int submit, const char *today,
                       kt_listing_err err, void *baton)
{
    return kt_event_check(p, c, submit, today, err, baton);
}

static kt_db_status event_codes(kt_db *db, apr_pool_t *p, const char *org, void *c,
                                kt_listing_err err, void *baton, int *problems)
{
    return kt_event_check_codes(db, p, org, c, err, baton, problems);
}

static kt_db_status event_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                               int version, void *c, const char **rules, int *found)
{
    return kt_event_version_load(db, p, lang, id, version, c, rules, found);
}

static kt_db_status event_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                               const char *org, const char *author, const void *c,
                               const char *rules)
{
    return kt_event_version_save(db, p, id, version, org, author, c, rules);
}

/* An event has no repeated rows. */
static void event_fill(kt_fstate *fs, apr_pool_t *p, const void *c, int extra_a, int extra_b)
{
    (void)extra_a;
    (void)extra_b;
    kt_event_fill(fs, p, c);
}

static xmlNodePtr event_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const void *c)
{
    return kt_event_xml(p, parent, role, c);
}

static apr_array_header_t *event_diff(apr_pool_t *p, const void *a, const void *b)
{
    return kt_event_diff(p, a, b);
}

static const apr_array_header_t *event_languages(const void *c)
{
    return ((const kt_event *)c)->languages;
}

static const kt_kind_ops event_ops = {
    &kt_kind_event, "event-manage", "event-manage", &kt_listing_form_limits,
    event_blank, event_from_form, event_check, event_codes, event_load, event_save,
    event_fill, NULL, event_xml, event_diff, event_languages, kt_event_options,
    kt_page_events, kt_page_event, kt_ics_event, kt_feed_events_xml, kt_feed_events_atom,
    "events.xsd", kt_events_init, kt_events_statements, kt_events_by_org, NULL
};

/* ---- jobs ------------------------------------------------------------------------- */

static void *job_blank(apr_pool_t *p)
{
    return kt_job_new(p);
}

static void *job_from_form(apr_pool_t *p, const kt_form *f)
{
    return kt_job_from_form(p, f);
}

static int job_check(apr_pool_t *p, const void *c, int submit, const char *today,
                     kt_listing_err err, void *baton)
{
    return kt_job_check(p, c, submit, today, err, baton);
}

/* The employer is the organisation itself: nothing of it to check. */
static kt_db_status job_codes(kt_db *db, apr_pool_t *p, const char *org, void *c,
                              kt_listing_err err, void *baton, int *problems)
{
    (void)org;
    return kt_job_check_codes(db, p, c, err, baton, problems);
}

static kt_db_status job_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                             int version, void *c, const char **rules, int *found)
{
    return kt_job_version_load(db, p, lang, id, version, c, rules, found);
}

static kt_db_status job_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                             const char *org, const char *author, const void *c,
                             const char *rules)
{
    (void)org;
    return kt_job_version_save(db, p, id, version, author, c, rules);
}

/* A job has no repeated rows. */
static void job_fill(kt_fstate *fs, apr_pool_t *p, const void *c, int extra_a, int extra_b)
{
    (void)extra_a;
    (void)extra_b;
    kt_job_fill(fs, p, c);
}

static xmlNodePtr job_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const void *c)
{
    return kt_job_xml(p, parent, role, c);
}

static apr_array_header_t *job_diff(apr_pool_t *p, const void *a, const void *b)
{
    return kt_job_diff(p, a, b);
}

static const apr_array_header_t *job_languages(const void *c)
{
    return ((const kt_job *)c)->languages;
}

/* Paid posts and volunteer openings: written by organisations, reviewed;
 * public pages and a partner feed (no calendar file, no Atom). */
static const kt_kind_ops job_ops = {
    &kt_kind_job, "job-manage", "job-manage", &kt_listing_form_limits,
    job_blank, job_from_form, job_check, job_codes, job_load, job_save,
    job_fill, NULL, job_xml, job_diff, job_languages, kt_job_options,
    kt_page_jobs, kt_page_job, NULL, kt_feed_jobs_xml, NULL,
    "jobs.xsd", kt_jobs_init, kt_jobs_statements, kt_jobs_by_org, NULL
};

/* ---- projects ---------------------------------------------------------------------- */

static void *project_blank(apr_pool_t *p)
{
    return kt_project_new(p);
}

static void *project_from_form(apr_pool_t *p, const kt_form *f)
{
    return kt_project_from_form(p, f);
}

/* A project carries its own period: nothing about today to check. */
static int project_check(apr_pool_t *p, const void *c, int submit, const char *today,
                         kt_listing_err err, void *baton)
{
    (void)today;
    return kt_project_check(p, c, submit, err, baton);
}

static kt_db_status project_codes(kt_db *db, apr_pool_t *p, const char *org, void *c,
                                  kt_listing_err err, void *baton, int *problems)
{
    return kt_project_check_codes(db, p, org, c, err, baton, problems);
}

static kt_db_status project_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                 int version, void *c, const char **rules, int *found)
{
    return kt_project_version_load(db, p, lang, id, version, c, rules, found);
}

static kt_db_status project_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                 const char *org, const char *author, const void *c,
                                 const char *rules)
{
    return kt_project_version_save(db, p, id, version, org, author, c, rules);
}

/* A project has no repeated rows. */
static void project_fill(kt_fstate *fs, apr_pool_t *p, const void *c, int extra_a, int extra_b)
{
    (void)extra_a;
    (void)extra_b;
    kt_project_fill(fs, p, c);
}

static xmlNodePtr project_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const void *c)
{
    return kt_project_xml(p, parent, role, c);
}

static apr_array_header_t *project_diff(apr_pool_t *p, const void *a, const void *b)
{
    return kt_project_diff(p, a, b);
}

static const apr_array_header_t *project_languages(const void *c)
{
    return ((const kt_project *)c)->languages;
}

/* Written by the organisation that runs it (/{lang}/manage/projects/…),
 * reviewed by moderators; public pages, no feed. */
static const kt_kind_ops project_ops = {
    &kt_kind_project, "project-manage", "project-manage", &kt_listing_form_limits,
    project_blank, project_from_form, project_check, project_codes, project_load, project_save,
    project_fill, NULL, project_xml, project_diff, project_languages, kt_project_options,
    kt_page_projects, kt_page_project, NULL, NULL, NULL,
    NULL, kt_projects_init, kt_projects_statements, kt_projects_by_org, NULL
};

/* ---- news ------------------------------------------------------------------------- */

static void *news_blank(apr_pool_t *p)
{
    return kt_news_item_new(p);
}

static void *news_from_form(apr_pool_t *p, const kt_form *f)
{
    return kt_news_item_from_form(p, f);
}

/* "submit" is a publication here: what the public reads must be there. */
static int news_check(apr_pool_t *p, const void *c, int submit, const char *today,
                      kt_listing_err err, void *baton)
{
    (void)today;
    return kt_news_item_check(p, c, submit, err, baton);
}

/* Owned by no organisation: nothing of one to check. */
static kt_db_status news_codes(kt_db *db, apr_pool_t *p, const char *org, void *c,
                               kt_listing_err err, void *baton, int *problems)
{
    (void)org;
    return kt_news_check_codes(db, p, c, err, baton, problems);
}

static kt_db_status news_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                              int version, void *c, const char **rules, int *found)
{
    return kt_news_version_load(db, p, lang, id, version, c, rules, found);
}

/* No organisation, no rules to confirm. */
static kt_db_status news_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                              const char *org, const char *author, const void *c,
                              const char *rules)
{
    (void)org;
    (void)rules;
    return kt_news_version_save(db, p, id, version, author, c);
}

static void news_fill(kt_fstate *fs, apr_pool_t *p, const void *c, int extra_a, int extra_b)
{
    (void)extra_a;
    (void)extra_b;
    kt_news_item_fill(fs, p, c);
}

static xmlNodePtr news_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const void *c)
{
    return kt_news_item_xml(p, parent, role, c);
}

static apr_array_header_t *news_diff(apr_pool_t *p, const void *a, const void *b)
{
    return kt_news_item_diff(p, a, b);
}

static const apr_array_header_t *news_languages(const void *c)
{
    return ((const kt_news_item *)c)->languages;
}

/* Written and published by moderators (/{lang}/moderation/news…); public
 * pages and an Atom feed, no partner feed. */
static const kt_kind_ops news_ops = {
    &kt_kind_news, "news-manage", "news-manage", &kt_listing_form_limits,
    news_blank, news_from_form, news_check, news_codes, news_load, news_save,
    news_fill, NULL, news_xml, news_diff, news_languages, kt_news_options,
    kt_page_news_list, kt_page_news, NULL, NULL, kt_feed_news_atom,
    NULL, NULL, NULL, NULL, NULL
};

/* ---- networks ---------------------------------------------------------------------- */

static void *network_blank(apr_pool_t *p)
{
    return kt_network_new(p);
}

static void *network_from_form(apr_pool_t *p, const kt_form *f)
{
    return kt_network_from_form(p, f);
}

/* A network has no date of its own to check against today. */
static int network_check(apr_pool_t *p, const void *c, int submit, const char *today,
                         kt_listing_err err, void *baton)
{
    (void)today;
    return kt_network_check(p, c, submit, err, baton);
}

/* Its codes are vocabularies only: nothing of the organisation's. */
static kt_db_status network_codes(kt_db *db, apr_pool_t *p, const char *org, void *c,
                                  kt_listing_err err, void *baton, int *problems)
{
    (void)org;
    return kt_network_check_codes(db, p, c, err, baton, problems);
}

static kt_db_status network_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                 int version, void *c, const char **rules, int *found)
{
    (void)lang;
    return kt_network_version_load(db, p, id, version, c, rules, found);
}

static kt_db_status network_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                 const char *org, const char *author, const void *c,
                                 const char *rules)
{
    (void)org;
    return kt_network_version_save(db, p, id, version, author, c, rules);
}

/* Its lists are one item a line: no repeated rows of fields. */
static void network_fill(kt_fstate *fs, apr_pool_t *p, const void *c, int extra_a, int extra_b)
{
    (void)extra_a;
    (void)extra_b;
    kt_network_fill(fs, p, c);
}

static xmlNodePtr network_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const void *c)
{
    return kt_network_xml(p, parent, role, c);
}

static apr_array_header_t *network_diff(apr_pool_t *p, const void *a, const void *b)
{
    return kt_network_diff(p, a, b);
}

/* No languages asked of a network: an empty list (callers append lists). */
static const char *no_language[1];
static const apr_array_header_t no_languages = {
    NULL, sizeof(const char *), 0, 1, (char *)no_language
};

static const apr_array_header_t *network_languages(const void *c)
{
    (void)c;
    return &no_languages;
}

/* Kept by their coordinating organisation, reviewed; public pages, no feed;
 * the editor's page also lists the member organisations. */
static const kt_kind_ops network_ops = {
    &kt_kind_network, "network-manage", "network-manage", &kt_listing_form_limits,
    network_blank, network_from_form, network_check, network_codes, network_load, network_save,
    network_fill, NULL, network_xml, network_diff, network_languages, kt_network_options,
    kt_page_networks, kt_page_network, NULL, NULL, NULL,
    NULL, kt_networks_init, kt_networks_statements, kt_networks_by_org,
    kt_networks_members_xml
};

/* ---- every kind -------------------------------------------------------------------- */

const kt_kind_ops *const kt_kind_table[] = { &activity_ops, &event_ops, &job_ops, &project_ops,
                                             &network_ops, &news_ops, NULL };
