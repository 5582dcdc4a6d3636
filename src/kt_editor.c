/* The listing editor; see kt_editor.h and HACKING.md, "Listings".
 *
 * A save runs in one transaction that locks the listing's row, checks the
 * revision the form was made from and the state, and writes the version, its
 * rows and the listing's new state together: two people saving at once are
 * serialised, and the second one gets the conflict page. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_editor.h"
#include "kt_listing_db.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_audit.h"

/* The listing rules of PRODUCT.md the author confirms on submitting; each is
 * a checkbox rule_NAME and a message rule.NAME. */
static const char *const rules[] = {
    "immigrants", "non_commercial", "open", "non_aligned", "equality", "not_authority",
    "not_single_event", "volunteering", NULL
};

static const kt_stmt STMT_TODAY = { "kt_editor_today",
    "SELECT to_char(now() AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')" };

/* The approved organisations the person is an active member of. */
static const kt_stmt STMT_ORGS = { "kt_editor_orgs",
    "SELECT o.id::text, o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
    " WHERE m.user_id = %s::bigint AND m.status = 'active' AND o.status = 'approved'"
    " ORDER BY lower(o.name), o.id" };

/* The membership is checked again in the INSERT itself. */
static const kt_stmt STMT_CREATE = { "kt_editor_create",
    "INSERT INTO activities (organisation_id, state, latest_version, created_by)"
    " SELECT o.id, 'draft', 1, m.user_id FROM organisations o"
    " JOIN memberships m ON m.organisation_id = o.id AND m.user_id = %s::bigint"
    "  AND m.status = 'active'"
    " WHERE o.id = %s::bigint AND o.status = 'approved' RETURNING id" };

static const kt_stmt STMT_STORED = { "kt_editor_stored",
    "UPDATE activities SET latest_version = %s::int, state = %s, revision = revision + 1,"
    " submitted_at = CASE WHEN %s = 'submitted' THEN now() ELSE submitted_at END,"
    " submitted_by = CASE WHEN %s = 'submitted' THEN %s::bigint ELSE submitted_by END"
    " WHERE id = %s::bigint" };

static const kt_stmt STMT_ARCHIVE = { "kt_editor_archive",
    "UPDATE activities SET archived_at = now(), state = 'archived',"
    " archive_reason = 'organisation', revision = revision + 1"
    " WHERE id = %s::bigint AND archived_at IS NULL" };

static const kt_stmt STMT_CONFIRM = { "kt_editor_confirm",
    "UPDATE activities SET confirmed_at = now(), reminded_at = NULL"
    " WHERE id = %s::bigint AND archived_at IS NULL AND published_version IS NOT NULL" };

typedef struct {
    kt_req *kr;
    kt_db *db;
    apr_pool_t *p;
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_fstate *fs;          /* the listing form, when the page has one */
    kt_listing_meta m;      /* the listing (not for a new one) */
    int is_new;
    const char *orgs;       /* organisations whose projects the form offers */
} editor;

/* ---- rules of the lifecycle (sql/007_listings.sql) ------------------------------- */

