/* Information pages; see kt_info.h.  The words are the catalogs'; what the C
 * side adds is what only it knows: the controller from the configuration,
 * the organisation types that may register (from the database, so that the
 * instructions never disagree with the registration form) and how long
 * moderation has really taken. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_info.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_db.h"
#include "kt_pagelist.h"
#include "kt_validate.h"

/* The types the registration form offers (kt_org.c reads the same rows). */
static const kt_stmt STMT_ORG_TYPES KT_STMT_LISTED = { "kt_info_org_types",
    "SELECT code, kt_name(%s, name_fi, name_sv, name_en) FROM organisation_types"
    " WHERE registrable ORDER BY position" };

/* How long moderators took over the last 90 days, in hours: listings from
 * their submission (the newest "KIND.submit" of the same version before the
 * decision, so a kind added later counts by itself) and organisations from
 * their registration, to the decision.  The audit log is read by time through
 * audit_log_at (sql/005_accounts.sql). */
#define REVIEW_DAYS "90"
static const kt_stmt STMT_REVIEW_TIMES KT_STMT_LISTED = { "kt_info_review_times",
    "WITH d AS ("
    "  SELECT a.object_type = 'organisation' AS org, a.at - CASE"
    "   WHEN a.object_type = 'organisation' THEN (SELECT o.created_at FROM organisations o"
    "     WHERE o.id = a.object_id)"
    "   ELSE (SELECT max(s.at) FROM audit_log s WHERE s.object_type = a.object_type"
    "     AND s.object_id = a.object_id AND s.action = a.object_type || '.submit'"
    "     AND s.version IS NOT DISTINCT FROM a.version AND s.at <= a.at) END AS waited"
    "  FROM audit_log a WHERE a.at > now() - interval '" REVIEW_DAYS " days'"
    "   AND split_part(a.action, '.', 2) IN ('approve', 'return', 'reject'))"
    " SELECT org::text, count(*)::text,"
    "  ceil(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM waited)) / 3600)::text,"
    "  ceil(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM waited)) / 3600)::text"
    " FROM d WHERE waited IS NOT NULL GROUP BY org" };

const char *kt_info_controller_name(const kt_server_conf *conf, kt_lang lang)
{
    return conf->controller[lang] ? conf->controller[lang] : conf->controller[KT_LANG_COUNT];
}

/* Lines of contact details; each says what it is, so that the page makes
 * email and web addresses links and leaves the rest as text. */
static void add_lines(apr_pool_t *p, xmlNodePtr parent, const char *name,
                      const apr_array_header_t *lines)
{
    xmlNodePtr list;
    int i;

    if (!lines || lines->nelts == 0) {
        return;
    }
    list = kt_xml_add(p, parent, name, NULL);
    for (i = 0; i < lines->nelts; i++) {
        const char *line = APR_ARRAY_IDX(lines, i, const char *);
        xmlNodePtr n = kt_xml_add(p, list, "line", line);
        kt_xml_attr(p, n, "kind", kt_valid_email(line) == KT_V_OK ? "email"
                                  : kt_valid_web_url(line) == KT_V_OK ? "web" : "text");
    }
}

/* <controller><name/><contact><line kind=""/>…</contact><dpo>…</dpo></controller>,
 * with only what the configuration has. */
static void add_controller(kt_req *kr, xmlNodePtr root, int with_contacts)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr c = kt_xml_add(p, root, "controller", NULL);
    const char *name = kt_info_controller_name(kr->conf, kr->lang);

    if (name) {
        kt_xml_add(p, c, "name", name);
    }
    if (with_contacts) {
        add_lines(p, c, "contact", kr->conf->controller_contact);
        add_lines(p, c, "dpo", kr->conf->dpo_contact);
    }
}

