/* A kind of listing (activities, events, …), as the lifecycle sees it: the
 * pure half of its descriptor, which kt-admin reads too.  The module's half
 * — its content's callbacks, its pages — is a kt_kind_ops (src/kt_engine.h)
 * that points here.  Nothing in the engine asks which kind it has in hand:
 * everything that differs is a field of one of the two.
 *
 * A kind's tables follow one contract (sql/011_engine.sql, HACKING.md "How
 * to add a kind"): the listing table has the lifecycle columns (id,
 * organisation_id, state, published_version, latest_version, decided_version,
 * revision, archived_at, archive_reason, confirmed_at, reminded_at,
 * submitted_at/_by, decided_at/_by, decision_reason, created_by,
 * updated_at, published_at) and its versions table (key, version) has
 * title_fi, title_sv, title_en and rules_confirmed.  A kind owned by no
 * organisation (KT_KIND_UNOWNED) has no organisation_id. */
#ifndef KT_KIND_H
#define KT_KIND_H

#include <apr_pools.h>
#include "kt_lifecycle.h"

/* Who owns a kind's listings, and so who writes them and where. */
typedef enum {
    /* an organisation: its active members write them in the workspace
     * (/{lang}/manage/SEGMENT/…), the decisions are mailed to its people */
    KT_KIND_ORGANISATION = 0,
    /* no organisation: the service's moderators write them under
     * /{lang}/moderation/SEGMENT (a list of every one), …/new and …/{id};
     * such a kind is published by its writers (KT_LC_EDITORIAL) */
    KT_KIND_UNOWNED
} kt_kind_owner;

/* A listing rule (PRODUCT.md, "What may be listed") that the author
 * confirms on submitting with a checkbox rule_NAME (message rule.NAME).
 * Some rules are about some listings only (the volunteering rule is about
 * volunteering activities): `applies` says whether it is about this content
 * (the kind's own struct, as the form or the database has it); NULL, always.
 * The editor asks, and the submission needs, only the rules that apply; the
 * review lists them (issue 14). */
typedef struct {
    const char *name;
    int (*applies)(const void *content);
} kt_kind_rule;

typedef struct kt_kind {
    kt_lc_names names;          /* name, tables, key column, path segment */
    /* Prefix of the mails a decision or the daily run sends, each with the
     * catalog texts mail.PREFIX_approve.subject, …: "listing" for
     * activities (the texts that existed before kinds), "event" for events. */
    const char *mail;
    /* SQL: true when the public listing `a` (its table) whose published
     * version is `v` (its versions table) has come to its end and is to be
     * archived (KT_LC_END), as of KT_LC_NOW / KT_LC_TODAY
     * (kt_lifecycle_sql.h).  May use {T}, {V}, {K}.  NULL: its listings
     * never end (news stays until withdrawn). */
    const char *ended;
    /* Archived a year after its last confirmation as current (KT_LC_EXPIRE),
     * with a reminder 30 days before; the "still current" button.  A kind
     * whose listings carry their own end (a dated event) has no need. */
    int expires;
    /* The listing rules confirmed on submitting, ended by one with a NULL
     * name. */
    const kt_kind_rule *rules;
    kt_kind_owner owner;
    /* moderated (submit, then a moderator's decision), or published by its
     * writers (publish, schedule, withdraw) */
    kt_lc_publication publication;
} kt_kind;

extern const kt_kind kt_kind_activity;
extern const kt_kind kt_kind_event;
extern const kt_kind kt_kind_job;
extern const kt_kind kt_kind_project;
extern const kt_kind kt_kind_network;
extern const kt_kind kt_kind_news;

/* Every kind, in the order pages list them; NULL-terminated. */
extern const kt_kind *const kt_kinds[];

/* The kind called name ("activity"), or NULL. */
const kt_kind *kt_kind_named(const char *name);

/* 1 when rule r is about this content. */
int kt_kind_rule_applies(const kt_kind_rule *r, const void *content);

/* The names of the kind's rules that are about this content, comma-joined
 * ("" when none): what a submission confirms and keeps with the version. */
const char *kt_kind_rules_for(apr_pool_t *p, const kt_kind *kind, const void *content);

/* 1 when name is in the comma-joined list. */
int kt_kind_rule_listed(const char *list, const char *name);

#endif
