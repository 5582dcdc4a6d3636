/* The lifecycle engine: one implementation of writing, submitting,
 * moderating, publishing, confirming and archiving listings, for every kind
 * (ARCHITECTURE.md, "Many kinds of content, one lifecycle").  A kind plugs
 * in with a descriptor: the pure kt_kind (src/lib/kt_kind.h: its names,
 * tables, freshness rule, rules) and the module's kt_kind_ops below (its
 * content's callbacks, its stylesheet, its public pages and feeds).  The
 * engine never asks which kind it has: what differs is in the descriptor.
 *
 * The engine owns: the state machine (src/lib/kt_lifecycle.c, decided there
 * and only there), versions (which version an edit writes), revisions and
 * edit conflicts, the statements of the lifecycle (written once in
 * src/lib/kt_lifecycle_sql.h and built for each kind at start-up), audit
 * lines and mails of decisions, the moderation queue and the workspace list
 * of every kind.  The editor (kt_editor.c) and the review (kt_review.c) are
 * its pages; kt-admin daily its freshness run.
 *
 * Two shapes of kind (kt_kind.owner and .publication): written by an
 * organisation's members and published by a moderator's decision
 * (activities, events), or owned by no organisation, written and published
 * by moderators themselves, at once or from a set time, and withdrawn by
 * them (news).  The engine builds each kind's statements, routes and lists
 * for its shape; nothing asks for a kind by name. */
#ifndef KT_ENGINE_H
#define KT_ENGINE_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_pages.h"
#include "kt_kind.h"
#include "kt_listing.h"
#include "kt_formstate.h"
#include "kt_form.h"

struct kt_listing_meta;

/* What the module knows of a kind.  `content` is the kind's own struct of
 * one version's fields (kt_listing for activities, kt_event for events),
 * opaque to the engine. */
typedef struct kt_kind_ops {
    const kt_kind *kind;
    /* the stylesheets of its editor pages (listing.xsl or one importing it)
     * and of its review page (moderation.xsl or one importing it) */
    const char *sheet;
    const char *review_sheet;
    /* the editor's body limits (long texts in three languages) */
    const kt_form_limits *limits;

    /* ---- one version's content ---- */
    void *(*blank)(apr_pool_t *p);
    /* the fields of a decoded form body */
    void *(*from_form)(apr_pool_t *p, const kt_form *f);
    /* what can be checked without the database (with submit: what the public
     * needs); `today` is "YYYY-MM-DD" in Helsinki; the number of problems */
    int (*check)(apr_pool_t *p, const void *c, int submit, const char *today,
                 kt_listing_err err, void *baton);
    /* codes checked against the database (vocabularies, the organisation's
     * projects; typed languages resolved into codes) */
    kt_db_status (*check_codes)(kt_db *db, apr_pool_t *p, const char *org, void *c,
                                kt_listing_err err, void *baton, int *problems);
    kt_db_status (*load)(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id, int version,
                         void *c, const char **rules, int *found);
    /* writes c as version `version` (new, or the undecided one saved over),
     * in the caller's transaction; rules: the confirmed ones, comma-joined,
     * or NULL */
    kt_db_status (*save)(kt_db *db, apr_pool_t *p, const char *id, int version,
                         const char *org, const char *author, const void *c,
                         const char *rules);
    /* the form's values; extra_a, extra_b: empty rows to add to the kind's
     * repeated rows (weekly times, sessions) */
    void (*fill)(kt_fstate *fs, apr_pool_t *p, const void *c, int extra_a, int extra_b);
    /* a button that adds or removes a row without saving ("add_slot",
     * "remove_session_2"): 1 when `action` is one (c changed, extras set);
     * NULL for a kind without rows */
    int (*rows)(apr_pool_t *p, const kt_form *f, void *c, const char *action,
                int *extra_a, int *extra_b);
    /* <listing role=""> with every field, for the comparison tables */
    xmlNodePtr (*xml)(apr_pool_t *p, xmlNodePtr parent, const char *role, const void *c);
    /* the rows of the comparison table that differ */
    apr_array_header_t *(*diff)(apr_pool_t *p, const void *a, const void *b);
    /* the codes the form's language options must include */
    const apr_array_header_t *(*languages)(const void *c);
    /* the form's <options> (organisations' projects from orgs, comma-joined ids) */
    kt_db_status (*options)(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                            const apr_array_header_t *languages, xmlNodePtr parent);

    /* ---- its public pages and feeds (routes made from the descriptor;
     * NULL: none) ---- */
    kt_handler list;        /* GET /{lang}/SEGMENT */
    kt_handler item;        /* GET /{lang}/SEGMENT/{id} */
    kt_handler ics;         /* GET /{lang}/SEGMENT/{id}.ics */
    kt_handler feed_xml;    /* GET /feed/SEGMENT.xml */
    kt_handler feed_atom;   /* GET /feed/SEGMENT.atom */
    const char *schema;     /* served at /feed/SCHEMA (KotoutuminenStylesheetDir/feed/) */

    /* built when the module starts (post_config), or NULL: what the kind's
     * pages make of its descriptor (the statements of its filter table), and
     * the statements it built (for the check of labels) */
    const char *(*init)(apr_pool_t *p);
    const kt_stmt *const *(*statements)(int *n);

    /* the published items of organisation org, as the list its public
     * profile shows (kt_organisation.c asks every kind that has one; the
     * list goes into parent, a <published kind segment>), or NULL */
    kt_db_status (*by_org)(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                           xmlNodePtr parent);

    /* what the editor's page of an existing listing shows beside the form,
     * to those who write it (networks: their member organisations and the
     * requests to join), or NULL */
    kt_db_status (*extra)(kt_req *kr, kt_db *db, const struct kt_listing_meta *m,
                          xmlNodePtr parent);
} kt_kind_ops;

