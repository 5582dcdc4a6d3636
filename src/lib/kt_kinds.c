/* The kinds of listing; see kt_kind.h.  A new kind is one more descriptor
 * here, one in the module (src/kt_kinds.c) and its tables (HACKING.md, "How
 * to add a kind"). */
#include <string.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include "kt_kind.h"
#include "kt_lifecycle_sql.h"
#include "kt_listing.h"

/* Volunteering tasks may be listed only as an activity of the form
 * "volunteering for people with little Finnish or Swedish" (PRODUCT.md):
 * the rule that says so is about such activities only. */
static int volunteering(const void *content)
{
    const apr_array_header_t *forms = ((const kt_listing *)content)->forms;
    int i;

    for (i = 0; forms && i < forms->nelts; i++) {
        if (strcmp(APR_ARRAY_IDX(forms, i, const char *), "volunteering") == 0) {
            return 1;
        }
    }
    return 0;
}

/* PRODUCT.md, "What may be listed": confirmed one by one on submitting. */
static const kt_kind_rule activity_rules[] = {
    { "immigrants", NULL }, { "non_commercial", NULL }, { "open", NULL },
    { "non_aligned", NULL }, { "equality", NULL }, { "not_authority", NULL },
    { "not_single_event", NULL }, { "volunteering", volunteering }, { NULL, NULL }
};

/* An activity ends at its end date or, for an event series without weekly
 * times, on its last date. */
const kt_kind kt_kind_activity = {
    { "activity", "activities", "activity_versions", "activity_id", "activities" },
    "listing",
    "v.end_date < " KT_LC_TODAY
    " OR (NOT EXISTS (SELECT 1 FROM activity_schedule s"
    "      WHERE s.activity_id = a.id AND s.version = v.version)"
    "     AND (SELECT max(coalesce(x.ends_at, x.starts_at))::date FROM activity_sessions x"
    "      WHERE x.activity_id = a.id AND x.version = v.version) < " KT_LC_TODAY ")",
    1,
    activity_rules,
    KT_KIND_ORGANISATION,
    KT_LC_REVIEWED
};

/* What an organisation confirms on submitting an event (checkboxes
 * rule_NAME): that it belongs here, that it is theirs, and the service's
 * rule of equality (PRODUCT.md). */
static const kt_kind_rule event_rules[] = {
    { "event_relevant", NULL }, { "event_organiser", NULL }, { "equality", NULL }, { NULL, NULL }
};

/* A dated event stays public after it ends, as an ended one (its page says
 * so; /{lang}/events?past=1 lists it), for a year; then it is archived.
 * Nothing to confirm: it carries its own date. */
const kt_kind kt_kind_event = {
    { "event", "events", "event_versions", "event_id", "events" },
    "event",
    "v.ends_at < (" KT_LC_NOW " AT TIME ZONE 'Europe/Helsinki') - interval '1 year'",
    0,
    event_rules,
    KT_KIND_ORGANISATION,
    KT_LC_REVIEWED
};

/* What an organisation confirms on submitting a job (checkboxes rule_NAME):
 * that the work belongs here, that the organisation is the employer or the
 * one who takes the volunteers, and the service's rule of equality. */
static const kt_kind_rule job_rules[] = {
    { "job_relevant", NULL }, { "job_employer", NULL }, { "equality", NULL }, { NULL, NULL }
};

/* A job ends when its application time closes.  The public view already
 * compares that with now() (sql/018_jobs.sql: the pages and the feed drop it
 * at that moment); kt-admin daily then archives it, so that its state, the
 * workspace and the organisation's mail say so too.  Nothing to confirm: a
 * job carries its own end. */
const kt_kind kt_kind_job = {
    { "job", "jobs", "job_versions", "job_id", "jobs" },
    "job",
    "v.closes_at <= " KT_LC_NOW,
    0,
    job_rules,
    KT_KIND_ORGANISATION,
    KT_LC_REVIEWED
};

/* What an organisation confirms on submitting a project (checkboxes
 * rule_NAME): that its funding is granted as told, that the organisation
 * runs it and the partners named have agreed to be named, and the service's
 * rule of equality (PRODUCT.md). */
static const kt_kind_rule project_rules[] = {
    { "project_funded", NULL }, { "project_runner", NULL }, { "equality", NULL }, { NULL, NULL }
};

/* A funded project, maintained by the organisation that runs it.  It carries
 * its own period, so there is nothing to confirm; and it does not end for
 * the service: a project whose period is over stays public as history (its
 * page says it has ended, /{lang}/projects?active=1 leaves it out), since
 * activities, events and news name it and what was done with public money
 * stays worth finding.  Its organisation archives it when it wants it gone. */
const kt_kind kt_kind_project = {
    { "project", "projects", "project_versions", "project_id", "projects" },
    "project",
    NULL,
    0,
    project_rules,
    KT_KIND_ORGANISATION,
    KT_LC_REVIEWED
};

/* Networks of organisations, kept by their coordinating organisation (seed
 * 004_…): confirmed on submitting, that it is a network of integration work,
 * that the organisation coordinates it, and the rule of equality.  A network
 * has no end of its own: like an activity it is confirmed as current once a
 * year or archived. */
static const kt_kind_rule network_rules[] = {
    { "network_relevant", NULL }, { "network_coordinator", NULL }, { "equality", NULL },
    { NULL, NULL }
};

const kt_kind kt_kind_network = {
    { "network", "networks", "network_versions", "network_id", "networks" },
    "network",
    NULL,
    1,
    network_rules,
    KT_KIND_ORGANISATION,
    KT_LC_REVIEWED
};

/* News (ajankohtaista): written, published, scheduled and withdrawn by the
 * service's moderators, owned by no organisation; no review step (the
 * moderator's own decision), no rules to confirm.  An item stays public
 * until withdrawn: it neither ends nor expires. */
static const kt_kind_rule news_rules[] = { { NULL, NULL } };

const kt_kind kt_kind_news = {
    { "news", "news", "news_versions", "news_id", "news" },
    "news",
    NULL,
    0,
    news_rules,
    KT_KIND_UNOWNED,
    KT_LC_EDITORIAL
};

const kt_kind *const kt_kinds[] = { &kt_kind_activity, &kt_kind_event, &kt_kind_job,
                                    &kt_kind_project, &kt_kind_network, &kt_kind_news, NULL };

const kt_kind *kt_kind_named(const char *name)
{
    int i;

    for (i = 0; name && kt_kinds[i]; i++) {
        if (strcmp(kt_kinds[i]->names.name, name) == 0) {
            return kt_kinds[i];
        }
    }
    return NULL;
}

int kt_kind_rule_applies(const kt_kind_rule *r, const void *content)
{
    return !r->applies || (content && r->applies(content));
}

const char *kt_kind_rules_for(apr_pool_t *p, const kt_kind *kind, const void *content)
{
    apr_array_header_t *a = apr_array_make(p, 8, sizeof(const char *));
    const kt_kind_rule *r;

    for (r = kind->rules; r && r->name; r++) {
        if (kt_kind_rule_applies(r, content)) {
            APR_ARRAY_PUSH(a, const char *) = r->name;
        }
    }
    return apr_array_pstrcat(p, a, ',');
}

int kt_kind_rule_listed(const char *list, const char *name)
{
    apr_size_t n = strlen(name);
    const char *s = list;

    while (s && *s) {
        const char *comma = strchr(s, ',');
        apr_size_t len = comma ? (apr_size_t)(comma - s) : strlen(s);
        if (len == n && strncmp(s, name, n) == 0) {
            return 1;
        }
        s = comma ? comma + 1 : NULL;
    }
    return 0;
}
