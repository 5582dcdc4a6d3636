/* The lifecycle engine; see kt_engine.h.
 *
 * Every change of state is asked of the state machine first
 * (kt_lc_next): the statements below write the state it gives, never a
 * state of their own.  The statements are the templates of
 * src/lib/kt_lifecycle_sql.h with each kind's names put in, built once in
 * post_config (before children start) and read-only afterwards. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_engine.h"
#include "kt_lifecycle_sql.h"
#include "kt_audit.h"
#include "kt_mail.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_text.h"

/* The statements of one kind: those of its shape (kt_kind.owner and
 * .publication); the others stay empty and are never run. */
typedef struct {
    const kt_kind_ops *k;
    kt_stmt meta, meta_lock, create, stored, archive, confirm;
    kt_stmt decide, workspace, mail_to;     /* organisations' kinds, reviewed */
    kt_stmt publish, unschedule, desk;      /* kinds their writers publish */
} kind_stmts;

#define KIND_STMTS 12
#define MAX_KINDS 16

static kind_stmts built[MAX_KINDS];
static int nbuilt;
static kt_stmt queue_stmt, log_stmt, log_csv_stmt;
/* each kind's, its pages' (at most 16), the queue and the log's two */
#define MAX_STMTS (MAX_KINDS * (KIND_STMTS + 16) + 3)
static const kt_stmt *all_stmts[MAX_STMTS];
static int nall;

static kt_stmt make(apr_pool_t *p, const kt_lc_names *n, const char *what, const char *tmpl)
{
    kt_stmt s;
    s.label = apr_pstrcat(p, "kt_lc_", n->name, "_", what, NULL);
    s.sql = kt_lc_sql(p, tmpl, n);
    return s;
}

static void list_stmt(const kt_stmt *s)
{
    all_stmts[nall++] = s;
}

static int unowned(const kt_kind *kind)
{
    return kind->owner == KT_KIND_UNOWNED;
}

/* The two shapes the engine serves: an organisation's kind moderated by
 * review, a kind of no organisation published by the moderators who write
 * it (there is nobody else to review it for). */
static const char *check_shape(apr_pool_t *p, const kt_kind *kind)
{
    if ((kind->owner == KT_KIND_ORGANISATION && kind->publication == KT_LC_REVIEWED)
        || (kind->owner == KT_KIND_UNOWNED && kind->publication == KT_LC_EDITORIAL)) {
        return NULL;
    }
    return apr_pstrcat(p, "the kind ", kind->names.name, " combines an owner and a way of"
                       " publishing that the engine does not serve (src/lib/kt_kind.h)", NULL);
}

static void build_kind(apr_pool_t *p, kind_stmts *b)
{
    const kt_lc_names *n = &b->k->kind->names;
    int no_org = unowned(b->k->kind);
    const char *meta = no_org ? KT_LC_SQL_META_UNOWNED : KT_LC_SQL_META;

    b->meta = make(p, n, "meta", meta);
    b->meta_lock = make(p, n, "meta_lock", apr_pstrcat(p, meta, " FOR UPDATE OF a", NULL));
    b->create = make(p, n, "create", no_org ? KT_LC_SQL_CREATE_UNOWNED : KT_LC_SQL_CREATE);
    b->stored = make(p, n, "stored", KT_LC_SQL_STORED);
    b->archive = make(p, n, "archive", KT_LC_SQL_ARCHIVE);
    b->confirm = make(p, n, "confirm", KT_LC_SQL_CONFIRM);
    list_stmt(&b->meta);
    list_stmt(&b->meta_lock);
    list_stmt(&b->create);
    list_stmt(&b->stored);
    list_stmt(&b->archive);
    list_stmt(&b->confirm);
    if (b->k->kind->publication == KT_LC_REVIEWED) {
        b->decide = make(p, n, "decide", KT_LC_SQL_DECIDE);
        b->workspace = make(p, n, "workspace", KT_LC_SQL_WORKSPACE);
        b->mail_to = make(p, n, "mail_to", KT_LC_SQL_MAIL_TO);
        list_stmt(&b->decide);
        list_stmt(&b->workspace);
        list_stmt(&b->mail_to);
    }
    else {
        b->publish = make(p, n, "publish", KT_LC_SQL_PUBLISH);
        b->unschedule = make(p, n, "unschedule", KT_LC_SQL_UNSCHEDULE);
        b->desk = make(p, n, "desk", KT_LC_SQL_DESK);
        list_stmt(&b->publish);
        list_stmt(&b->unschedule);
        list_stmt(&b->desk);
    }
}

