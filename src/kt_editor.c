/* The listing editor of the workspace, for every kind; see kt_editor.h and
 * HACKING.md, "Listings".  A kind owned by no organisation (news) has it
 * under /moderation, for moderators, with its writers' own publish,
 * schedule and withdraw instead of submit and archive.
 *
 * A save runs in one transaction that locks the listing's row, checks the
 * revision the form was made from and what the rules allow, and writes the
 * version, its rows and the listing's new state together (kt_engine_store):
 * two people saving at once are serialised, and the second one gets the
 * conflict page.  What a kind's form holds is the kind's (kt_kind_ops). */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_editor.h"
#include "kt_engine.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"

static const kt_stmt STMT_TODAY KT_STMT_LISTED = { "kt_editor_today",
    "SELECT to_char(now() AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')" };

static const kt_stmt STMT_NOW KT_STMT_LISTED = { "kt_editor_now",
    "SELECT to_char(now() AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD HH24:MI')" };

/* The organisations the person is an active member of that may write:
 * approved ones, and those waiting for approval (drafts only). */
static const kt_stmt STMT_ORGS KT_STMT_LISTED = { "kt_editor_orgs",
    "SELECT o.id::text, o.name, o.status FROM memberships m"
    " JOIN organisations o ON o.id = m.organisation_id"
    " WHERE m.user_id = %s::bigint AND m.status = 'active'"
    " AND o.status IN ('approved', 'pending')"
    " ORDER BY lower(o.name), o.id" };

typedef struct {
    kt_req *kr;
    const kt_kind_ops *k;
    kt_db *db;
    apr_pool_t *p;
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_fstate *fs;          /* the listing form, when the page has one */
    xmlNodePtr kind;        /* <listing-kind> */
    kt_listing_meta m;      /* the listing (not for a new one) */
    int is_new;
    int edit_page;          /* the page of an existing listing (not the archive question) */
    const char *orgs;       /* organisations whose projects the form offers */
    const char *pending;    /* those of them waiting for approval */
    const char *at;         /* a scheduled publication's time, 'YYYY-MM-DD HH:MM' */
} editor;

