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

/* The statements of one kind. */
typedef struct {
    const kt_kind_ops *k;
    kt_stmt meta, meta_lock, create, stored, archive, confirm, decide, workspace, mail_to;
} kind_stmts;

#define KIND_STMTS 9
#define MAX_KINDS 16

static kind_stmts built[MAX_KINDS];
static int nbuilt;
static kt_stmt queue_stmt, log_stmt;
/* each kind's, its pages' (at most 16), the queue and the log */
#define MAX_STMTS (MAX_KINDS * (KIND_STMTS + 16) + 2)
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

const char *kt_engine_init(apr_pool_t *p)
{
    const char *queue = KT_LC_SQL_QUEUE_HEAD, *joins = "", *titles = "";
    int i;

    nbuilt = nall = 0;
    for (i = 0; kt_kinds[i]; i++) {
        const kt_kind_ops *k = kt_engine_ops(kt_kinds[i]);
        const kt_lc_names *n = &kt_kinds[i]->names;
        kind_stmts *b;

        if (!k) {
            return apr_pstrcat(p, "the kind ", n->name, " has no module descriptor"
                               " (kt_kind_table in src/kt_kinds.c)", NULL);
        }
        if (nbuilt == MAX_KINDS) {
            return "more kinds than MAX_KINDS in src/kt_engine.c";
        }
        if (k->init) {
            const char *why = k->init(p);
            const kt_stmt *const *more;
            int j, m = 0;
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
        b->meta = make(p, n, "meta", KT_LC_SQL_META);
        b->meta_lock = make(p, n, "meta_lock", KT_LC_SQL_META " FOR UPDATE OF a");
        b->create = make(p, n, "create", KT_LC_SQL_CREATE);
        b->stored = make(p, n, "stored", KT_LC_SQL_STORED);
        b->archive = make(p, n, "archive", KT_LC_SQL_ARCHIVE);
        b->confirm = make(p, n, "confirm", KT_LC_SQL_CONFIRM);
        b->decide = make(p, n, "decide", KT_LC_SQL_DECIDE);
        b->workspace = make(p, n, "workspace", KT_LC_SQL_WORKSPACE);
        b->mail_to = make(p, n, "mail_to", KT_LC_SQL_MAIL_TO);
        list_stmt(&b->meta);
        list_stmt(&b->meta_lock);
        list_stmt(&b->create);
        list_stmt(&b->stored);
        list_stmt(&b->archive);
        list_stmt(&b->confirm);
        list_stmt(&b->decide);
        list_stmt(&b->workspace);
        list_stmt(&b->mail_to);
        queue = apr_pstrcat(p, queue, i ? " UNION ALL " : "",
                            kt_lc_sql(p, KT_LC_SQL_QUEUE_PART, n), NULL);
        joins = apr_pstrcat(p, joins, kt_lc_sql(p, KT_LC_SQL_LOG_JOIN, n), NULL);
        titles = apr_pstrcat(p, titles, ", ", kt_lc_sql(p, KT_LC_SQL_LOG_TITLE, n), NULL);
    }
    queue_stmt.label = "kt_lc_queue";
    queue_stmt.sql = apr_pstrcat(p, queue, KT_LC_SQL_QUEUE_TAIL, NULL);
    list_stmt(&queue_stmt);
    /* A listing is named by the title of the version the entry is about. */
    log_stmt.label = "kt_lc_log";
    log_stmt.sql = apr_pstrcat(p,
        "SELECT a.id, to_char(a.at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
        " a.action, a.object_type, a.object_id, a.reason,"
        /* a deleted account appears by its pseudonym only */
        " CASE WHEN u.deleted_at IS NULL THEN coalesce(u.first_name || ' ' || u.last_name, '') END,"
        " CASE WHEN s.deleted_at IS NULL THEN s.first_name || ' ' || s.last_name END,"
        " coalesce(o.name", titles, "), a.version, u.pseudonym, s.pseudonym"
        " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id"
        " LEFT JOIN users s ON s.id = a.subject_user_id"
        " LEFT JOIN organisations o ON a.object_type = 'organisation' AND o.id = a.object_id",
        joins, " ORDER BY a.at DESC, a.id DESC LIMIT %s::int OFFSET %s::int", NULL);
    list_stmt(&log_stmt);
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

const kt_stmt *kt_engine_log_statement(int *lang_args)
{
    *lang_args = nbuilt;
    return &log_stmt;
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

    kt_xml_attr(p, n, "id", m->id);
    kt_xml_attr(p, n, "kind", kind->names.name);
    kt_xml_attr(p, n, "segment", kind->names.segment);
    kt_xml_attr(p, n, "state", m->state);
    kt_xml_attr(p, n, "organisation-id", m->organisation_id);
    kt_xml_attr(p, n, "public", m->published_version && !m->archived ? "true" : "false");
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
    kt_xml_add(p, n, "organisation", m->organisation_name);
    if (m->decision_reason) {
        kt_xml_add(p, n, "reason", m->decision_reason);
    }
    if (m->submitter) {
        kt_xml_attr(p, kt_xml_add(p, n, "submitter", m->submitter), "email", m->submitter_email);
    }
    return n;
}

int kt_engine_editable(const kt_listing_meta *m)
{
    return kt_lc_allowed(&m->facts, KT_LC_SAVE)
           && m->organisation_status && strcmp(m->organisation_status, "approved") == 0;
}

kt_db_status kt_engine_create(kt_db *db, const kt_kind_ops *k, const char *user,
                              const char *org, const char **id)
{
    const char *args[2] = { user, org };
    return kt_db_value(db, &stmts(k)->create, id, 2, args);
}

const char *kt_engine_rules(apr_pool_t *p, const kt_kind *kind)
{
    apr_array_header_t *a = apr_array_make(p, 8, sizeof(const char *));
    int i;

    for (i = 0; kind->rules && kind->rules[i]; i++) {
        APR_ARRAY_PUSH(a, const char *) = kind->rules[i];
    }
    return apr_array_pstrcat(p, a, ',');
}

static const char *audit_action(apr_pool_t *p, const kt_kind *kind, kt_lc_action a)
{
    return apr_pstrcat(p, kind->names.name, ".", kt_lc_action_name(a), NULL);
}

kt_db_status kt_engine_store(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                             const void *c, const char *user, int submit)
{
    const kt_kind *kind = m->k->kind;
    kt_lc_action action = submit ? KT_LC_SUBMIT : KT_LC_SAVE;
    int next = kt_lc_next(m->facts.state, m->published_version > 0, action);
    int version = kt_lc_version_for_edit(&m->facts);
    const char *v = apr_itoa(p, version), *flag = submit ? "true" : "false";
    const char *args[6];
    kt_db_status st;

    if (next < 0) {
        /* the caller checked kt_engine_editable under the same lock */
        return KT_DB_ERROR;
    }
    st = m->k->save(db, p, m->id, version, m->organisation_id, user, c,
                    submit ? kt_engine_rules(p, kind) : NULL);
    args[0] = v;
    args[1] = kt_lc_state_name((kt_lc_state)next);
    args[2] = flag;
    args[3] = flag;
    args[4] = user;
    args[5] = m->id;
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &stmts(m->k)->stored, NULL, 6, args);
    }
    if (st == KT_DB_OK && submit) {
        st = kt_audit_version(db, user, audit_action(p, kind, action), kind->names.name, m->id,
                              version, NULL);
    }
    return st;
}

