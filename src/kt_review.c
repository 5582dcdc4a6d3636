/* Moderation of listings of every kind; see kt_review.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_review.h"
#include "kt_engine.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_worddiff.h"

static const kt_stmt STMT_HISTORY KT_STMT_LISTED = { "kt_review_history",
    "SELECT to_char(l.at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'), l.action,"
    " l.version, l.reason, coalesce(u.first_name || ' ' || u.last_name, '')"
    " FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id"
    " WHERE l.object_type = %s AND l.object_id = %s::bigint"
    " ORDER BY l.at DESC, l.id DESC LIMIT 30" };

typedef struct {
    kt_req *kr;
    const kt_kind_ops *k;
    kt_db *db;
    apr_pool_t *p;
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_listing_meta m;
    kt_fstate *fs;       /* the decision, while the listing waits */
    int returned;        /* the version a moderator returned last, when the latest
                            one was written after it; else 0 */
    const char *returned_reason;
} review;

/* The history, newest first; notes the version last returned when the
 * latest decision was a return and a newer version came after it. */
static kt_db_status add_history(review *rv)
{
    const char *args[2] = { rv->k->kind->names.name, rv->m.id };
    const char *prefix = apr_pstrcat(rv->p, rv->k->kind->names.name, ".", NULL);
    xmlNodePtr h = kt_xml_add(rv->p, rv->root, "history", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(rv->db, &STMT_HISTORY, &res, 2, args);
    int decision_seen = 0;

    while (st == KT_DB_OK && kt_db_next(rv->db, res, &row)) {
        xmlNodePtr e = kt_xml_add(rv->p, h, "entry", NULL);
        const char *action = kt_db_get(rv->db, row, 1), *version = kt_db_get(rv->db, row, 2);
        int a = strncmp(action, prefix, strlen(prefix)) == 0
                ? kt_lc_action_from_name(action + strlen(prefix)) : -1;
        kt_xml_attr(rv->p, e, "at", kt_db_get(rv->db, row, 0));
        kt_xml_attr(rv->p, e, "action", action);
        kt_xml_attr(rv->p, e, "version", version);
        kt_xml_add(rv->p, e, "actor", kt_db_get(rv->db, row, 4));
        if (kt_db_get(rv->db, row, 3)) {
            kt_xml_add(rv->p, e, "reason", kt_db_get(rv->db, row, 3));
        }
        if (!decision_seen && (a == KT_LC_APPROVE || a == KT_LC_RETURN || a == KT_LC_REJECT)) {
            decision_seen = 1;
            if (a == KT_LC_RETURN && version && atoi(version) < rv->m.latest_version) {
                rv->returned = atoi(version);
                rv->returned_reason = apr_pstrdup(rv->p, kt_db_get(rv->db, row, 3));
            }
        }
    }
    return st;
}

/* <changes against="…"> of version `older` (its <listing role="…">) and the
 * latest: the rows that differ, and in texts the words. */
static kt_db_status compare(review *rv, const void *latest, xmlNodePtr latest_node,
                            int older, const char *role, apr_array_header_t **langs)
{
    void *old = rv->k->blank(rv->p);
    apr_array_header_t *rows;
    xmlNodePtr c;
    int found = 0, i;
    kt_db_status st = rv->k->load(rv->db, rv->p, rv->kr->lang, rv->m.id, older, old, NULL,
                                  &found);

    if (st != KT_DB_OK || !found) {
        return st;
    }
    rows = rv->k->diff(rv->p, old, latest);
    c = kt_xml_add(rv->p, rv->root, "changes", NULL);
    kt_xml_attr(rv->p, c, "against", role);
    kt_xml_attr(rv->p, c, "version", apr_itoa(rv->p, older));
    for (i = 0; i < rows->nelts; i++) {
        kt_xml_attr(rv->p, kt_xml_add(rv->p, c, "change", NULL), "row",
                    APR_ARRAY_IDX(rows, i, const char *));
    }
    kt_worddiff_changes(rv->p, c, rv->k->xml(rv->p, rv->root, role, old), latest_node);
    *langs = apr_array_append(rv->p, *langs, rv->k->languages(old));
    return KT_DB_OK;
}

/* The latest version beside the published one and, when it was written
 * after a return, beside the version returned; the rows that differ, the
 * rules that apply and which the author confirmed, the history. */
static kt_db_status build(review *rv)
{
    void *latest = rv->k->blank(rv->p);
    apr_array_header_t *langs;
    const char *confirmed = NULL;
    const kt_kind_rule *r;
    xmlNodePtr kind, latest_node;
    int found = 0;
    kt_db_status st = rv->k->load(rv->db, rv->p, rv->kr->lang, rv->m.id, rv->m.latest_version,
                                  latest, &confirmed, &found);

    kind = kt_xml_add(rv->p, rv->root, "listing-kind", NULL);
    kt_xml_attr(rv->p, kind, "name", rv->k->kind->names.name);
    kt_xml_attr(rv->p, kind, "segment", rv->k->kind->names.segment);
    for (r = rv->k->kind->rules; r && r->name; r++) {
        if (kt_kind_rule_applies(r, latest)) {
            kt_xml_attr(rv->p, kt_xml_add(rv->p, kind, "rule", NULL), "name", r->name);
        }
    }
    kt_engine_meta_xml(rv->p, rv->root, &rv->m);
    latest_node = rv->k->xml(rv->p, rv->root, "latest", latest);
    langs = apr_array_copy(rv->p, rv->k->languages(latest));
    if (st == KT_DB_OK) {
        st = add_history(rv);
    }
    if (st == KT_DB_OK && rv->m.published_version
        && rv->m.published_version != rv->m.latest_version) {
        st = compare(rv, latest, latest_node, rv->m.published_version, "published", &langs);
    }
    if (st == KT_DB_OK && rv->returned && rv->returned != rv->m.published_version) {
        st = compare(rv, latest, latest_node, rv->returned, "returned", &langs);
        if (rv->returned_reason) {
            kt_xml_add(rv->p, rv->root, "returned-reason", rv->returned_reason);
        }
    }
    if (confirmed && *confirmed) {
        char *copy = apr_pstrdup(rv->p, confirmed), *state = NULL, *name;
        xmlNodePtr list = kt_xml_add(rv->p, rv->root, "rules-confirmed", NULL);
        for (name = apr_strtok(copy, ",", &state); name; name = apr_strtok(NULL, ",", &state)) {
            kt_xml_attr(rv->p, kt_xml_add(rv->p, list, "rule", NULL), "name", name);
        }
    }
    if (st == KT_DB_OK) {
        st = rv->k->options(rv->db, rv->p, rv->kr->lang, rv->m.organisation_id, langs, rv->root);
    }
    return st;
}

/* Only a listing that waits can be decided on: the rules allow a decision
 * exactly from "submitted". */
static int waiting(const kt_listing_meta *m)
{
    return kt_lc_allowed(&m->facts, KT_LC_APPROVE);
}

static int decision_post(review *rv)
{
    const char *decision = kt_form_field(rv->kr, "decision");
    const char *reason = kt_newlines(rv->p, kt_form_field(rv->kr, "reason"));
    int action = kt_lc_action_from_name(decision), decided = 0;
    int approve = action == KT_LC_APPROVE;
    int known = approve || action == KT_LC_RETURN || action == KT_LC_REJECT;
    kt_db_status st;

    kt_fstate_value(rv->fs, "decision", decision);
    if (!known) {
        kt_fstate_error(rv->fs, "decision", "decision.missing");
    }
    if (known && !approve && !*reason) {
        /* a return or a rejection always says why (its own message: the
         * organisation form's one speaks of rejecting only) */
        kt_fstate_error(rv->fs, "reason", "listing_reason.missing");
    }
    else {
        kt_form_check(rv->fs, "reason", reason, kt_valid_text(reason, 2000, 0));
    }
    kt_fstate_value(rv->fs, "version", kt_form_field(rv->kr, "version"));
    kt_fstate_value(rv->fs, "revision", kt_form_field(rv->kr, "revision"));
    if (kt_fstate_errors(rv->fs)) {
        st = build(rv);
        return st == KT_DB_OK ? kt_form_answer(rv->kr, rv->k->review_sheet, rv->doc, rv->fs)
                              : kt_send_db_failure(rv->kr, st);
    }
    st = kt_engine_decide(rv->kr, rv->db, &rv->m, (kt_lc_action)action, reason,
                          kt_form_field(rv->kr, "version"), kt_form_field(rv->kr, "revision"),
                          &decided);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(rv->kr, st);
    }
    if (!decided) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, rv->kr->r,
                      "KT0510: %s %s changed or was decided before this decision",
                      rv->k->kind->names.name, rv->m.id);
        return kt_send_error(rv->kr, HTTP_CONFLICT, NULL,
                             kt_text(rv->kr, "error.listing.decided.detail"));
    }
    return kt_send_redirect(rv->kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(rv->p, "/", kt_lang_codes[rv->kr->lang],
                                        "/moderation?done=listing_", decision, NULL));
}