/* Every kind the module serves, in the order of kt_kinds; NULL-terminated
 * (src/kt_kinds.c). */
extern const kt_kind_ops *const kt_kind_table[];

/* The module's descriptor of kind k, or NULL. */
const kt_kind_ops *kt_engine_ops(const kt_kind *k);

/* Builds every kind's statements (post_config, once before children
 * start); checks that each pure kind has the module's half.  NULL, or why
 * the module cannot start. */
const char *kt_engine_init(apr_pool_t *p);

/* The statements kt_engine_init built, for the start-up check of labels
 * (kt_db_check_labels): *n of them. */
const kt_stmt *const *kt_engine_statements(int *n);

/* ---- one listing ---------------------------------------------------------------- */

/* Where a listing stands. */
typedef struct kt_listing_meta {
    const kt_kind_ops *k;
    const char *id;
    const char *organisation_id;
    const char *organisation_name;
    const char *organisation_status;   /* pending | approved | rejected */
    const char *state;                 /* as stored; "archived" whenever archived_at is set */
    kt_lc_facts facts;                 /* for the rules (kt_lifecycle.h) */
    int archived;
    int published_version;             /* 0: never published */
    int latest_version;
    int decided_version;               /* 0: no decision yet */
    const char *revision;              /* decimal, as the forms carry it */
    const char *confirmed;             /* YYYY-MM-DD, Helsinki */
    const char *submitted;             /* YYYY-MM-DDTHH:MM, or NULL */
    const char *decided;
    const char *decision_reason;
    const char *archive_reason;
    const char *submitter;             /* name, or NULL */
    const char *submitter_email;
    const char *waiting_seconds;       /* since submission, or NULL */
    const char *published_at;          /* YYYY-MM-DDTHH:MM, Helsinki: public from (or was to
                                        * be, when scheduled), or NULL */
} kt_listing_meta;

/* The listing `id` of kind k as `viewer` may see it: someone who may write
 * it (an active member of its organisation; for a kind owned by no
 * organisation, a moderator), or with viewer NULL anyone, for moderators.
 * `lock` takes the row FOR UPDATE, inside the caller's transaction.  *found
 * 0 when there is no such listing for this viewer. */
kt_db_status kt_engine_meta(kt_db *db, const kt_kind_ops *k, const char *id, const char *viewer,
                            int lock, kt_listing_meta *m, int *found);

/* <listing-meta kind="" segment="" …> for the page (HACKING.md, "Listings"). */
xmlNodePtr kt_engine_meta_xml(apr_pool_t *p, xmlNodePtr parent, const kt_listing_meta *m);

/* 1 when its writers may write it now: the rules allow a save and the kind
 * is owned by no organisation (its moderators write it), or its
 * organisation is approved or waits for approval (drafts only). */
int kt_engine_editable(const kt_listing_meta *m);

/* 1 when it may also be submitted: editable, and (for a kind owned by
 * organisations) its organisation approved. */
int kt_engine_may_submit(const kt_listing_meta *m);

/* 1 when the rules allow `action` on it now, for its kind's way of
 * publishing. */
int kt_engine_allowed(const kt_listing_meta *m, kt_lc_action action);

/* A new listing of kind k for organisation org (NULL for a kind owned by no
 * organisation), written by user: its id, or NULL when the membership, the
 * organisation or the moderator's standing went away meanwhile.  In the
 * caller's transaction. */