static int is(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

/* Archived listings are history; a rejected listing that was never public
 * stays as the moderator left it; only an approved organisation writes. */
static int editable(const kt_listing_meta *m)
{
    return !m->archived && !(is(m->state, "rejected") && !m->published_version)
           && is(m->organisation_status, "approved");
}

/* Only the latest version, while no moderator has decided on it, is saved
 * over; anything else is kept as it is and the edit becomes a new version. */
static int target_version(const kt_listing_meta *m)
{
    int undecided = m->latest_version > m->decided_version
                    && m->latest_version > m->published_version;
    return undecided && (is(m->state, "draft") || is(m->state, "submitted")
                         || is(m->state, "returned"))
           ? m->latest_version : m->latest_version + 1;
}

/* A returned listing stays "returned" (its reason shown) until submitted
 * again; saving a submitted one takes it back from the queue. */
static const char *next_state(const kt_listing_meta *m, int submit)
{
    return submit ? "submitted" : is(m->state, "returned") ? "returned" : "draft";
}

/* ---- the page ----------------------------------------------------------------------- */

static void to_fstate(void *baton, const char *field, const char *code)
{
    kt_fstate_error(baton, field, code);
}

static void add_notice(editor *ed)
{
    static const char *const known[] = { "saved", "submitted", "confirmed", "archived", NULL };
    const char *done = kt_query_param(ed->kr, "done");
    int i;

    for (i = 0; done && known[i]; i++) {
        if (strcmp(done, known[i]) == 0) {
            kt_xml_attr(ed->p, kt_xml_add(ed->p, ed->root, "notice", NULL), "code", done);
        }
    }
}

/* One kind of row (weekly times or sessions) as three repeated fields: the
 * rows' values, then `extra` empty ones, at least one row in all so that
 * there is always one to fill in.  A row is three strings (kt_slot_row,
 * kt_session_row), read at the offsets given. */
static void put_rows(kt_fstate *fs, apr_pool_t *p, const apr_array_header_t *rows, int extra,
                     const char *const names[3], const size_t offsets[3])
{
    int n = rows->nelts + extra, i, k;

    n = n < 1 ? 1 : n;
    for (k = 0; k < 3; k++) {
        apr_array_header_t *v = apr_array_make(p, n, sizeof(const char *));
        for (i = 0; i < n; i++) {
            const char *row = i < rows->nelts ? rows->elts + (size_t)i * (size_t)rows->elt_size
                                              : NULL;
            APR_ARRAY_PUSH(v, const char *) = row ? *(const char *const *)(row + offsets[k]) : "";
        }
        kt_fstate_values(fs, names[k], v);
    }
}

static void fill_rows(kt_fstate *fs, apr_pool_t *p, const kt_listing *l, int extra_slots,
                      int extra_sessions)
{
    static const char *const slot_names[3] = { "slot_weekday", "slot_start", "slot_end" };
    static const char *const session_names[3] = { "session_date", "session_start",
                                                   "session_end" };
    static const size_t slot_at[3] = { offsetof(kt_slot_row, weekday),
                                       offsetof(kt_slot_row, start),
                                       offsetof(kt_slot_row, end) };
    static const size_t session_at[3] = { offsetof(kt_session_row, date),
                                          offsetof(kt_session_row, start),
                                          offsetof(kt_session_row, end) };

    put_rows(fs, p, l->slots, extra_slots, slot_names, slot_at);
    put_rows(fs, p, l->sessions, extra_sessions, session_names, session_at);
}

static void fill_form(kt_fstate *fs, apr_pool_t *p, const kt_listing *l, int extra_slots,
                      int extra_sessions)
{
    static const char *const suffix[KT_LANG_COUNT] = { "fi", "sv", "en" };
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_fstate_value(fs, apr_pstrcat(p, "title_", suffix[i], NULL), l->title[i]);
        kt_fstate_value(fs, apr_pstrcat(p, "description_", suffix[i], NULL), l->description[i]);
        kt_fstate_value(fs, apr_pstrcat(p, "accessibility_", suffix[i], NULL),
                        l->accessibility[i]);
    }
    kt_fstate_values(fs, "forms", l->forms);
    kt_fstate_values(fs, "themes", l->themes);
    kt_fstate_values(fs, "targets", l->targets);
    kt_fstate_values(fs, "languages", l->languages);
    kt_fstate_value(fs, "languages_other", l->languages_other);
    kt_fstate_value(fs, "municipality", l->municipality);
    kt_fstate_value(fs, "online", l->online ? "yes" : "");
    kt_fstate_value(fs, "nationwide", l->nationwide ? "yes" : "");
    kt_fstate_value(fs, "street_address", l->street_address);
    kt_fstate_value(fs, "postal_code", l->postal_code);
    kt_fstate_value(fs, "post_office", l->post_office);
    kt_fstate_value(fs, "start_date", l->start_date);
    kt_fstate_value(fs, "end_date", l->end_date);
    kt_fstate_value(fs, "price", l->price);
    kt_fstate_value(fs, "price_amount", l->price_amount);
    kt_fstate_value(fs, "registration", l->registration);
    kt_fstate_value(fs, "contact_name", l->contact_name);
    kt_fstate_value(fs, "contact_email", l->contact_email);
    kt_fstate_value(fs, "contact_phone", l->contact_phone);
    kt_fstate_value(fs, "url", l->url);
    kt_fstate_value(fs, "project", l->project);
    fill_rows(fs, p, l, extra_slots, extra_sessions);
}