/* The audit log's two statements: a page of it, and a chunk of the export
 * after a key.  A listing is named by the title of the version the entry is
 * about.  The filters (type, from, to; NULL: off) are optional parameters:
 * the statements run through kt_db_select_custom, planned for their values,
 * so that a filter uses its index (sql/016_forms.sql). */
static void log_statements(apr_pool_t *p, const char *titles, const char *joins)
{
    const char *head = apr_pstrcat(p,
        "SELECT a.id, to_char(a.at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
        " a.action, a.object_type, a.object_id, a.reason,"
        /* a deleted account appears by its pseudonym only */
        " CASE WHEN u.deleted_at IS NULL THEN coalesce(u.first_name || ' ' || u.last_name, '') END,"
        " CASE WHEN s.deleted_at IS NULL THEN s.first_name || ' ' || s.last_name END,"
        " coalesce(o.name", titles, "), a.version, a.at::text, u.pseudonym, s.pseudonym"
        " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id"
        " LEFT JOIN users s ON s.id = a.subject_user_id"
        " LEFT JOIN organisations o ON a.object_type = 'organisation' AND o.id = a.object_id",
        joins,
        " WHERE (%s::text IS NULL OR a.object_type = %s::text)"
        " AND (%s::date IS NULL OR a.at >= %s::date::timestamp AT TIME ZONE 'Europe/Helsinki')"
        " AND (%s::date IS NULL"
        "  OR a.at < (%s::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki')", NULL);

    log_stmt.label = "kt_lc_log";
    log_stmt.sql = apr_pstrcat(p, head,
                               " ORDER BY a.at DESC, a.id DESC LIMIT %s::int OFFSET %s::int", NULL);
    log_csv_stmt.label = "kt_lc_log_csv";
    log_csv_stmt.sql = apr_pstrcat(p, head,
        " AND (%s::timestamptz IS NULL OR (a.at, a.id) < (%s::timestamptz, %s::bigint))"
        " ORDER BY a.at DESC, a.id DESC LIMIT %s::int", NULL);
    list_stmt(&log_stmt);
    list_stmt(&log_csv_stmt);
}