static int is(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

/* ---- the page ----------------------------------------------------------------------- */

static void to_fstate(void *baton, const char *field, const char *code)
{
    kt_fstate_error(baton, field, code);
}

static void add_notice(editor *ed)
{
    static const char *const known[] = { "saved", "submitted", "confirmed", "archived",
                                         "published", "scheduled", "withdrawn", NULL };
    const char *done = kt_query_param(ed->kr, "done");
    int i;

    for (i = 0; done && known[i]; i++) {
        if (strcmp(done, known[i]) == 0) {
            kt_xml_attr(ed->p, kt_xml_add(ed->p, ed->root, "notice", NULL), "code", done);
        }
    }
}

/* The rule boxes as they were ticked (a re-rendered form keeps them). */
static void keep_rules(editor *ed)
{
    const kt_kind_rule *r;

    for (r = ed->k->kind->rules; r && r->name; r++) {
        const char *name = apr_pstrcat(ed->p, "rule_", r->name, NULL);
        kt_fstate_value(ed->fs, name, kt_form_field(ed->kr, name));
    }
}

/* The boxes of the last submission ticked again (the rules in `list`,
 * comma-joined, that apply to c): a returned listing, or an edit of a
 * published one, is submitted again without ticking every box anew. */
static void remembered_rules(editor *ed, const void *c, const char *list)
{
    const kt_kind_rule *r;

    for (r = ed->k->kind->rules; r && r->name; r++) {
        if (kt_kind_rule_applies(r, c) && kt_kind_rule_listed(list, r->name)) {
            kt_fstate_value(ed->fs, apr_pstrcat(ed->p, "rule_", r->name, NULL), "yes");
        }
    }
}

/* <listing-kind name segment>: what the stylesheets need to know of the
 * kind; its rules come with the content (add_rules). */
static void add_kind(editor *ed)
{
    const kt_kind *kind = ed->k->kind;

    ed->kind = kt_xml_add(ed->p, ed->root, "listing-kind", NULL);
    kt_xml_attr(ed->p, ed->kind, "name", kind->names.name);
    kt_xml_attr(ed->p, ed->kind, "segment", kind->names.segment);
}

/* <rule name=""/> under <listing-kind> for each rule that applies to c (the
 * descriptor says which: kt_kind_rule): the form asks only these. */
static void add_rules(editor *ed, const void *c)
{
    const kt_kind_rule *r;

    for (r = ed->k->kind->rules; r && r->name; r++) {
        if (kt_kind_rule_applies(r, c)) {
            kt_xml_attr(ed->p, kt_xml_add(ed->p, ed->kind, "rule", NULL), "name", r->name);
        }
    }
}

static int send_page(editor *ed, int status)
{
    if (ed->k->extra && !ed->is_new && ed->m.id && ed->edit_page) {
        /* the kind's own part of the page (kt_kind_ops.extra) */
        kt_db_status st = ed->k->extra(ed->kr, ed->db, &ed->m, ed->root);
        if (st != KT_DB_OK) {
            return kt_send_db_failure(ed->kr, st);
        }
    }
    xmlSetProp(ed->root, BAD_CAST "status", BAD_CAST apr_itoa(ed->p, status));
    return kt_send_page(ed->kr, ed->k->sheet, ed->doc, status);
}

static kt_db_status today(editor *ed, const char **out)
{
    return kt_db_value(ed->db, &STMT_TODAY, out, 0, NULL);
}

static void drop_form(editor *ed)
{
    xmlUnlinkNode(kt_fstate_node(ed->fs));
    xmlFreeNode(kt_fstate_node(ed->fs));
    ed->fs = NULL;
}

/* ---- a new listing ----------------------------------------------------------------- */

/* <options for="organisation">, and the ids for the project list. */
static kt_db_status my_orgs(editor *ed, int *count)
{
    const char *args[1] = { ed->kr->session->user_id };
    xmlNodePtr list = kt_xml_add(ed->p, ed->root, "options", NULL);
    apr_array_header_t *ids = apr_array_make(ed->p, 2, sizeof(const char *));
    apr_array_header_t *pending = apr_array_make(ed->p, 1, sizeof(const char *));
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(ed->db, &STMT_ORGS, &res, 1, args);

    kt_xml_attr(ed->p, list, "for", "organisation");
    while (st == KT_DB_OK && kt_db_next(ed->db, res, &row)) {
        const char *id = apr_pstrdup(ed->p, kt_db_get(ed->db, row, 0));
        xmlNodePtr o = kt_xml_add(ed->p, list, "option", kt_db_get(ed->db, row, 1));
        kt_xml_attr(ed->p, o, "value", id);
        if (strcmp(kt_db_get(ed->db, row, 2), "pending") == 0) {
            kt_xml_attr(ed->p, o, "status", "pending");
            APR_ARRAY_PUSH(pending, const char *) = id;
        }
        APR_ARRAY_PUSH(ids, const char *) = id;
    }
    *count = ids->nelts;
    ed->orgs = apr_array_pstrcat(ed->p, ids, ',');
    ed->pending = apr_array_pstrcat(ed->p, pending, ',');
    return st;
}

/* 1 when id is one of the comma-joined ids. */
static int in_list(editor *ed, const char *ids, const char *id)
{
    char *list = apr_pstrdup(ed->p, ids), *state = NULL, *item;
    for (item = apr_strtok(list, ",", &state); item; item = apr_strtok(NULL, ",", &state)) {
        if (strcmp(item, id) == 0) {
            return 1;
        }
    }
    return 0;
}

static int one_of_mine(editor *ed, const char *id)
{
    return in_list(ed, ed->orgs, id);
}

/* ---- checking and saving --------------------------------------------------------------- */

/* The time a scheduled publication is for, typed as a date and a time of
 * day in Helsinki (publish_date, publish_time): ed->at, or a message. */
static kt_db_status schedule_time(editor *ed, int *problems)
{
    const char *date = kt_form_field(ed->kr, "publish_date");
    const char *time = kt_form_field(ed->kr, "publish_time");
    const char *d = kt_listing_date(ed->p, date), *t = kt_listing_clock(ed->p, time), *now;
    kt_db_status st;

    kt_fstate_value(ed->fs, "publish_date", date);
    kt_fstate_value(ed->fs, "publish_time", time);
    if (!d || !t) {
        if (!d) {
            kt_fstate_error(ed->fs, "publish_date", *date ? "publish_date.invalid"
                                                          : "publish_date.missing");
        }
        if (!t) {
            kt_fstate_error(ed->fs, "publish_time", *time ? "publish_time.invalid"
                                                          : "publish_time.missing");
        }
        *problems += !d + !t;
        return KT_DB_OK;
    }
    st = kt_db_value(ed->db, &STMT_NOW, &now, 0, NULL);
    ed->at = apr_pstrcat(ed->p, d, " ", t, NULL);
    if (st == KT_DB_OK && strcmp(ed->at, now) <= 0) {
        kt_fstate_error(ed->fs, "publish_date", "publish_date.past");
        (*problems)++;
    }
    return st;
}

/* Every check for this action: what the public needs for anything but a
 * save; on a submission the boxes of the rules that apply to c; the time of
 * a scheduling. */
static kt_db_status check(editor *ed, void *c, const char *org, kt_lc_action action,
                          int *problems)
{
    const kt_kind_rule *r;
    const char *day = NULL;
    int submit = action == KT_LC_SUBMIT;
    kt_db_status st = today(ed, &day);

    if (st == KT_DB_OK && action == KT_LC_SCHEDULE) {
        st = schedule_time(ed, problems);
    }
    if (st != KT_DB_OK) {
        return st;
    }
    *problems += ed->k->check(ed->p, c, action != KT_LC_SAVE, day, to_fstate, ed->fs);
    st = ed->k->check_codes(ed->db, ed->p, org, c, to_fstate, ed->fs, problems);
    for (r = ed->k->kind->rules; submit && r && r->name; r++) {
        const char *name = apr_pstrcat(ed->p, "rule_", r->name, NULL);
        if (kt_kind_rule_applies(r, c) && !is(kt_form_field(ed->kr, name), "yes")) {
            kt_fstate_error(ed->fs, name, apr_pstrcat(ed->p, name, ".missing", NULL));
            (*problems)++;
        }
    }
    return st;
}

static kt_db_status options(editor *ed, const char *orgs, const apr_array_header_t *langs)
{
    return ed->k->options(ed->db, ed->p, ed->kr->lang, orgs, langs, ed->root);
}

/* The form again with its values and messages: 400, or 200 after a row was
 * added or removed. */
static kt_db_status refill(editor *ed, void *c, int extra_a, int extra_b)
{
    ed->k->fill(ed->fs, ed->p, c, extra_a, extra_b);
    add_rules(ed, c);
    keep_rules(ed);
    kt_fstate_value(ed->fs, "revision", kt_form_field(ed->kr, "revision"));
    kt_fstate_value(ed->fs, "organisation", kt_form_field(ed->kr, "organisation"));
    kt_fstate_value(ed->fs, "publish_date", kt_form_field(ed->kr, "publish_date"));
    kt_fstate_value(ed->fs, "publish_time", kt_form_field(ed->kr, "publish_time"));
    if (!ed->is_new) {
        kt_engine_meta_xml(ed->p, ed->root, &ed->m);
    }
    return options(ed, ed->orgs, ed->k->languages(c));
}

static int redirect(editor *ed, const char *id, const char *done)
{
    return kt_send_redirect(ed->kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(ed->p, kt_engine_edit_path(ed->p, ed->k, ed->kr->lang,
                                                                   id),
                                        "?done=", done, NULL));
}

/* What a save, a submission or a publication tells on the page after it. */
static const char *done_code(kt_lc_action action)
{
    return action == KT_LC_SUBMIT ? "submitted" : action == KT_LC_PUBLISH ? "published"
           : action == KT_LC_SCHEDULE ? "scheduled" : "saved";
}

/* The action a form button asks for that writes the content (save, and
 * submit or publish and schedule as the kind is published), or -1. */
static int store_action(editor *ed, const char *name)
{
    int a = kt_lc_action_from_name(name);
    int editorial = ed->k->kind->publication == KT_LC_EDITORIAL;

    if (a == KT_LC_SAVE || (a == KT_LC_SUBMIT && !editorial)
        || ((a == KT_LC_PUBLISH || a == KT_LC_SCHEDULE) && editorial)) {
        return a;
    }
    return -1;
}

/* ---- the edit conflict ------------------------------------------------------------------ */

/* 409: the person's text beside the listing as it now is, the form with their
 * values made from the current revision (saving again is a deliberate
 * choice), or only their text when the listing can no longer be edited. */
static int conflict(editor *ed, void *mine)
{
    kt_listing_meta now;
    void *cur = ed->k->blank(ed->p);
    xmlNodePtr c;
    apr_array_header_t *langs, *rows;
    int found = 0, i;
    kt_db_status st = kt_engine_meta(ed->db, ed->k, ed->m.id, ed->kr->session->user_id, 0,
                                     &now, &found);

    if (st == KT_DB_OK && found) {
        st = ed->k->load(ed->db, ed->p, ed->kr->lang, now.id, now.latest_version, cur, NULL,
                         &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    if (!found) {
        return kt_send_error(ed->kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, ed->kr->r,
                  "KT0501: edit conflict on %s %s (revision %s, now %s)",
                  ed->k->kind->names.name, now.id, kt_form_field(ed->kr, "revision"),
                  now.revision);
    kt_engine_meta_xml(ed->p, ed->root, &now);
    c = kt_xml_add(ed->p, ed->root, "conflict", NULL);
    kt_xml_attr(ed->p, c, "editable", kt_engine_editable(&now) ? "true" : "false");
    rows = ed->k->diff(ed->p, mine, cur);
    for (i = 0; i < rows->nelts; i++) {
        kt_xml_attr(ed->p, kt_xml_add(ed->p, c, "change", NULL), "row",
                    APR_ARRAY_IDX(rows, i, const char *));
    }
    /* both texts as they are, to copy from: no word marks here */
    ed->k->xml(ed->p, c, "mine", mine);
    ed->k->xml(ed->p, c, "current", cur);
    if (kt_engine_editable(&now)) {
        ed->k->fill(ed->fs, ed->p, mine, 0, 0);
        add_rules(ed, mine);
        keep_rules(ed);
        kt_fstate_value(ed->fs, "revision", now.revision);
    }
    else {
        drop_form(ed);
    }
    langs = apr_array_append(ed->p, ed->k->languages(mine), ed->k->languages(cur));
    st = options(ed, now.organisation_id, langs);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    return send_page(ed, HTTP_CONFLICT);
}

/* ---- posts to an existing listing ------------------------------------------------------- */

/* A submission for an organisation that waits for approval: the form again
 * with what was typed and why it cannot be sent yet (its drafts wait). */
static int not_yet(editor *ed, void *c)
{
    kt_db_status st;

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, ed->kr->r,
                  "KT0503: %s of organisation %s not submitted: the organisation waits "
                  "for approval", ed->k->kind->names.name,
                  ed->is_new ? kt_form_field(ed->kr, "organisation") : ed->m.organisation_id);
    kt_fstate_form_error(ed->fs, "listing.organisation_pending");
    st = refill(ed, c, 0, 0);
    return st == KT_DB_OK ? send_page(ed, HTTP_FORBIDDEN) : kt_send_db_failure(ed->kr, st);
}

/* 1 when the listing may take this action as far as its owner goes: a save
 * whenever it is editable, anything more (submit, publish) only when its
 * organisation, if any, is approved. */
static int owner_allows(const kt_listing_meta *m, kt_lc_action action)
{
    return action == KT_LC_SAVE ? kt_engine_editable(m) : kt_engine_may_submit(m);
}

/* Save, submit, publish or schedule: checks, then one transaction under
 * the row lock. */
static int save_post(editor *ed, void *c, kt_lc_action action)
{
    kt_listing_meta locked;
    int problems = 0, found = 0, stale = 0, locked_out = 0;
    kt_db_status st;

    if (!owner_allows(&ed->m, action)) {
        return not_yet(ed, c);
    }
    st = check(ed, c, ed->m.organisation_id, action, &problems);
    if (st == KT_DB_OK && action == KT_LC_SCHEDULE && !kt_engine_allowed(&ed->m, action)) {
        /* a public item cannot be hidden until later */
        kt_fstate_error(ed->fs, "publish_date", "publish_date.public");
        problems++;
    }

    if (st == KT_DB_OK && problems) {
        st = refill(ed, c, 0, 0);
        return st == KT_DB_OK ? send_page(ed, HTTP_BAD_REQUEST) : kt_send_db_failure(ed->kr, st);
    }
    if (st == KT_DB_OK) {
        st = kt_db_begin(ed->db);
    }
    if (st == KT_DB_OK) {
        st = kt_engine_meta(ed->db, ed->k, ed->m.id, ed->kr->session->user_id, 1, &locked,
                            &found);
        stale = found && !is(locked.revision, kt_form_field(ed->kr, "revision"));
        locked_out = found && (!owner_allows(&locked, action)
                               || !kt_engine_allowed(&locked, action));
        if (st == KT_DB_OK && found && !stale && !locked_out) {
            st = kt_db_finish(ed->db, kt_engine_store(ed->db, ed->p, &locked, c,
                                                      ed->kr->session->user_id, action, ed->at));
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
        return conflict(ed, c);
    }
    return redirect(ed, ed->m.id, done_code(action));
}

/* Archiving (withdrawing) asks once more, on a page of its own: it cannot
 * be undone. */
static int archive_post(editor *ed, kt_lc_action action)
{
    const char *done_as = action == KT_LC_WITHDRAW ? "withdrawn" : "archived";
    int done = 0;
    kt_db_status st;

    if (ed->m.archived) {
        return redirect(ed, ed->m.id, done_as);
    }
    if (!is(kt_form_field(ed->kr, "confirm"), "yes")) {
        xmlSetProp(ed->root, BAD_CAST "type", BAD_CAST "listing-archive");
        ed->edit_page = 0;
        kt_engine_meta_xml(ed->p, ed->root, &ed->m);
        return send_page(ed, HTTP_OK);
    }
    st = kt_engine_archive(ed->db, ed->p, &ed->m, ed->kr->session->user_id, action, &done);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    return redirect(ed, ed->m.id, done_as);
}

/* "Still current": one click, from the listing or from the workspace list. */
static int confirm_post(editor *ed)
{
    int done = 0;
    kt_db_status st = kt_engine_confirm(ed->db, ed->p, &ed->m, ed->kr->session->user_id, &done);

    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    if (!done) {
        return kt_send_error(ed->kr, HTTP_CONFLICT, NULL, kt_text(ed->kr, "error.confirm.detail"));
    }
    if (is(kt_form_field(ed->kr, "from"), "manage")) {
        return kt_send_redirect(ed->kr->r, HTTP_SEE_OTHER,
                                apr_pstrcat(ed->p, "/", kt_lang_codes[ed->kr->lang],
                                            "/manage?done=confirmed", NULL));
    }
    return redirect(ed, ed->m.id, "confirmed");
}

/* A row added or removed ("add_slot", "remove_session_3", …): the form
 * again, nothing saved.  0 in *answered when action is no such button. */
static int row_action(editor *ed, void *c, const char *action, int *answered)
{
    int extra_a = 0, extra_b = 0;
    kt_db_status st;

    *answered = ed->k->rows && ed->k->rows(ed->p, ed->kr->form, c, action, &extra_a, &extra_b);
    if (!*answered) {
        return OK;
    }
    /* only the rows change: the fields are checked when saved.  The button
     * pressed goes back to the page, which takes the focus to the row it
     * added or to the one after the row it removed (listing.xsl). */
    st = refill(ed, c, extra_a, extra_b);
    kt_fstate_value(ed->fs, "action", action);
    return st == KT_DB_OK ? send_page(ed, HTTP_OK) : kt_send_db_failure(ed->kr, st);
}

static int edit_post(editor *ed)
{
    const char *action = kt_form_field(ed->kr, "action");
    int editorial = ed->k->kind->publication == KT_LC_EDITORIAL;
    void *c;
    int answered = 0, rv;

    if (is(action, editorial ? "withdraw" : "archive")) {
        return archive_post(ed, editorial ? KT_LC_WITHDRAW : KT_LC_ARCHIVE);
    }
    if (is(action, "confirm")) {
        return confirm_post(ed);
    }
    c = ed->k->from_form(ed->p, ed->kr->form);
    if (!kt_engine_editable(&ed->m)) {
        return conflict(ed, c);
    }
    rv = row_action(ed, c, action, &answered);
    if (answered) {
        return rv;
    }
    if (store_action(ed, action) >= 0) {
        return save_post(ed, c, (kt_lc_action)store_action(ed, action));
    }
    return kt_send_error(ed->kr, HTTP_BAD_REQUEST, "action", NULL);
}

/* ---- the handlers ----------------------------------------------------------------------- */

static kt_db_status start(editor *ed, kt_req *kr, const char *type)
{
    memset(ed, 0, sizeof(*ed));
    ed->kr = kr;
    ed->k = kr->kind;
    ed->p = kr->r->pool;
    ed->doc = kt_page_doc(kr, type, HTTP_OK);
    ed->root = xmlDocGetRootElement(ed->doc);
    add_kind(ed);
    return kt_db_open(kr->r, &ed->db);
}

/* The rules confirmed with the last submission: the latest version's, or,
 * for a version written after a decision, the decided one's. */
static kt_db_status last_rules(editor *ed, const char *latest, const char **rules)
{
    int found = 0;

    *rules = latest;
    if ((latest && *latest) || !ed->m.decided_version
        || ed->m.decided_version >= ed->m.latest_version) {
        return KT_DB_OK;
    }
    return ed->k->load(ed->db, ed->p, ed->kr->lang, ed->m.id, ed->m.decided_version,
                       ed->k->blank(ed->p), rules, &found);
}

/* GET: the form with the latest version, or the listing read-only. */
static int edit_get(editor *ed)
{
    void *c = ed->k->blank(ed->p);
    const char *rules = NULL;
    int found = 0;
    kt_db_status st = ed->k->load(ed->db, ed->p, ed->kr->lang, ed->m.id, ed->m.latest_version,
                                  c, &rules, &found);

    kt_engine_meta_xml(ed->p, ed->root, &ed->m);
    add_notice(ed);
    if (st == KT_DB_OK && kt_engine_editable(&ed->m)) {
        ed->k->fill(ed->fs, ed->p, c, 0, 0);
        add_rules(ed, c);
        kt_fstate_value(ed->fs, "revision", ed->m.revision);
        if (ed->m.facts.state == KT_LC_SCHEDULED && ed->m.published_at) {
            /* the time it waits for, to move or keep, as people type it */
            const char *at = ed->m.published_at;      /* YYYY-MM-DDTHH:MM */
            kt_fstate_value(ed->fs, "publish_date",
                            apr_psprintf(ed->p, "%d.%d.%.4s", atoi(at + 8), atoi(at + 5), at));
            kt_fstate_value(ed->fs, "publish_time",
                            apr_psprintf(ed->p, "%d.%.2s", atoi(at + 11), at + 14));
        }
        st = last_rules(ed, rules, &rules);
        remembered_rules(ed, c, rules);
    }
    else if (st == KT_DB_OK) {
        drop_form(ed);
        ed->k->xml(ed->p, ed->root, "current", c);
    }
    if (st == KT_DB_OK) {
        st = options(ed, ed->orgs, ed->k->languages(c));
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
        st = kt_engine_meta(ed.db, ed.k, id, kr->session->user_id, 0, &ed.m, &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0502: user %s may not edit %s %s",
                      kr->session->user_id, ed.k->kind->names.name, id);
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    ed.orgs = ed.m.organisation_id;
    ed.edit_page = 1;
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
    void *c = ed->k->from_form(ed->p, ed->kr->form);
    int owned = ed->k->kind->owner == KT_KIND_ORGANISATION;
    kt_listing_meta fresh;
    int problems = 0, answered = 0, how = store_action(ed, action), rv;
    kt_db_status st;

    rv = row_action(ed, c, action, &answered);
    if (answered) {
        return rv;
    }
    if (how < 0) {
        return kt_send_error(ed->kr, HTTP_BAD_REQUEST, "action", NULL);
    }
    if (!owned) {
        org = NULL;
    }
    else if (!one_of_mine(ed, org)) {
        kt_fstate_error(ed->fs, "organisation", *org ? "organisation.invalid"
                                                     : "organisation.missing");
        problems++;
    }
    else if (how != KT_LC_SAVE && in_list(ed, ed->pending, org)) {
        return not_yet(ed, c);
    }
    st = check(ed, c, !owned || one_of_mine(ed, org) ? org : NULL, (kt_lc_action)how, &problems);
    if (st == KT_DB_OK && problems) {
        st = refill(ed, c, 0, 0);
        return st == KT_DB_OK ? send_page(ed, HTTP_BAD_REQUEST) : kt_send_db_failure(ed->kr, st);
    }
    if (st == KT_DB_OK) {
        st = kt_db_begin(ed->db);
    }
    if (st == KT_DB_OK) {
        st = kt_engine_create(ed->db, ed->k, ed->kr->session->user_id, org, &id);
        if (st == KT_DB_OK && id) {
            /* what kt_engine_meta would read of the row just made */
            memset(&fresh, 0, sizeof(fresh));
            fresh.k = ed->k;
            fresh.id = id;
            fresh.organisation_id = org;
            fresh.state = "draft";
            fresh.latest_version = 1;
            fresh.revision = "1";
            fresh.facts.state = KT_LC_DRAFT;
            fresh.facts.latest_version = 1;
            st = kt_engine_store(ed->db, ed->p, &fresh, c, ed->kr->session->user_id,
                                 (kt_lc_action)how, ed->at);
        }
        st = kt_db_finish(ed->db, st);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(ed->kr, st);
    }
    if (!id) {
        /* the membership, the organisation or the moderator's standing went
         * away meanwhile */
        return kt_send_error(ed->kr, HTTP_FORBIDDEN, NULL, NULL);
    }
    return redirect(ed, id, done_code((kt_lc_action)how));
}

int kt_page_listing_new(kt_req *kr, const char *arg)
{
    editor ed;
    int count = 0;
    const char *chosen;
    kt_db_status st = start(&ed, kr, "listing-new");
    (void)arg;

    ed.is_new = 1;
    if (st == KT_DB_OK && ed.k->kind->owner == KT_KIND_UNOWNED) {
        /* written for the service itself */
        ed.orgs = "";
        count = 1;
    }
    else if (st == KT_DB_OK) {
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
    ed.k->fill(ed.fs, ed.p, ed.k->blank(ed.p), 0, 0);
    add_rules(&ed, ed.k->blank(ed.p));
    kt_fstate_value(ed.fs, "organisation",
                    chosen && one_of_mine(&ed, chosen) ? chosen
                    : count == 1 ? ed.orgs : NULL);
    st = options(&ed, ed.orgs, NULL);
    return st == KT_DB_OK ? send_page(&ed, HTTP_OK) : kt_send_db_failure(kr, st);
}