kt_db_status kt_engine_create(kt_db *db, const kt_kind_ops *k, const char *user,
                              const char *org, const char **id);

/* Saves content c into the version the rules choose and does `action` with
 * it: KT_LC_SAVE, KT_LC_SUBMIT, or for a kind its writers publish
 * KT_LC_PUBLISH (now) and KT_LC_SCHEDULE (from `at`, 'YYYY-MM-DD HH:MM' in
 * Helsinki); moves the state and writes the audit line of a submission or a
 * publication, and on a submission keeps with the version the rules that
 * apply to c (the author confirmed them: kt_kind_rules_for), for a listing
 * locked by the caller (m as read under the lock).  KT_DB_ERROR when the
 * rules refuse the action (the caller asked kt_engine_allowed,
 * kt_engine_editable or kt_engine_may_submit under the same lock). */
kt_db_status kt_engine_store(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                             const void *c, const char *user, kt_lc_action action,
                             const char *at);

/* Takes it off the service for good: KT_LC_ARCHIVE by its organisation, or
 * KT_LC_WITHDRAW by the writers of a kind they publish; *done 0 when it was
 * archived already or the rules refuse it.  One transaction with its audit
 * line. */
kt_db_status kt_engine_archive(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                               const char *user, kt_lc_action action, int *done);

/* "/{lang}/manage/SEGMENT/ID", or for a kind owned by no organisation
 * "/{lang}/moderation/SEGMENT/ID": where its writers edit it (id NULL: the
 * kind's list of a kind owned by no organisation). */
const char *kt_engine_edit_path(apr_pool_t *p, const kt_kind_ops *k, kt_lang lang,
                                const char *id);

/* "Still current"; *done 0 when the rules refuse it (not public). */
kt_db_status kt_engine_confirm(kt_db *db, apr_pool_t *p, const kt_listing_meta *m,
                               const char *user, int *done);

/* A moderator's decision (KT_LC_APPROVE, _RETURN, _REJECT) on the version
 * and revision the moderator saw: state, audit line and the mails in one
 * transaction.  *decided 0 when the listing no longer waits in that version
 * and revision. */
kt_db_status kt_engine_decide(kt_req *kr, kt_db *db, const kt_listing_meta *m,
                              kt_lc_action decision, const char *reason, const char *version,
                              const char *revision, int *decided);

/* ---- every kind ------------------------------------------------------------------- */

/* <listing-queue> of the listings of every kind waiting, oldest first. */
kt_db_status kt_engine_queue(kt_req *kr, kt_db *db, xmlNodePtr parent);

/* <listings kind segment> for each kind, of the signed-in person's
 * organisations (the workspace). */
kt_db_status kt_engine_workspace(kt_req *kr, kt_db *db, xmlNodePtr parent);

/* The audit log's statements, naming listings of every kind; *lang_args:
 * how many lang arguments they begin with (one for each kind).  Then the
 * filters, each twice: the object type, the first day, the last day
 * (YYYY-MM-DD, Helsinki; NULL: no filter).  Then for a page (csv 0): limit,
 * offset; for a chunk of the export (csv 1): the key after which to go on
 * (the last row's time as text, twice, and its id; NULL: from the newest),
 * limit.  Columns: id, local time, action, object type, object id, reason,
 * actor, subject (names; NULL for a deleted account), object name, version,
 * time as text, actor's pseudonym, subject's pseudonym.  Run them with
 * kt_db_select_custom. */
const kt_stmt *kt_engine_log_statement(int csv, int *lang_args);

/* <listing-kinds><kind name segment/>…</listing-kinds>: every kind an
 * organisation writes, for pages that offer to write one of each. */
void kt_engine_kinds_xml(apr_pool_t *p, xmlNodePtr parent);

/* <desk><kind name segment/>…</desk>: every kind owned by no organisation,
 * which moderators write (the moderation page links their lists). */
void kt_engine_desk_kinds_xml(apr_pool_t *p, xmlNodePtr parent);

/* <listings kind segment page more="true"><listing id state public
 * pending-edit published-at saved archived-at archive-reason><title lang/>
 * </listing>…: every listing of kind k (owned by no organisation), `per`
 * a page, page `page` (1-based). */
kt_db_status kt_engine_desk(kt_req *kr, kt_db *db, const kt_kind_ops *k, int page, int per,
                            xmlNodePtr parent);

/* "activity" → its descriptor, for pages that name a kind. */
const kt_kind_ops *kt_engine_named(const char *name);

#endif