const char *kt_engine_init(apr_pool_t *p)
{
    const char *queue = KT_LC_SQL_QUEUE_HEAD, *joins = "", *titles = "";
    int i, parts = 0;

    nbuilt = nall = 0;
    for (i = 0; kt_kinds[i]; i++) {
        const kt_kind_ops *k = kt_engine_ops(kt_kinds[i]);
        const kt_lc_names *n = &kt_kinds[i]->names;
        const char *why = check_shape(p, kt_kinds[i]);
        kind_stmts *b;

        if (!k) {
            return apr_pstrcat(p, "the kind ", n->name, " has no module descriptor"
                               " (kt_kind_table in src/kt_kinds.c)", NULL);
        }
        if (why) {
            return why;
        }
        if (nbuilt == MAX_KINDS) {
            return "more kinds than MAX_KINDS in src/kt_engine.c";
        }
        if (k->init) {
            const kt_stmt *const *more;
            int j, m = 0;

            why = k->init(p);
            if (why) {
                return why;
            }
            more = k->statements(&m);
            if (nall + m > MAX_STMTS) {
                return "more statements than MAX_STMTS in src/kt_engine.c";
            }
            for (j = 0; j < m; j++) {
                list_stmt(more[j]);
            }
        }
        b = &built[nbuilt++];
        b->k = k;
        build_kind(p, b);
        /* the queue: what waits for a moderator's decision */
        if (kt_kinds[i]->publication == KT_LC_REVIEWED) {
            queue = apr_pstrcat(p, queue, parts++ ? " UNION ALL " : "",
                                kt_lc_sql(p, KT_LC_SQL_QUEUE_PART, n), NULL);
        }
        joins = apr_pstrcat(p, joins, kt_lc_sql(p, KT_LC_SQL_LOG_JOIN, n), NULL);
        titles = apr_pstrcat(p, titles, ", ", kt_lc_sql(p, KT_LC_SQL_LOG_TITLE, n), NULL);
    }
    queue_stmt.label = "kt_lc_queue";
    queue_stmt.sql = apr_pstrcat(p, queue, KT_LC_SQL_QUEUE_TAIL, NULL);
    list_stmt(&queue_stmt);
    log_statements(p, titles, joins);
    return NULL;
}

const kt_stmt *const *kt_engine_statements(int *n)
{
    *n = nall;
    return all_stmts;
}

static const kind_stmts *stmts(const kt_kind_ops *k)
{
    int i;

    for (i = 0; i < nbuilt; i++) {
        if (built[i].k == k) {
            return &built[i];
        }
    }
    return NULL;
}

const kt_kind_ops *kt_engine_ops(const kt_kind *kind)
{
    int i;

    for (i = 0; kt_kind_table[i]; i++) {
        if (kt_kind_table[i]->kind == kind) {
            return kt_kind_table[i];
        }
    }
    return NULL;
}

const kt_kind_ops *kt_engine_named(const char *name)
{
    const kt_kind *kind = kt_kind_named(name);
    return kind ? kt_engine_ops(kind) : NULL;
}

const kt_stmt *kt_engine_log_statement(int csv, int *lang_args)
{
    *lang_args = nbuilt;
    return csv ? &log_csv_stmt : &log_stmt;
}

/* ---- one listing ------------------------------------------------------------------ */

static int as_int(const char *s)
{
    return s ? atoi(s) : 0;
}

kt_db_status kt_engine_meta(kt_db *db, const kt_kind_ops *k, const char *id, const char *viewer,
                            int lock, kt_listing_meta *m, int *found)
{
    const kind_stmts *s = stmts(k);
    const char *args[3] = { id, viewer, viewer }, *c[KT_LC_SQL_META_NCOLS];
    kt_db_status st = kt_db_row(db, lock ? &s->meta_lock : &s->meta, 3, args,
                                KT_LC_SQL_META_NCOLS, c, found);
    int state;

    if (st != KT_DB_OK || !*found) {
        return st;
    }
    memset(m, 0, sizeof(*m));
    m->k = k;
    m->id = c[0];
    m->organisation_id = c[1];
    m->organisation_name = c[2];
    m->organisation_status = c[3];
    m->state = c[4];
    m->archived = c[5] && c[5][0] == 't';
    m->published_version = as_int(c[6]);
    m->latest_version = as_int(c[7]);
    m->decided_version = as_int(c[8]);
    m->revision = c[9];
    m->confirmed = c[10];
    m->submitted = c[11];
    m->decided = c[12];
    m->decision_reason = c[13];
    m->archive_reason = c[14];
    m->submitter = c[15];
    m->submitter_email = c[16];
    m->waiting_seconds = c[17];
    m->published_at = c[18];
    state = kt_lc_state_from_name(m->state);
    m->facts.state = state < 0 ? KT_LC_ARCHIVED : (kt_lc_state)state;
    m->facts.published_version = m->published_version;
    m->facts.latest_version = m->latest_version;
    m->facts.decided_version = m->decided_version;
    return KT_DB_OK;
}