int kt_page_review(kt_req *kr, const char *id)
{
    review rv;
    int found = 0;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    memset(&rv, 0, sizeof(rv));
    rv.kr = kr;
    rv.k = kr->kind;
    rv.p = kr->r->pool;
    rv.doc = kt_page_doc(kr, apr_pstrcat(rv.p, "moderation-", rv.k->kind->names.name, NULL),
                         HTTP_OK);
    rv.root = xmlDocGetRootElement(rv.doc);
    st = kt_db_open(kr->r, &rv.db);
    if (st == KT_DB_OK) {
        st = kt_engine_meta(rv.db, rv.k, id, NULL, 0, &rv.m, &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (waiting(&rv.m)) {
        rv.fs = kt_form_add(kr, rv.doc, "decision");
    }
    if (kr->r->method_number == M_POST) {
        if (!rv.fs) {
            return kt_send_error(kr, HTTP_CONFLICT, NULL,
                                 kt_text(kr, "error.listing.decided.detail"));
        }
        return decision_post(&rv);
    }
    if (rv.fs) {
        kt_fstate_value(rv.fs, "version", apr_itoa(rv.p, rv.m.latest_version));
        kt_fstate_value(rv.fs, "revision", rv.m.revision);
    }
    st = build(&rv);
    return st == KT_DB_OK ? kt_form_answer(kr, rv.k->review_sheet, rv.doc, rv.fs)
                          : kt_send_db_failure(kr, st);
}