/* The rule boxes as they were ticked (a re-rendered form keeps them). */
static void keep_rules(editor *ed)
{
    int i;
    for (i = 0; rules[i]; i++) {
        const char *name = apr_pstrcat(ed->p, "rule_", rules[i], NULL);
        kt_fstate_value(ed->fs, name, kt_form_field(ed->kr, name));
    }
}

static int send_page(editor *ed, int status)
{
    xmlSetProp(ed->root, BAD_CAST "status", BAD_CAST apr_itoa(ed->p, status));
    return kt_send_page(ed->kr, "listing", ed->doc, status);
}

static kt_db_status today(editor *ed, const char **out)
{
    return kt_db_value(ed->db, &STMT_TODAY, out, 0, NULL);
}

/* ---- a new listing ----------------------------------------------------------------- */

/* <options for="organisation">, and the ids for the project list. */
static kt_db_status my_orgs(editor *ed, int *count)
{
    const char *args[1] = { ed->kr->session->user_id };
    xmlNodePtr list = kt_xml_add(ed->p, ed->root, "options", NULL);
    apr_array_header_t *ids = apr_array_make(ed->p, 2, sizeof(const char *));
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(ed->db, &STMT_ORGS, &res, 1, args);

    kt_xml_attr(ed->p, list, "for", "organisation");
    while (st == KT_DB_OK && kt_db_next(ed->db, res, &row)) {
        const char *id = apr_pstrdup(ed->p, kt_db_get(ed->db, row, 0));
        kt_xml_attr(ed->p, kt_xml_add(ed->p, list, "option", kt_db_get(ed->db, row, 1)),
                    "value", id);
        APR_ARRAY_PUSH(ids, const char *) = id;
    }
    *count = ids->nelts;
    ed->orgs = apr_array_pstrcat(ed->p, ids, ',');
    return st;
}

/* 1 when id is one of ed->orgs. */
static int one_of_mine(editor *ed, const char *id)
{
    char *list = apr_pstrdup(ed->p, ed->orgs), *state = NULL, *item;
    for (item = apr_strtok(list, ",", &state); item; item = apr_strtok(NULL, ",", &state)) {
        if (strcmp(item, id) == 0) {
            return 1;
        }
    }
    return 0;
}

/* ---- checking and saving --------------------------------------------------------------- */

/* Every check for this action; the rule boxes on a submission. */
static kt_db_status check(editor *ed, kt_listing *l, const char *org, int submit, int *problems)
{
    const char *day = NULL;
    kt_db_status st = today(ed, &day);
    int i;

    if (st != KT_DB_OK) {
        return st;
    }
    *problems += kt_listing_check(ed->p, l, submit, day, to_fstate, ed->fs);
    st = kt_listing_check_codes(ed->db, ed->p, org, l, to_fstate, ed->fs, problems);
    for (i = 0; submit && rules[i]; i++) {
        const char *name = apr_pstrcat(ed->p, "rule_", rules[i], NULL);
        if (!is(kt_form_field(ed->kr, name), "yes")) {
            kt_fstate_error(ed->fs, name, apr_pstrcat(ed->p, name, ".missing", NULL));
            (*problems)++;
        }
    }
    return st;
}

static const char *all_rules(apr_pool_t *p)
{
    apr_array_header_t *a = apr_array_make(p, 8, sizeof(const char *));
    int i;
    for (i = 0; rules[i]; i++) {
        APR_ARRAY_PUSH(a, const char *) = rules[i];
    }
    return apr_array_pstrcat(p, a, ',');
}