xmlNodePtr kt_engine_meta_xml(apr_pool_t *p, xmlNodePtr parent, const kt_listing_meta *m)
{
    xmlNodePtr n = kt_xml_add(p, parent, "listing-meta", NULL);
    const kt_kind *kind = m->k->kind;
    int editorial = kind->publication == KT_LC_EDITORIAL;

    kt_xml_attr(p, n, "id", m->id);
    kt_xml_attr(p, n, "kind", kind->names.name);
    kt_xml_attr(p, n, "segment", kind->names.segment);
    kt_xml_attr(p, n, "state", m->state);
    kt_xml_attr(p, n, "organisation-id", m->organisation_id);
    kt_xml_attr(p, n, "organisation-status", m->organisation_status);
    kt_xml_attr(p, n, "public", kt_lc_ever_public(&m->facts) && !m->archived ? "true" : "false");
    kt_xml_attr(p, n, "pending-edit", m->published_version
                && m->latest_version > m->published_version ? "true" : "false");
    kt_xml_attr(p, n, "published-version",
                m->published_version ? apr_itoa(p, m->published_version) : NULL);
    kt_xml_attr(p, n, "latest-version", apr_itoa(p, m->latest_version));
    kt_xml_attr(p, n, "revision", m->revision);
    kt_xml_attr(p, n, "confirmed", m->published_version && kind->expires ? m->confirmed : NULL);
    kt_xml_attr(p, n, "confirmable", kind->expires && kt_lc_allowed(&m->facts, KT_LC_CONFIRM)
                ? "true" : "false");
    kt_xml_attr(p, n, "submitted", m->submitted);
    kt_xml_attr(p, n, "decided", m->decided);
    kt_xml_attr(p, n, "archive-reason", m->archived ? m->archive_reason : NULL);
    kt_xml_attr(p, n, "waiting-seconds", m->waiting_seconds);
    if (editorial) {
        /* what the writers' own buttons need: publish, schedule (and when
         * to, or when it is), withdraw */
        kt_xml_attr(p, n, "published-at", m->published_at);
        kt_xml_attr(p, n, "publishable", kt_engine_allowed(m, KT_LC_PUBLISH) ? "true" : "false");
        kt_xml_attr(p, n, "schedulable", kt_engine_allowed(m, KT_LC_SCHEDULE) ? "true" : "false");
        kt_xml_attr(p, n, "withdrawable", kt_engine_allowed(m, KT_LC_WITHDRAW) ? "true" : "false");
    }
    if (m->organisation_name) {
        kt_xml_add(p, n, "organisation", m->organisation_name);
    }
    if (m->decision_reason) {
        kt_xml_add(p, n, "reason", m->decision_reason);
    }
    if (m->submitter) {
        kt_xml_attr(p, kt_xml_add(p, n, "submitter", m->submitter), "email", m->submitter_email);
    }
    return n;
}

int kt_engine_allowed(const kt_listing_meta *m, kt_lc_action action)
{
    return kt_lc_allowed_in(m->k->kind->publication, &m->facts, action);
}

static int org_status_is(const kt_listing_meta *m, const char *status)
{
    return m->organisation_status && strcmp(m->organisation_status, status) == 0;
}

/* A kind of no organisation is its moderators' to write.  An organisation
 * waiting for approval may write drafts: its people get ready while the
 * moderators look at it (issue 14). */
int kt_engine_editable(const kt_listing_meta *m)
{
    if (!kt_engine_allowed(m, KT_LC_SAVE)) {
        return 0;
    }
    return unowned(m->k->kind) || org_status_is(m, "approved") || org_status_is(m, "pending");
}

int kt_engine_may_submit(const kt_listing_meta *m)
{
    return kt_engine_editable(m) && (unowned(m->k->kind) || org_status_is(m, "approved"));
}

