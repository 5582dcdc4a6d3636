/* Memberships; see kt_membership.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_membership.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_csrf.h"
#include "kt_audit.h"
#include "kt_mail.h"

#define SEARCH_LIMIT 20

static const kt_stmt STMT_SEARCH KT_STMT_LISTED = { "kt_member_search",
    "SELECT o.id, o.name, o.business_id, kt_name(%s, m.name_fi, m.name_sv, m.name_en),"
    " coalesce(mm.status, 'none')"
    " FROM organisations o LEFT JOIN municipalities m ON m.code = o.municipality_code"
    " LEFT JOIN memberships mm ON mm.organisation_id = o.id AND mm.user_id = %s::bigint"
    " WHERE o.status = 'approved'"
    " AND (o.business_id = %s OR position(lower(%s) IN lower(o.name)) > 0)"
    " ORDER BY lower(o.name), o.id LIMIT 20" };

static const kt_stmt STMT_REQUEST KT_STMT_LISTED = { "kt_member_request",
    "INSERT INTO memberships (user_id, organisation_id, role, status)"
    " SELECT %s::bigint, o.id, 'member', 'pending' FROM organisations o"
    " WHERE o.id = %s::bigint AND o.status = 'approved'"
    " ON CONFLICT (user_id, organisation_id) DO NOTHING RETURNING organisation_id" };

static const kt_stmt STMT_MAIN_USERS KT_STMT_LISTED = { "kt_member_main_users",
    "SELECT u.email, u.first_name, u.lang, o.name FROM memberships m"
    " JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id"
    " WHERE m.organisation_id = %s::bigint AND m.role = 'main' AND m.status = 'active'" };

/* Locks the acting main user's row: two main users deciding at once are
 * serialised, so neither can leave the organisation without one. */
static const kt_stmt STMT_LOCK_MAIN KT_STMT_LISTED = { "kt_member_lock_main",
    "SELECT count(*) FROM (SELECT 1 FROM memberships WHERE organisation_id = %s::bigint"
    " AND user_id = %s::bigint AND role = 'main' AND status = 'active' FOR UPDATE) x" };

static const kt_stmt STMT_TARGET KT_STMT_LISTED = { "kt_member_target",
    "SELECT u.email, u.first_name, u.lang, u.first_name || ' ' || u.last_name FROM users u"
    " JOIN memberships m ON m.user_id = u.id"
    " WHERE m.organisation_id = %s::bigint AND u.id = %s::bigint" };

static const kt_stmt STMT_APPROVE KT_STMT_LISTED = { "kt_member_approve",
    "UPDATE memberships SET status = 'active', decided_at = now()"
    " WHERE organisation_id = %s::bigint AND user_id = %s::bigint AND status = 'pending'" };

static const kt_stmt STMT_DECLINE KT_STMT_LISTED = { "kt_member_decline",
    "DELETE FROM memberships"
    " WHERE organisation_id = %s::bigint AND user_id = %s::bigint AND status = 'pending'" };

static const kt_stmt STMT_REMOVE KT_STMT_LISTED = { "kt_member_remove",
    "DELETE FROM memberships WHERE organisation_id = %s::bigint AND user_id = %s::bigint"
    " AND status = 'active' AND user_id <> %s::bigint" };

static const kt_stmt STMT_PROMOTE KT_STMT_LISTED = { "kt_member_promote",
    "UPDATE memberships SET role = 'main' WHERE organisation_id = %s::bigint"
    " AND user_id = %s::bigint AND status = 'active' AND role = 'member'"
    " AND user_id <> %s::bigint" };

static const kt_stmt STMT_STEP_DOWN KT_STMT_LISTED = { "kt_member_step_down",
    "UPDATE memberships SET role = 'member' WHERE organisation_id = %s::bigint"
    " AND user_id = %s::bigint" };

/* ---- asking to join ----------------------------------------------------------- */

static kt_db_status search(kt_req *kr, kt_db *db, const char *q, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[4] = { kt_lang_codes[kr->lang], kr->session->user_id, q, q };
    xmlNodePtr list = kt_xml_add(p, parent, "results", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_SEARCH, &res, 4, args);

    kt_xml_attr(p, list, "q", q);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr o = kt_xml_add(p, list, "organisation", NULL);
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, o, "business-id", kt_db_get(db, row, 2));
        kt_xml_attr(p, o, "membership", kt_db_get(db, row, 4));
        kt_xml_add(p, o, "name", kt_db_get(db, row, 1));
        if (kt_db_get(db, row, 3)) {
            kt_xml_add(p, o, "municipality", kt_db_get(db, row, 3));
        }
    }
    return st;
}