kt_db_status kt_engine_archive(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                               const char *user, int *done)
{
    int next = kt_lc_next(m->facts.state, m->published_version > 0, KT_LC_ARCHIVE), n = 0;
    const char *args[2] = { kt_lc_state_name(KT_LC_ARCHIVED), m->id };
    kt_db_status st;

    *done = 0;
    if (next < 0) {
        return KT_DB_OK;
    }
    args[0] = kt_lc_state_name((kt_lc_state)next);
    st = kt_db_begin(db);
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_exec(db, &stmts(m->k)->archive, &n, 2, args);
    if (st == KT_DB_OK && n) {
        *done = 1;
        st = kt_audit_version(db, user, audit_action(p, m->k->kind, KT_LC_ARCHIVE),
                              m->k->kind->names.name, m->id,
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
    if (!m->k->kind->expires || !kt_lc_allowed(&m->facts, KT_LC_CONFIRM)) {
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
                           kt_site_url(kr, apr_pstrcat(p, "/", kt_lang_codes[lang], "/manage/",
                                                       kind->names.segment, "/", m->id, NULL)),
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
    int next = kt_lc_next(KT_LC_SUBMITTED, m->published_version > 0, decision);
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
        st = workspace_kind(kr, db, &built[i], parent);
    }
    return st;
}

void kt_engine_kinds_xml(apr_pool_t *p, xmlNodePtr parent)
{
    xmlNodePtr list = kt_xml_add(p, parent, "listing-kinds", NULL);
    int i;

    for (i = 0; i < nbuilt; i++) {
        xmlNodePtr k = kt_xml_add(p, list, "kind", NULL);
        kt_xml_attr(p, k, "name", built[i].k->kind->names.name);
        kt_xml_attr(p, k, "segment", built[i].k->kind->names.segment);
    }
}