kt_db_status kt_engine_create(kt_db *db, const kt_kind_ops *k, const char *user,
                              const char *org, const char **id)
{
    const char *args[2] = { user, org };
    return kt_db_value(db, &stmts(k)->create, id, unowned(k->kind) ? 1 : 2, args);
}

const char *kt_engine_edit_path(apr_pool_t *p, const kt_kind_ops *k, kt_lang lang,
                                const char *id)
{
    return apr_pstrcat(p, "/", kt_lang_codes[lang],
                       unowned(k->kind) ? "/moderation/" : "/manage/", k->kind->names.segment,
                       id ? "/" : "", id, NULL);
}

static const char *audit_action(apr_pool_t *p, const kt_kind *kind, kt_lc_action a)
{
    return apr_pstrcat(p, kind->names.name, ".", kt_lc_action_name(a), NULL);
}

/* The version written and published in one statement (a kind its writers
 * publish): state, the public version, the time it is public from. */
static kt_db_status publish(kt_db *db, const kt_listing_meta *m, int next,
                            const char *version, const char *user, const char *at)
{
    const char *args[7];

    args[0] = version;
    args[1] = kt_lc_state_name((kt_lc_state)next);
    args[2] = version;
    args[3] = next == KT_LC_SCHEDULED && at ? at : "";
    args[4] = version;
    args[5] = user;
    args[6] = m->id;
    return kt_db_exec(db, &stmts(m->k)->publish, NULL, 7, args);
}

/* The version written: its state, the latest version, a submission. */
static kt_db_status stored(kt_db *db, const kt_listing_meta *m, int next, const char *version,
                           const char *user, int submit)
{
    const char *flag = submit ? "true" : "false";
    const char *args[6];
    kt_db_status st;

    args[0] = version;
    args[1] = kt_lc_state_name((kt_lc_state)next);
    args[2] = flag;
    args[3] = flag;
    args[4] = user;
    args[5] = m->id;
    st = kt_db_exec(db, &stmts(m->k)->stored, NULL, 6, args);
    if (st == KT_DB_OK && m->facts.state == KT_LC_SCHEDULED && next == KT_LC_DRAFT) {
        /* saving a scheduled one takes it off the schedule */
        args[0] = m->id;
        st = kt_db_exec(db, &stmts(m->k)->unschedule, NULL, 1, args);
    }
    return st;
}

kt_db_status kt_engine_store(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                             const void *c, const char *user, kt_lc_action action,
                             const char *at)
{
    const kt_kind *kind = m->k->kind;
    int next = kt_lc_next_in(kind->publication, m->facts.state, kt_lc_ever_public(&m->facts),
                             action);
    int version = kt_lc_version_for_edit(&m->facts);
    int publishing = action == KT_LC_PUBLISH || action == KT_LC_SCHEDULE;
    const char *v = apr_itoa(p, version);
    kt_db_status st;

    if (next < 0 || (action != KT_LC_SAVE && action != KT_LC_SUBMIT && !publishing)
        || (action == KT_LC_SCHEDULE && !at)) {
        /* the caller asked the rules under the same lock */
        return KT_DB_ERROR;
    }
    st = m->k->save(db, p, m->id, version, m->organisation_id, user, c,
                    action == KT_LC_SUBMIT ? kt_kind_rules_for(p, kind, c) : NULL);
    if (st == KT_DB_OK) {
        st = publishing ? publish(db, m, next, v, user, at)
                        : stored(db, m, next, v, user, action == KT_LC_SUBMIT);
    }
    if (st == KT_DB_OK && action != KT_LC_SAVE) {
        st = kt_audit_version(db, user, audit_action(p, kind, action), kind->names.name, m->id,
                              version, NULL);
    }
    return st;
}