typedef struct {
    const char *email;
    const char *first_name;
    const char *lang;
    const char *organisation;
} recipient;

kt_db_status kt_membership_mail_main_users(kt_req *kr, kt_db *db, const char *org_id,
                                           const char *kind, const char *var, const char *value)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { org_id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    apr_array_header_t *to = apr_array_make(p, 2, sizeof(recipient));
    kt_db_status st = kt_db_select(db, &STMT_MAIN_USERS, &res, 1, args);
    int i;

    /* all rows first: the connection runs one statement at a time */
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        recipient *r = apr_array_push(to);
        r->email = apr_pstrdup(p, kt_db_get(db, row, 0));
        r->first_name = apr_pstrdup(p, kt_db_get(db, row, 1));
        r->lang = apr_pstrdup(p, kt_db_get(db, row, 2));
        r->organisation = apr_pstrdup(p, kt_db_get(db, row, 3));
    }
    for (i = 0; st == KT_DB_OK && i < to->nelts; i++) {
        const recipient *r = &APR_ARRAY_IDX(to, i, recipient);
        int l = kt_lang_from_code(r->lang);
        kt_mail_var vars[] = { { "name", r->first_name }, { "organisation", r->organisation },
                               { var, value }, { NULL, NULL } };
        st = kt_mail_queue(kr, db, r->email, l < 0 ? KT_LANG_FI : (kt_lang)l, kind,
                           kt_site_url(kr, apr_pstrcat(p, "/", r->lang, "/manage/organisations/",
                                                       org_id, NULL)), vars);
    }
    return st;
}

static kt_db_status request_membership(kt_req *kr, kt_db *db, const char *org_id)
{
    const char *args[2] = { kr->session->user_id, org_id }, *made = NULL;
    kt_db_status st = kt_db_begin(db);

    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_value(db, &STMT_REQUEST, &made, 2, args);
    if (st == KT_DB_OK && made) {
        st = kt_audit(db, kr->session->user_id, "membership.request", "organisation", org_id,
                      kr->session->user_id, NULL);
        if (st == KT_DB_OK) {
            st = kt_membership_mail_main_users(kr, db, org_id, "membership_request", "member",
                                               apr_pstrcat(kr->r->pool, kr->session->first_name,
                                                           " ", kr->session->last_name, NULL));
        }
    }
    return kt_db_finish(db, st);
}

