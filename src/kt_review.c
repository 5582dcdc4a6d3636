/* Moderation of listings; see kt_review.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_review.h"
#include "kt_listing_db.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_audit.h"

static const kt_stmt STMT_QUEUE = { "kt_review_queue",
    "SELECT a.id, v.title_fi, v.title_sv, v.title_en, o.id, o.name,"
    " a.published_version IS NOT NULL,"
    " to_char(a.submitted_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " floor(extract(epoch FROM now() - a.submitted_at))::bigint,"
    " u.first_name || ' ' || u.last_name"
    " FROM activities a JOIN activity_versions v ON v.activity_id = a.id"
    "  AND v.version = a.latest_version"
    " JOIN organisations o ON o.id = a.organisation_id"
    " LEFT JOIN users u ON u.id = a.submitted_by"
    " WHERE a.state = 'submitted' AND a.archived_at IS NULL"
    " ORDER BY a.submitted_at, a.id LIMIT 500" };

/* The decision, only on the version and revision the moderator saw, and only
 * while it waits: a second moderator, or an author who took it back, makes
 * this touch nothing (409). */
static const kt_stmt STMT_DECIDE = { "kt_review_decide",
    "UPDATE activities SET"
    " state = CASE %s WHEN 'approve' THEN 'published' WHEN 'return' THEN 'returned'"
    "  ELSE 'rejected' END,"
    " published_version = CASE WHEN %s = 'approve' THEN latest_version"
    "  ELSE published_version END,"
    " published_at = CASE WHEN %s = 'approve' THEN coalesce(published_at, now())"
    "  ELSE published_at END,"
    " confirmed_at = CASE WHEN %s = 'approve' THEN now() ELSE confirmed_at END,"
    " reminded_at = CASE WHEN %s = 'approve' THEN NULL ELSE reminded_at END,"
    " updated_at = CASE WHEN %s = 'approve' THEN now() ELSE updated_at END,"
    " decided_version = latest_version, decided_at = now(), decided_by = %s::bigint,"
    " decision_reason = CASE WHEN %s = 'approve' THEN NULL ELSE nullif(%s, '') END,"
    " revision = revision + 1"
    " WHERE id = %s::bigint AND state = 'submitted' AND archived_at IS NULL"
    " AND latest_version = %s::int AND revision = %s::int"
    " RETURNING latest_version" };

static const kt_stmt STMT_HISTORY = { "kt_review_history",
    "SELECT to_char(l.at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'), l.action,"
    " l.version, l.reason, coalesce(u.first_name || ' ' || u.last_name, '')"
    " FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id"
    " WHERE l.object_type = 'activity' AND l.object_id = %s::bigint"
    " ORDER BY l.at DESC, l.id DESC LIMIT 30" };

/* ---- the queue --------------------------------------------------------------------- */

kt_db_status kt_review_queue(kt_req *kr, kt_db *db, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr q = kt_xml_add(p, parent, "listing-queue", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_QUEUE, &res, 0, NULL);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, q, "listing", NULL), o;
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 1), kt_db_get(db, row, 2),
                                         kt_db_get(db, row, 3) };
        kt_xml_attr(p, n, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "edit", kt_db_get(db, row, 6)[0] == 't' ? "true" : "false");
        kt_xml_attr(p, n, "submitted", kt_db_get(db, row, 7));
        kt_xml_attr(p, n, "waiting-seconds", kt_db_get(db, row, 8));
        kt_xml_texts(p, n, "title", kr->lang, t);
        o = kt_xml_add(p, n, "organisation", kt_db_get(db, row, 5));
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 4));
        if (kt_db_get(db, row, 9)) {
            kt_xml_add(p, n, "submitter", kt_db_get(db, row, 9));
        }
    }
    return st;
}

/* ---- the review page ------------------------------------------------------------------ */

typedef struct {
    kt_req *kr;
    kt_db *db;
    apr_pool_t *p;
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_listing_meta m;
    kt_fstate *fs;       /* the decision, while the listing waits */
} review;