kt_db_status kt_engine_archive(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                               const char *user, kt_lc_action action, int *done)
{
    const kt_kind *kind = m->k->kind;
    int next = kt_lc_next_in(kind->publication, m->facts.state, kt_lc_ever_public(&m->facts),
                             action), n = 0;
    const char *args[3];
    kt_db_status st;

    *done = 0;
    if (next < 0 || (action != KT_LC_ARCHIVE && action != KT_LC_WITHDRAW)) {
        return KT_DB_OK;
    }
    args[0] = kt_lc_state_name((kt_lc_state)next);
    args[1] = action == KT_LC_WITHDRAW ? "withdrawn" : "organisation";
    args[2] = m->id;
    st = kt_db_begin(db);
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_exec(db, &stmts(m->k)->archive, &n, 3, args);
    if (st == KT_DB_OK && n) {
        *done = 1;
        st = kt_audit_version(db, user, audit_action(p, kind, action), kind->names.name, m->id,
                              m->published_version ? m->published_version : m->latest_version,
                              NULL);
    }
    return kt_db_finish(db, st);
}

kt_db_status kt_engine_confirm(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                               const char *user, int *done)
{
    const char *args[1] = { m->id };
    int n = 0;
    kt_db_status st;

    *done = 0;
    if (!m->k->kind->expires || !kt_engine_allowed(m, KT_LC_CONFIRM)) {
        return KT_DB_OK;
    }
    st = kt_db_begin(db);
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_exec(db, &stmts(m->k)->confirm, &n, 1, args);
    if (st == KT_DB_OK && n) {
        st = kt_audit_version(db, user, audit_action(p, m->k->kind, KT_LC_CONFIRM),
                              m->k->kind->names.name, m->id, m->published_version, NULL);
    }
    *done = 1;
    return kt_db_finish(db, st);
}

/* ---- decisions and their mail ---------------------------------------------------------- */

typedef struct {
    const char *email, *first_name, *lang, *organisation, *title;
} recipient;

static const char *copy(apr_pool_t *p, const char *s)
{
    return s ? apr_pstrdup(p, s) : NULL;
}

/* Emails the people of a listing's organisation about a decision: its
 * active main users and whoever submitted it (once each, each in their own
 * language), with a link to the listing in the workspace.  The texts get
 * {name}, {title}, {organisation} and {reason}. */
static kt_db_status decision_mail(kt_req *kr, kt_db *db, const kt_listing_meta *m,
                                  kt_lc_action decision, const char *reason)
{
    apr_pool_t *p = kr->r->pool;
    const kt_kind *kind = m->k->kind;
    const char *args[1] = { m->id };
    const char *mail = apr_pstrcat(p, kind->mail, "_", kt_lc_action_name(decision), NULL);
    apr_array_header_t *to = apr_array_make(p, 2, sizeof(recipient));
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &stmts(m->k)->mail_to, &res, 1, args);
    int i;

    /* every row first: the connection runs one statement at a time */
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        recipient *r = apr_array_push(to);
        r->email = copy(p, kt_db_get(db, row, 0));
        r->first_name = copy(p, kt_db_get(db, row, 1));
        r->lang = copy(p, kt_db_get(db, row, 2));
        r->organisation = copy(p, kt_db_get(db, row, 3));
        r->title = copy(p, kt_db_get(db, row, 4));
    }
    for (i = 0; st == KT_DB_OK && i < to->nelts; i++) {
        const recipient *r = &APR_ARRAY_IDX(to, i, recipient);
        int lang = kt_lang_from_code(r->lang);
        kt_mail_var vars[] = { { "name", r->first_name }, { "title", r->title },
                               { "organisation", r->organisation }, { "reason", reason },
                               { NULL, NULL } };
        if (lang < 0) {
            lang = KT_LANG_FI;
        }
        st = kt_mail_queue(kr, db, r->email, (kt_lang)lang, mail,
                           kt_site_url(kr, kt_engine_edit_path(p, m->k, (kt_lang)lang, m->id)),
                           vars);
    }
    return st;
}