int kt_page_join(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc;
    kt_fstate *fs = kt_form_page(kr, "join", "search", NULL, &doc);
    const char *q = kt_trim(p, kt_query_param(kr, "q")), *org;
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    (void)arg;

    kt_form_add(kr, doc, "join");
    if (st == KT_DB_OK && kr->r->method_number == M_POST) {
        org = kt_form_get(kr->form, "organisation");
        if (!kt_parse_id(org)) {
            return kt_send_error(kr, HTTP_BAD_REQUEST, "organisation", NULL);
        }
        st = request_membership(kr, db, org);
        if (st == KT_DB_OK) {
            return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                                    apr_pstrcat(p, "/", kt_lang_codes[kr->lang],
                                                "/manage?done=requested", NULL));
        }
    }
    if (st == KT_DB_OK && *q && kt_form_check(fs, "q", q, kt_valid_line(q, 100, 1))) {
        if (kt_utf8_chars(q) < 2) {
            kt_fstate_error(fs, "q", "q.too_short");
        }
        else {
            st = search(kr, db, q, xmlDocGetRootElement(doc));
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_form_answer(kr, "manage", doc, fs);
}

/* ---- a main user's decisions --------------------------------------------------------- */

typedef struct {
    const char *email;
    const char *first_name;
    const char *lang;
    const char *name;
} target;

static kt_db_status find_target(kt_db *db, const char *org_id, const char *uid, target *t,
                                int *found)
{
    const char *args[2] = { org_id, uid }, *c[4];
    kt_db_status st = kt_db_row(db, &STMT_TARGET, 2, args, 4, c, found);

    if (*found) {
        t->email = c[0];
        t->first_name = c[1];
        t->lang = c[2];
        t->name = c[3];
    }
    return st;
}

int kt_membership_is_action(const char *a)
{
    return a && (strcmp(a, "approve") == 0 || strcmp(a, "decline") == 0
                 || strcmp(a, "remove") == 0 || strcmp(a, "make_main") == 0);
}

/* Runs the action's statements; *n is the rows the decisive one changed. */
static kt_db_status apply(kt_db *db, const char *action, const char *org_id, const char *uid,
                          const char *self, int *n)
{
    const char *args[3] = { org_id, uid, self };
    kt_db_status st;

    *n = 0;
    if (strcmp(action, "approve") == 0) {
        return kt_db_exec(db, &STMT_APPROVE, n, 2, args);
    }
    if (strcmp(action, "decline") == 0) {
        return kt_db_exec(db, &STMT_DECLINE, n, 2, args);
    }
    if (strcmp(action, "remove") == 0) {
        return kt_db_exec(db, &STMT_REMOVE, n, 3, args);
    }
    st = kt_db_exec(db, &STMT_PROMOTE, n, 3, args);
    if (st == KT_DB_OK && *n == 1) {
        args[1] = self;
        st = kt_db_exec(db, &STMT_STEP_DOWN, NULL, 2, args);
    }
    return st;
}

/* The whole decision in one transaction.  *outcome: 0 done, 403 the actor
 * is not (any more) a main user, 409 nothing to decide (already decided in
 * another tab, or no such member). */
static kt_db_status decide(kt_req *kr, kt_db *db, const char *org_id, const char *org_name,
                           const char *action, const char *uid, int *outcome)
{
    apr_pool_t *p = kr->r->pool;
    const char *self = kr->session->user_id, *args[2] = { org_id, self }, *mains = NULL;
    target t = { 0 };
    int found = 0, n = 0;
    kt_db_status st = kt_db_begin(db);

    *outcome = 0;
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_value(db, &STMT_LOCK_MAIN, &mains, 2, args);
    if (st == KT_DB_OK && (!mains || strcmp(mains, "1") != 0)) {
        *outcome = HTTP_FORBIDDEN;
    }
    if (st == KT_DB_OK && !*outcome) {
        st = find_target(db, org_id, uid, &t, &found);
    }
    if (st == KT_DB_OK && !*outcome && found) {
        st = apply(db, action, org_id, uid, self, &n);
    }
    if (st == KT_DB_OK && !*outcome && n == 0) {
        *outcome = HTTP_CONFLICT;
    }
    if (st == KT_DB_OK && !*outcome) {
        int l = kt_lang_from_code(t.lang);
        kt_mail_var vars[] = { { "name", t.first_name }, { "organisation", org_name },
                               { NULL, NULL } };
        st = kt_audit(db, self, apr_pstrcat(p, "membership.", action, NULL), "organisation",
                      org_id, uid, NULL);
        if (st == KT_DB_OK) {
            st = kt_mail_queue(kr, db, t.email, l < 0 ? KT_LANG_FI : (kt_lang)l,
                               apr_pstrcat(p, "membership_", action, NULL),
                               kt_site_url(kr, apr_pstrcat(p, "/", t.lang, "/manage", NULL)), vars);
        }
    }
    if (*outcome) {
        kt_db_status end = kt_db_end(db, 1);
        return st == KT_DB_OK ? end : st;
    }
    return kt_db_finish(db, st);
}

int kt_membership_decide(kt_req *kr, kt_db *db, const char *org_id, const char *org_name,
                         const char *action)
{
    const char *uid = kt_form_get(kr->form, "member");
    int outcome = 0;
    kt_db_status st;

    if (!kt_parse_id(uid)) {
        return kt_send_error(kr, HTTP_BAD_REQUEST, "member", NULL);
    }
    st = decide(kr, db, org_id, org_name, action, uid, &outcome);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (outcome) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0420: membership %s of user %s in organisation %s refused (%d)",
                      action, uid, org_id, outcome);
        return kt_send_error(kr, outcome, NULL,
                             outcome == HTTP_CONFLICT ? kt_text(kr, "error.member.detail") : NULL);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], kr->rest,
                                        "?done=", action, NULL));
}