static kt_db_status add_history(review *rv)
{
    const char *args[1] = { rv->m.id };
    xmlNodePtr h = kt_xml_add(rv->p, rv->root, "history", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(rv->db, &STMT_HISTORY, &res, 1, args);

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
    kt_listing *latest = kt_listing_new(rv->p), *published = NULL;
    apr_array_header_t *langs;
    const char *confirmed = NULL;
    int found = 0, i;
    kt_db_status st = kt_listing_version_load(rv->db, rv->p, rv->kr->lang, rv->m.id,
                                              rv->m.latest_version, latest, &confirmed, &found);

    kt_listing_meta_xml(rv->p, rv->root, &rv->m);
    kt_listing_xml(rv->p, rv->root, "latest", latest);
    langs = latest->languages;
    if (st == KT_DB_OK && rv->m.published_version
        && rv->m.published_version != rv->m.latest_version) {
        published = kt_listing_new(rv->p);
        st = kt_listing_version_load(rv->db, rv->p, rv->kr->lang, rv->m.id,
                                     rv->m.published_version, published, NULL, &found);
    }
    if (st == KT_DB_OK && published) {
        apr_array_header_t *rows = kt_listing_diff(rv->p, published, latest);
        xmlNodePtr c = kt_xml_add(rv->p, rv->root, "changes", NULL);
        kt_listing_xml(rv->p, rv->root, "published", published);
        for (i = 0; i < rows->nelts; i++) {
            kt_xml_attr(rv->p, kt_xml_add(rv->p, c, "change", NULL), "row",
                        APR_ARRAY_IDX(rows, i, const char *));
        }
        langs = apr_array_append(rv->p, latest->languages, published->languages);
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
        st = kt_listing_options(rv->db, rv->p, rv->kr->lang, rv->m.organisation_id, langs,
                                rv->root);
    }
    return st;
}

static int waiting(const kt_listing_meta *m)
{
    return !m->archived && strcmp(m->state, "submitted") == 0;
}

/* State, audit line and mails in one transaction; *decided 0 when the
 * listing no longer waits in the version and revision the form was made of. */
static kt_db_status decide(review *rv, const char *decision, const char *reason, int *decided)
{
    const char *mod = rv->kr->session->user_id, *version = NULL;
    const char *args[12] = { decision, decision, decision, decision, decision, decision, mod,
                             decision, reason, rv->m.id, kt_form_field(rv->kr, "version"),
                             kt_form_field(rv->kr, "revision") };
    apr_int64_t n;
    kt_db_status st;

    *decided = 0;
    /* beyond an integer column (2^31 and up) no listing has it: 409, not a 500 */
    if (!kt_parse_int(args[10], 1, KT_INT32_MAX, &n)
        || !kt_parse_int(args[11], 1, KT_INT32_MAX, &n)) {
        return KT_DB_OK;
    }
    st = kt_db_begin(rv->db);
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_value(rv->db, &STMT_DECIDE, &version, 12, args);
    if (st == KT_DB_OK && !version) {
        return kt_db_end(rv->db, 1);
    }
    if (st == KT_DB_OK) {
        *decided = 1;
        st = kt_audit_version(rv->db, mod, apr_pstrcat(rv->p, "activity.", decision, NULL),
                              "activity", rv->m.id, atoi(version), reason);
    }
    if (st == KT_DB_OK) {
        st = kt_listing_mail(rv->kr, rv->db, rv->m.id,
                             apr_pstrcat(rv->p, "listing_", decision, NULL), reason);
    }
    return kt_db_finish(rv->db, st);
}

static int decision_post(review *rv)
{
    const char *decision = kt_form_field(rv->kr, "decision");
    const char *reason = kt_newlines(rv->p, kt_form_field(rv->kr, "reason"));
    int approve = strcmp(decision, "approve") == 0, decided = 0;
    int known = approve || strcmp(decision, "return") == 0 || strcmp(decision, "reject") == 0;
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
        return st == KT_DB_OK ? kt_form_answer(rv->kr, "moderation", rv->doc, rv->fs)
                              : kt_send_db_failure(rv->kr, st);
    }
    st = decide(rv, decision, reason, &decided);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(rv->kr, st);
    }
    if (!decided) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, rv->kr->r,
                      "KT0510: activity %s changed or was decided before this decision",
                      rv->m.id);
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
    rv.p = kr->r->pool;
    rv.doc = kt_page_doc(kr, "moderation-activity", HTTP_OK);
    rv.root = xmlDocGetRootElement(rv.doc);
    st = kt_db_open(kr->r, &rv.db);
    if (st == KT_DB_OK) {
        st = kt_listing_meta_load(rv.db, id, NULL, 0, &rv.m, &found);
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
    return st == KT_DB_OK ? kt_form_answer(kr, "moderation", rv.doc, rv.fs)
                          : kt_send_db_failure(kr, st);
}