/* The form again with its values and messages: 400, or 200 after a row was
 * added or removed. */
static kt_db_status refill(editor *ed, kt_listing *l, int extra_slots, int extra_sessions)
{
    fill_form(ed->fs, ed->p, l, extra_slots, extra_sessions);
    keep_rules(ed);
    kt_fstate_value(ed->fs, "revision", kt_form_field(ed->kr, "revision"));
    kt_fstate_value(ed->fs, "organisation", kt_form_field(ed->kr, "organisation"));
    if (!ed->is_new) {
        kt_listing_meta_xml(ed->p, ed->root, &ed->m);
    }
    return kt_listing_options(ed->db, ed->p, ed->kr->lang, ed->orgs, l->languages, ed->root);
}

/* The version, its state and (on a submission) the audit line, for a
 * listing locked by the caller. */
static kt_db_status store(editor *ed, const kt_listing_meta *m, const kt_listing *l, int submit)
{
    const char *user = ed->kr->session->user_id, *state = next_state(m, submit);
    int version = target_version(m);
    const char *v = apr_itoa(ed->p, version);
    const char *args[6] = { v, state, state, state, user, m->id };
    kt_db_status st = kt_listing_version_save(ed->db, ed->p, m->id, version, m->organisation_id,
                                              user, l, submit ? all_rules(ed->p) : NULL);

    if (st == KT_DB_OK) {
        st = kt_db_exec(ed->db, &STMT_STORED, NULL, 6, args);
    }
    if (st == KT_DB_OK && submit) {
        st = kt_audit_version(ed->db, user, "activity.submit", "activity", m->id, version, NULL);
    }
    return st;
}

static int redirect(editor *ed, const char *id, const char *done)
{
    return kt_send_redirect(ed->kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(ed->p, "/", kt_lang_codes[ed->kr->lang],
                                        "/manage/activities/", id, "?done=", done, NULL));
}

/* ---- the edit conflict ------------------------------------------------------------------ */

/* 409: the person's text beside the listing as it now is, the form with their
 * values made from the current revision (saving again is a deliberate
 * choice), or only their text when the listing can no longer be edited. */