kt_db_status kt_engine_decide(kt_req *kr, kt_db *db, const kt_listing_meta *m,
                              kt_lc_action decision, const char *reason, const char *version,
                              const char *revision, int *decided)
{
    apr_pool_t *p = kr->r->pool;
    const kt_kind *kind = m->k->kind;
    int next = kt_lc_next_in(kind->publication, KT_LC_SUBMITTED, kt_lc_ever_public(&m->facts),
                             decision);
    const char *approve = decision == KT_LC_APPROVE ? "true" : "false";
    const char *args[12], *decided_version = NULL;
    apr_int64_t n;
    kt_db_status st;

    *decided = 0;
    /* beyond an integer column (2^31 and up) no listing has it: 409, not a 500 */
    if (next < 0 || !kt_parse_int(version, 1, KT_INT32_MAX, &n)
        || !kt_parse_int(revision, 1, KT_INT32_MAX, &n)) {
        return KT_DB_OK;
    }
    args[0] = kt_lc_state_name((kt_lc_state)next);
    args[1] = args[2] = args[3] = args[4] = args[5] = approve;
    args[6] = kr->session->user_id;
    args[7] = approve;
    args[8] = reason;
    args[9] = m->id;
    args[10] = version;
    args[11] = revision;
    st = kt_db_begin(db);
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_value(db, &stmts(m->k)->decide, &decided_version, 12, args);
    if (st == KT_DB_OK && !decided_version) {
        return kt_db_end(db, 1);
    }
    if (st == KT_DB_OK) {
        *decided = 1;
        st = kt_audit_version(db, kr->session->user_id, audit_action(p, kind, decision),
                              kind->names.name, m->id, atoi(decided_version), reason);
    }
    if (st == KT_DB_OK) {
        st = decision_mail(kr, db, m, decision, reason);
    }
    return kt_db_finish(db, st);
}

/* ---- every kind -------------------------------------------------------------------- */

kt_db_status kt_engine_queue(kt_req *kr, kt_db *db, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr q = kt_xml_add(p, parent, "listing-queue", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &queue_stmt, &res, 0, NULL);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const kt_kind_ops *k = kt_engine_named(kt_db_get(db, row, 0));
        xmlNodePtr n = kt_xml_add(p, q, "listing", NULL), o;
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 2), kt_db_get(db, row, 3),
                                         kt_db_get(db, row, 4) };
        kt_xml_attr(p, n, "id", kt_db_get(db, row, 1));
        kt_xml_attr(p, n, "kind", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "segment", k ? k->kind->names.segment : NULL);
        kt_xml_attr(p, n, "edit", kt_db_get(db, row, 7)[0] == 't' ? "true" : "false");
        kt_xml_attr(p, n, "submitted", kt_db_get(db, row, 8));
        kt_xml_attr(p, n, "waiting-seconds", kt_db_get(db, row, 9));
        kt_xml_texts(p, n, "title", kr->lang, t);
        o = kt_xml_add(p, n, "organisation", kt_db_get(db, row, 6));
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 5));
        if (kt_db_get(db, row, 10)) {
            kt_xml_add(p, n, "submitter", kt_db_get(db, row, 10));
        }
    }
    return st;
}

static kt_db_status workspace_kind(kt_req *kr, kt_db *db, const kind_stmts *s, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    const kt_kind *kind = s->k->kind;
    const char *args[1] = { kr->session->user_id };
    xmlNodePtr list = kt_xml_add(p, parent, "listings", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &s->workspace, &res, 1, args);

    kt_xml_attr(p, list, "kind", kind->names.name);
    kt_xml_attr(p, list, "segment", kind->names.segment);
    kt_xml_attr(p, list, "expires", kind->expires ? "true" : "false");
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "listing", NULL), o;
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 1), kt_db_get(db, row, 2),
                                         kt_db_get(db, row, 3) };
        int pub = kt_db_get(db, row, 7)[0] == 't';
        kt_xml_attr(p, n, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "state", kt_db_get(db, row, 6));
        kt_xml_attr(p, n, "public", pub ? "true" : "false");
        kt_xml_attr(p, n, "pending-edit", kt_db_get(db, row, 8)[0] == 't' ? "true" : "false");
        if (pub && kind->expires) {
            kt_xml_attr(p, n, "confirmed", kt_db_get(db, row, 9));
            kt_xml_attr(p, n, "due", kt_db_get(db, row, 10));
            kt_xml_attr(p, n, "confirm-soon", kt_db_get(db, row, 11)[0] == 't' ? "true" : "false");
        }
        kt_xml_texts(p, n, "title", kr->lang, t);
        o = kt_xml_add(p, n, "organisation", kt_db_get(db, row, 5));
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 4));
    }
    return st;
}