static kt_db_status add_org_types(kt_req *kr, kt_db *db, xmlNodePtr root)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { kt_lang_codes[kr->lang] };
    xmlNodePtr list = kt_xml_add(p, root, "organisation-types", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_ORG_TYPES, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "type", kt_db_get(db, row, 1));
        kt_xml_attr(p, n, "code", kt_db_get(db, row, 0));
    }
    return st;
}

/* <review-times days=""><review of="listings|organisations" decisions=""
 * median-hours="" p90-hours=""/>…</review-times> */
static kt_db_status add_review_times(kt_req *kr, kt_db *db, xmlNodePtr root)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr list = kt_xml_add(p, root, "review-times", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_REVIEW_TIMES, &res, 0, NULL);

    kt_xml_attr(p, list, "days", REVIEW_DAYS);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "review", NULL);
        const char *org = kt_db_get(db, row, 0);
        kt_xml_attr(p, n, "of", org && org[0] == 't' ? "organisations" : "listings");
        kt_xml_attr(p, n, "decisions", kt_db_get(db, row, 1));
        kt_xml_attr(p, n, "median-hours", kt_db_get(db, row, 2));
        kt_xml_attr(p, n, "p90-hours", kt_db_get(db, row, 3));
    }
    return st;
}

static void add_topics(apr_pool_t *p, xmlNodePtr parent)
{
    xmlNodePtr list = kt_xml_add(p, parent, "topics", NULL);
    int i;

    for (i = 0; kt_help_topics[i]; i++) {
        kt_xml_attr(p, kt_xml_add(p, list, "topic", NULL), "name", kt_help_topics[i]);
    }
}

int kt_page_terms(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_send_page(kr, "info", kt_page_doc(kr, "terms", HTTP_OK), HTTP_OK);
}

int kt_page_privacy(kt_req *kr, const char *arg)
{
    xmlDocPtr doc = kt_page_doc(kr, "privacy", HTTP_OK);
    (void)arg;

    add_controller(kr, xmlDocGetRootElement(doc), 1);
    return kt_send_page(kr, "info", doc, HTTP_OK);
}

int kt_page_accessibility(kt_req *kr, const char *arg)
{
    xmlDocPtr doc = kt_page_doc(kr, "accessibility", HTTP_OK);
    (void)arg;

    add_controller(kr, xmlDocGetRootElement(doc), 0);
    return kt_send_page(kr, "info", doc, HTTP_OK);
}

int kt_page_for_organisations(kt_req *kr, const char *arg)
{
    xmlDocPtr doc = kt_page_doc(kr, "for-organisations", HTTP_OK);
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    (void)arg;

    if (st == KT_DB_OK) {
        st = add_org_types(kr, db, xmlDocGetRootElement(doc));
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    add_topics(kr->r->pool, xmlDocGetRootElement(doc));
    return kt_send_page(kr, "help", doc, HTTP_OK);
}

int kt_page_help(kt_req *kr, const char *arg)
{
    xmlDocPtr doc = kt_page_doc(kr, "help", HTTP_OK);
    (void)arg;

    add_topics(kr->r->pool, xmlDocGetRootElement(doc));
    return kt_send_page(kr, "help", doc, HTTP_OK);
}

int kt_page_help_topic(kt_req *kr, const char *arg)
{
    int topic = kt_help_topic(arg);
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_db *db;
    kt_db_status st = KT_DB_OK;

    if (topic < 0) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "help-topic", HTTP_OK);
    root = xmlDocGetRootElement(doc);
    kt_xml_attr(kr->r->pool, root, "topic", kt_help_topics[topic]);
    add_topics(kr->r->pool, root);
    /* the topics that show something from the database */
    if (strcmp(arg, "registering") == 0 || strcmp(arg, "moderation") == 0) {
        st = kt_db_open(kr->r, &db);
        if (st == KT_DB_OK && strcmp(arg, "registering") == 0) {
            st = add_org_types(kr, db, root);
        }
        else if (st == KT_DB_OK) {
            st = add_review_times(kr, db, root);
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, "help", doc, HTTP_OK);
}