static int conflict(editor *ed, kt_listing *mine)
{
    kt_listing_meta now;
    kt_listing *cur = kt_listing_new(ed->p);
    xmlNodePtr c;
    apr_array_header_t *langs, *rows;
    int found = 0, i;
    kt_db_status st = kt_listing_meta_load(ed->db, ed->m.id, ed->kr->session->user_id, 0,
                                           &now, &found);

    if (st == KT_DB_OK && found) {
        st = kt_listing_version_load(ed->db, ed->p, ed->kr->lang, now.id, now.latest_version,
                                     cur, NULL, &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    if (!found) {
        return kt_send_error(ed->kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, ed->kr->r,
                  "KT0501: edit conflict on activity %s (revision %s, now %s)", now.id,
                  kt_form_field(ed->kr, "revision"), now.revision);
    kt_listing_meta_xml(ed->p, ed->root, &now);
    c = kt_xml_add(ed->p, ed->root, "conflict", NULL);
    kt_xml_attr(ed->p, c, "editable", editable(&now) ? "true" : "false");
    kt_listing_xml(ed->p, c, "mine", mine);
    kt_listing_xml(ed->p, c, "current", cur);
    rows = kt_listing_diff(ed->p, mine, cur);
    for (i = 0; i < rows->nelts; i++) {
        kt_xml_attr(ed->p, kt_xml_add(ed->p, c, "change", NULL), "row",
                    APR_ARRAY_IDX(rows, i, const char *));
    }
    if (editable(&now)) {
        fill_form(ed->fs, ed->p, mine, 0, 0);
        keep_rules(ed);
        kt_fstate_value(ed->fs, "revision", now.revision);
    }
    else {
        xmlUnlinkNode(kt_fstate_node(ed->fs));
        xmlFreeNode(kt_fstate_node(ed->fs));
    }
    langs = apr_array_append(ed->p, mine->languages, cur->languages);
    st = kt_listing_options(ed->db, ed->p, ed->kr->lang, now.organisation_id, langs, ed->root);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    return send_page(ed, HTTP_CONFLICT);
}

/* ---- posts to an existing listing ------------------------------------------------------- */

/* Save or submit: checks, then one transaction under the row lock. */
static int save_post(editor *ed, kt_listing *l, int submit)
{
    kt_listing_meta locked;
    int problems = 0, found = 0, stale = 0, locked_out = 0;
    kt_db_status st = check(ed, l, ed->m.organisation_id, submit, &problems);

    if (st == KT_DB_OK && problems) {
        st = refill(ed, l, 0, 0);
        return st == KT_DB_OK ? send_page(ed, HTTP_BAD_REQUEST) : kt_send_db_failure(ed->kr, st);
    }
    if (st == KT_DB_OK) {
        st = kt_db_begin(ed->db);
    }
    if (st == KT_DB_OK) {
        st = kt_listing_meta_load(ed->db, ed->m.id, ed->kr->session->user_id, 1, &locked,
                                  &found);
        stale = found && !is(locked.revision, kt_form_field(ed->kr, "revision"));
        locked_out = found && !editable(&locked);
        if (st == KT_DB_OK && found && !stale && !locked_out) {
            st = kt_db_finish(ed->db, store(ed, &locked, l, submit));
        }
        else {
            kt_db_end(ed->db, 1);
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    if (!found) {
        return kt_send_error(ed->kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (stale || locked_out) {
        return conflict(ed, l);
    }
    return redirect(ed, ed->m.id, submit ? "submitted" : "saved");
}

/* Archiving asks once more, on a page of its own: it cannot be undone. */
static int archive_post(editor *ed)
{
    const char *user = ed->kr->session->user_id;
    const char *args[1] = { ed->m.id };
    int n = 0;
    kt_db_status st;

    if (ed->m.archived) {
        return redirect(ed, ed->m.id, "archived");
    }
    if (!is(kt_form_field(ed->kr, "confirm"), "yes")) {
        xmlSetProp(ed->root, BAD_CAST "type", BAD_CAST "listing-archive");
        kt_listing_meta_xml(ed->p, ed->root, &ed->m);
        return send_page(ed, HTTP_OK);
    }
    st = kt_db_begin(ed->db);
    if (st == KT_DB_OK) {
        st = kt_db_exec(ed->db, &STMT_ARCHIVE, &n, 1, args);
        if (st == KT_DB_OK && n) {
            st = kt_audit_version(ed->db, user, "activity.archive", "activity", ed->m.id,
                                  ed->m.published_version ? ed->m.published_version
                                                          : ed->m.latest_version, NULL);
        }
        st = kt_db_finish(ed->db, st);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    return redirect(ed, ed->m.id, "archived");
}

/* "Still current": one click, from the listing or from the workspace list. */
static int confirm_post(editor *ed)
{
    const char *args[1] = { ed->m.id };
    int n = 0;
    kt_db_status st;

    if (ed->m.archived || !ed->m.published_version) {
        return kt_send_error(ed->kr, HTTP_CONFLICT, NULL, kt_text(ed->kr, "error.confirm.detail"));
    }
    st = kt_db_begin(ed->db);
    if (st == KT_DB_OK) {
        st = kt_db_exec(ed->db, &STMT_CONFIRM, &n, 1, args);
        if (st == KT_DB_OK && n) {
            st = kt_audit_version(ed->db, ed->kr->session->user_id, "activity.confirm",
                                  "activity", ed->m.id, ed->m.published_version, NULL);
        }
        st = kt_db_finish(ed->db, st);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    if (is(kt_form_field(ed->kr, "from"), "manage")) {
        return kt_send_redirect(ed->kr->r, HTTP_SEE_OTHER,
                                apr_pstrcat(ed->p, "/", kt_lang_codes[ed->kr->lang],
                                            "/manage?done=confirmed", NULL));
    }
    return redirect(ed, ed->m.id, "confirmed");
}

/* "add_slot", "remove_session_3", …: the form again with a row more or less;
 * nothing is saved.  0 when action is not one of them. */
static int row_action(editor *ed, kt_listing *l, const char *action, int *answered)
{
    int add_slot = is(action, "add_slot"), add_session = is(action, "add_session");
    int sessions = strncmp(action, "remove_session_", 15) == 0;
    int remove = sessions || strncmp(action, "remove_slot_", 12) == 0;
    kt_db_status st;

    *answered = 0;
    if (!add_slot && !add_session && !remove) {
        return OK;
    }
    if (remove) {
        apr_int64_t n = kt_parse_id(action + (sessions ? 15 : 12));
        apr_array_header_t *rows = sessions ? l->sessions : l->slots;
        int i = n > 0 && n < 1000 ? kt_listing_row_index(ed->p, ed->kr->form, sessions, (int)n)
                                  : -1;
        if (i >= 0) {
            memmove(rows->elts + i * rows->elt_size, rows->elts + (i + 1) * rows->elt_size,
                    (size_t)(rows->nelts - i - 1) * (size_t)rows->elt_size);
            rows->nelts--;
        }
    }
    /* only the rows change: the fields are checked when saved */
    *answered = 1;
    st = refill(ed, l, add_slot, add_session);
    return st == KT_DB_OK ? send_page(ed, HTTP_OK) : kt_send_db_failure(ed->kr, st);
}

static int edit_post(editor *ed)
{
    const char *action = kt_form_field(ed->kr, "action");
    kt_listing *l;
    int answered = 0, rv;

    if (is(action, "archive")) {
        return archive_post(ed);
    }
    if (is(action, "confirm")) {
        return confirm_post(ed);
    }
    l = kt_listing_from_form(ed->p, ed->kr->form);
    if (!editable(&ed->m)) {
        return conflict(ed, l);
    }
    rv = row_action(ed, l, action, &answered);
    if (answered) {
        return rv;
    }
    if (is(action, "save") || is(action, "submit")) {
        return save_post(ed, l, is(action, "submit"));
    }
    return kt_send_error(ed->kr, HTTP_BAD_REQUEST, "action", NULL);
}

/* ---- the handlers ----------------------------------------------------------------------- */

static kt_db_status start(editor *ed, kt_req *kr, const char *type)
{
    memset(ed, 0, sizeof(*ed));
    ed->kr = kr;
    ed->p = kr->r->pool;
    ed->doc = kt_page_doc(kr, type, HTTP_OK);
    ed->root = xmlDocGetRootElement(ed->doc);
    return kt_db_open(kr->r, &ed->db);
}

/* GET: the form with the latest version, or the listing read-only. */
static int edit_get(editor *ed)
{
    kt_listing *l = kt_listing_new(ed->p);
    int found = 0;
    kt_db_status st = kt_listing_version_load(ed->db, ed->p, ed->kr->lang, ed->m.id,
                                              ed->m.latest_version, l, NULL, &found);

    kt_listing_meta_xml(ed->p, ed->root, &ed->m);
    add_notice(ed);
    if (st == KT_DB_OK && editable(&ed->m)) {
        fill_form(ed->fs, ed->p, l, 0, 0);
        kt_fstate_value(ed->fs, "revision", ed->m.revision);
    }
    else if (st == KT_DB_OK) {
        xmlUnlinkNode(kt_fstate_node(ed->fs));
        xmlFreeNode(kt_fstate_node(ed->fs));
        kt_listing_xml(ed->p, ed->root, "current", l);
    }
    if (st == KT_DB_OK) {
        st = kt_listing_options(ed->db, ed->p, ed->kr->lang, ed->orgs, l->languages, ed->root);
    }
    return st == KT_DB_OK ? send_page(ed, HTTP_OK) : kt_send_db_failure(ed->kr, st);
}

int kt_page_listing_edit(kt_req *kr, const char *id)
{
    editor ed;
    int found = 0;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    st = start(&ed, kr, "listing-edit");
    if (st == KT_DB_OK) {
        st = kt_listing_meta_load(ed.db, id, kr->session->user_id, 0, &ed.m, &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0502: user %s may not edit activity %s", kr->session->user_id, id);
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    ed.orgs = ed.m.organisation_id;
    ed.fs = kt_form_add(kr, ed.doc, "listing");
    if (kr->r->method_number != M_POST) {
        return edit_get(&ed);
    }
    return edit_post(&ed);
}

/* POST of a new listing: the organisation, the checks, the listing and its
 * first version in one transaction. */
static int new_post(editor *ed)
{
    const char *action = kt_form_field(ed->kr, "action");
    const char *org = kt_form_field(ed->kr, "organisation"), *id = NULL;
    const char *args[2] = { ed->kr->session->user_id, org };
    kt_listing *l = kt_listing_from_form(ed->p, ed->kr->form);
    kt_listing_meta fresh;
    int problems = 0, answered = 0, submit = is(action, "submit"), rv;
    kt_db_status st;

    rv = row_action(ed, l, action, &answered);
    if (answered) {
        return rv;
    }
    if (!submit && !is(action, "save")) {
        return kt_send_error(ed->kr, HTTP_BAD_REQUEST, "action", NULL);
    }
    if (!one_of_mine(ed, org)) {
        kt_fstate_error(ed->fs, "organisation", *org ? "organisation.invalid"
                                                     : "organisation.missing");
        problems++;
    }
    st = check(ed, l, one_of_mine(ed, org) ? org : NULL, submit, &problems);
    if (st == KT_DB_OK && problems) {
        st = refill(ed, l, 0, 0);
        return st == KT_DB_OK ? send_page(ed, HTTP_BAD_REQUEST) : kt_send_db_failure(ed->kr, st);
    }
    if (st == KT_DB_OK) {
        st = kt_db_begin(ed->db);
    }
    if (st == KT_DB_OK) {
        st = kt_db_value(ed->db, &STMT_CREATE, &id, 2, args);
        if (st == KT_DB_OK && id) {
            memset(&fresh, 0, sizeof(fresh));
            fresh.id = id;
            fresh.organisation_id = org;
            fresh.state = "draft";
            fresh.latest_version = 1;
            fresh.revision = "1";
            st = store(ed, &fresh, l, submit);
        }
        st = kt_db_finish(ed->db, st);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    if (!id) {
        /* the membership or the organisation went away meanwhile */
        return kt_send_error(ed->kr, HTTP_FORBIDDEN, NULL, NULL);
    }
    return redirect(ed, id, submit ? "submitted" : "saved");
}

int kt_page_listing_new(kt_req *kr, const char *arg)
{
    editor ed;
    int count = 0;
    const char *chosen;
    kt_db_status st = start(&ed, kr, "listing-new");
    (void)arg;

    ed.is_new = 1;
    if (st == KT_DB_OK) {
        st = my_orgs(&ed, &count);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!count) {
        /* nothing to write for: the page explains how to get there */
        kt_xml_add(ed.p, ed.root, "no-organisation", NULL);
        if (kr->r->method_number == M_POST) {
            return kt_send_error(kr, HTTP_FORBIDDEN, NULL, NULL);
        }
        return send_page(&ed, HTTP_OK);
    }
    ed.fs = kt_form_add(kr, ed.doc, "listing");
    if (kr->r->method_number == M_POST) {
        return new_post(&ed);
    }
    chosen = kt_query_param(kr, "organisation");
    fill_form(ed.fs, ed.p, kt_listing_new(ed.p), 0, 0);
    kt_fstate_value(ed.fs, "organisation",
                    chosen && one_of_mine(&ed, chosen) ? chosen
                    : count == 1 ? ed.orgs : NULL);
    st = kt_listing_options(ed.db, ed.p, kr->lang, ed.orgs, NULL, ed.root);
    return st == KT_DB_OK ? send_page(&ed, HTTP_OK) : kt_send_db_failure(kr, st);
}