kt_db_status kt_engine_workspace(kt_req *kr, kt_db *db, xmlNodePtr parent)
{
    kt_db_status st = KT_DB_OK;
    int i;

    for (i = 0; st == KT_DB_OK && i < nbuilt; i++) {
        if (!unowned(built[i].k->kind)) {
            st = workspace_kind(kr, db, &built[i], parent);
        }
    }
    return st;
}

/* <NAME><kind name segment/>…</NAME> of the kinds owned (or not) by
 * organisations. */
static void kinds_xml(apr_pool_t *p, xmlNodePtr parent, const char *name, int no_org)
{
    xmlNodePtr list = kt_xml_add(p, parent, name, NULL);
    int i;

    for (i = 0; i < nbuilt; i++) {
        if (unowned(built[i].k->kind) == no_org) {
            xmlNodePtr k = kt_xml_add(p, list, "kind", NULL);
            kt_xml_attr(p, k, "name", built[i].k->kind->names.name);
            kt_xml_attr(p, k, "segment", built[i].k->kind->names.segment);
        }
    }
}

void kt_engine_kinds_xml(apr_pool_t *p, xmlNodePtr parent)
{
    kinds_xml(p, parent, "listing-kinds", 0);
}

void kt_engine_desk_kinds_xml(apr_pool_t *p, xmlNodePtr parent)
{
    kinds_xml(p, parent, "desk", 1);
}

kt_db_status kt_engine_desk(kt_req *kr, kt_db *db, const kt_kind_ops *k, int page, int per,
                            xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    const kind_stmts *s = stmts(k);
    /* one row more than shown says whether there is a next page */
    const char *args[2] = { apr_itoa(p, per + 1), apr_itoa(p, (page - 1) * per) };
    xmlNodePtr list = kt_xml_add(p, parent, "listings", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &s->desk, &res, 2, args);
    int n = 0;

    kt_xml_attr(p, list, "kind", k->kind->names.name);
    kt_xml_attr(p, list, "segment", k->kind->names.segment);
    kt_xml_attr(p, list, "page", apr_itoa(p, page));
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 1), kt_db_get(db, row, 2),
                                         kt_db_get(db, row, 3) };
        xmlNodePtr e;
        if (++n > per) {
            kt_xml_attr(p, list, "more", "true");
            continue;
        }
        e = kt_xml_add(p, list, "listing", NULL);
        kt_xml_attr(p, e, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, e, "state", kt_db_get(db, row, 4));
        kt_xml_attr(p, e, "public", kt_db_get(db, row, 5)[0] == 't' ? "true" : "false");
        kt_xml_attr(p, e, "pending-edit", kt_db_get(db, row, 6)[0] == 't' ? "true" : "false");
        kt_xml_attr(p, e, "published-at", kt_db_get(db, row, 7));
        kt_xml_attr(p, e, "saved", kt_db_get(db, row, 8));
        kt_xml_attr(p, e, "archived-at", kt_db_get(db, row, 9));
        kt_xml_attr(p, e, "archive-reason", kt_db_get(db, row, 10));
        kt_xml_texts(p, e, "title", kr->lang, t);
    }
    return st;
}
