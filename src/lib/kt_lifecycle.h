/* The lifecycle every kind of listing shares (PRODUCT.md, "States";
 * ARCHITECTURE.md, "Many kinds of content, one lifecycle"), written once:
 * the state machine as one table, the rule that says which version an edit
 * goes to, and the SQL of the lifecycle with each kind's table names put in
 * (kt_lc_sql).  Pure (APR only): the module (src/kt_engine.c) and kt-admin
 * (tools/kt_admin_daily.c) both decide every change of state here.
 *
 * The state is that of a listing's working copy, its latest version:
 *   draft      being written (a new listing, or an edit of a published one)
 *   submitted  waiting for a moderator
 *   returned   sent back with a reason; corrected and submitted again
 *   rejected   refused (final for a listing never published; an edit of a
 *              published one may be written again from the public version)
 *   published  the latest version is the public one
 *   archived   off the public pages for good (archived_at is set)
 * Whatever the state, the public reads the published version: an edit of a
 * published listing waits while the published one stays. */
#ifndef KT_LIFECYCLE_H
#define KT_LIFECYCLE_H

#include <apr_pools.h>

typedef enum {
    KT_LC_DRAFT = 0,
    KT_LC_SUBMITTED,
    KT_LC_RETURNED,
    KT_LC_REJECTED,
    KT_LC_PUBLISHED,
    KT_LC_ARCHIVED,
    KT_LC_SCHEDULED,
    KT_LC_STATES
} kt_lc_state;

/* What someone does to a listing.  The names (kt_lc_action_name) are those
 * of the audit log after the kind's name: "activity.submit", "event.end". */
typedef enum {
    KT_LC_SAVE = 0,     /* its organisation saves the content */
    KT_LC_SUBMIT,       /* … and sends it to moderation */
    KT_LC_APPROVE,      /* a moderator publishes the latest version */
    KT_LC_RETURN,       /* … sends it back with a reason */
    KT_LC_REJECT,       /* … refuses it with a reason */
    KT_LC_ARCHIVE,      /* its organisation takes it off the service */
    KT_LC_END,          /* kt-admin daily: its kind's end has come (kt_kind.ended) */
    KT_LC_EXPIRE,       /* kt-admin daily: not confirmed as current for a year */
    KT_LC_CONFIRM,      /* "still current": no change of state, only allowed on a public one */
    KT_LC_PUBLISH,      /* (KT_LC_EDITORIAL) its writer publishes the content now */
    KT_LC_SCHEDULE,     /* … from a set time on; only before it was ever public */
    KT_LC_WITHDRAW,     /* … takes it off the service for good (410 once it was public) */
    KT_LC_ACTIONS
} kt_lc_action;

/* How a kind's versions become public. */
typedef enum {
    /* written, submitted, and published by a moderator's decision (approve,
     * return, reject): activities, events */
    KT_LC_REVIEWED = 0,
    /* published by those who write it, at once or from a set time, with no
     * review step (their own decision), and withdrawn by them: news written
     * by moderators */
    KT_LC_EDITORIAL
} kt_lc_publication;

/* Where a listing stands, as far as the rules need to know. */
typedef struct {
    kt_lc_state state;
    int published_version;    /* 0: never published */
    int latest_version;
    int decided_version;      /* 0: no moderator's decision yet */
} kt_lc_facts;

/* The state after `action` for a kind published as `how`, or -1 when the
 * rules refuse it.  ever_public: the listing has a published version that
 * the public has seen (kt_lc_ever_public; an archived one has no way back). */
int kt_lc_next_in(kt_lc_publication how, kt_lc_state from, int ever_public, kt_lc_action action);

/* The same for a reviewed kind (KT_LC_REVIEWED). */
int kt_lc_next(kt_lc_state from, int ever_public, kt_lc_action action);

/* 1 when the listing has a published version the public has seen: not one
 * that is only scheduled. */
int kt_lc_ever_public(const kt_lc_facts *f);

/* 1 when the rules allow `action` now, for a kind published as `how`. */
int kt_lc_allowed_in(kt_lc_publication how, const kt_lc_facts *f, kt_lc_action action);

/* The same for a reviewed kind. */
int kt_lc_allowed(const kt_lc_facts *f, kt_lc_action action);

/* The version a save or submission writes: the latest one while no
 * moderator has decided on it and it is not the public one (saving a draft
 * ten times does not make ten versions); else a new one, latest + 1.
 * Versions a moderator decided on are history and never change. */
int kt_lc_version_for_edit(const kt_lc_facts *f);

/* "draft" … "archived", "scheduled"; KT_LC_STATES gives NULL. */
const char *kt_lc_state_name(kt_lc_state s);
/* The state called name, or -1. */
int kt_lc_state_from_name(const char *name);
/* "save", "submit", "approve", "return", "reject", "archive", "end",
 * "expire", "confirm", "publish", "schedule", "withdraw". */
const char *kt_lc_action_name(kt_lc_action a);
/* The action called name, or -1. */
int kt_lc_action_from_name(const char *name);

/* What a kind's tables are called, for kt_lc_sql. */
typedef struct {
    const char *name;         /* {N}: "activity", the kind's name (labels, audit) */
    const char *table;        /* {T}: "activities", the listing with its lifecycle columns */
    const char *versions;     /* {V}: "activity_versions", its versions, with title_fi/sv/en */
    const char *key;          /* {K}: "activity_id", the versions' column naming the listing */
    const char *segment;      /* {S}: "activities", the kind's path segment */
} kt_lc_names;

/* The template with {N}, {T}, {V}, {K} and {S} replaced by the kind's names
 * (anything else, braces included, is copied as it is).  The statements of
 * the lifecycle are written once with these placeholders and expanded for
 * each kind when the module starts (and by kt-admin). */
char *kt_lc_sql(apr_pool_t *p, const char *tmpl, const kt_lc_names *names);

#endif
