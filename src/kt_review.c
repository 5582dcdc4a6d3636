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
} review;

static kt_db_status add_history(review *rv)
{
    const char *args[2] = { rv->k->kind->names.name, rv->m.id };
    xmlNodePtr h = kt_xml_add(rv->p, rv->root, "history", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(rv->db, &STMT_HISTORY, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(rv->db, res, &row)) {
        xmlNodePtr e = kt_xml_add(rv->p, h, "entry", NULL);
        kt_xml_attr(rv->p, e, "at", kt_db_get(rv->db, row, 0));
        kt_xml_attr(rv->p, e, "action", kt_db_get(rv->db, row, 1));
        kt_xml_attr(rv->p, e, "version", kt_db_get(rv->db, row, 2));
        kt_xml_add(rv->p, e, "actor", kt_db_get(rv->db, row, 4));
        if (kt_db_get(rv->db, row, 3)) {
            kt_xml_add(rv->p, e, "reason", kt_db_get(rv->db, row, 3));
        }
    }
    return st;
}

/* The latest version beside the published one, the rows that differ, the
 * rules the author confirmed, the history. */
static kt_db_status build(review *rv)
{
    void *latest = rv->k->blank(rv->p), *published = NULL;
    const apr_array_header_t *langs;
    const char *confirmed = NULL;
    xmlNodePtr kind;
    int found = 0, i;
    kt_db_status st = rv->k->load(rv->db, rv->p, rv->kr->lang, rv->m.id, rv->m.latest_version,
                                  latest, &confirmed, &found);

    kind = kt_xml_add(rv->p, rv->root, "listing-kind", NULL);
    kt_xml_attr(rv->p, kind, "name", rv->k->kind->names.name);
    kt_xml_attr(rv->p, kind, "segment", rv->k->kind->names.segment);
    for (i = 0; rv->k->kind->rules && rv->k->kind->rules[i]; i++) {
        kt_xml_attr(rv->p, kt_xml_add(rv->p, kind, "rule", NULL), "name", rv->k->kind->rules[i]);
    }
    kt_engine_meta_xml(rv->p, rv->root, &rv->m);
    rv->k->xml(rv->p, rv->root, "latest", latest);
    langs = rv->k->languages(latest);
    if (st == KT_DB_OK && rv->m.published_version
        && rv->m.published_version != rv->m.latest_version) {
        published = rv->k->blank(rv->p);
        st = rv->k->load(rv->db, rv->p, rv->kr->lang, rv->m.id, rv->m.published_version,
                         published, NULL, &found);
    }
    if (st == KT_DB_OK && published) {
        apr_array_header_t *rows = rv->k->diff(rv->p, published, latest);
        xmlNodePtr c = kt_xml_add(rv->p, rv->root, "changes", NULL);
        rv->k->xml(rv->p, rv->root, "published", published);
        for (i = 0; i < rows->nelts; i++) {
            kt_xml_attr(rv->p, kt_xml_add(rv->p, c, "change", NULL), "row",
                        APR_ARRAY_IDX(rows, i, const char *));
        }
        langs = apr_array_append(rv->p, rv->k->languages(latest), rv->k->languages(published));
    }
    if (confirmed && *confirmed) {
        char *copy = apr_pstrdup(rv->p, confirmed), *state = NULL, *r;
        xmlNodePtr list = kt_xml_add(rv->p, rv->root, "rules-confirmed", NULL);
        for (r = apr_strtok(copy, ",", &state); r; r = apr_strtok(NULL, ",", &state)) {
            kt_xml_attr(rv->p, kt_xml_add(rv->p, list, "rule", NULL), "name", r);
        }
    }
    if (st == KT_DB_OK) {
        st = add_history(rv);
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
