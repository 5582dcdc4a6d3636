/* The kinds of listing; see kt_kind.h.  A new kind is one more descriptor
 * here, one in the module (src/kt_kinds.c) and its tables (HACKING.md, "How
 * to add a kind"). */
#include <string.h>
#include "kt_kind.h"
#include "kt_lifecycle_sql.h"

/* PRODUCT.md, "What may be listed": confirmed one by one on submitting. */
static const char *const activity_rules[] = {
    "immigrants", "non_commercial", "open", "non_aligned", "equality", "not_authority",
    "not_single_event", "volunteering", NULL
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
static const char *const event_rules[] = { "event_relevant", "event_organiser", "equality", NULL };

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

/* What an organisation confirms on submitting a project (checkboxes
 * rule_NAME): that its funding is granted as told, that the organisation
 * runs it and the partners named have agreed to be named, and the service's
 * rule of equality (PRODUCT.md). */
static const char *const project_rules[] = { "project_funded", "project_runner", "equality",
                                             NULL };

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

/* News (ajankohtaista): written, published, scheduled and withdrawn by the
 * service's moderators, owned by no organisation; no review step (the
 * moderator's own decision), no rules to confirm.  An item stays public
 * until withdrawn: it neither ends nor expires. */
static const char *const news_rules[] = { NULL };

const kt_kind kt_kind_news = {
    { "news", "news", "news_versions", "news_id", "news" },
    "news",
    NULL,
    0,
    news_rules,
    KT_KIND_UNOWNED,
    KT_LC_EDITORIAL
};

const kt_kind *const kt_kinds[] = { &kt_kind_activity, &kt_kind_event, &kt_kind_project,
                                    &kt_kind_news, NULL };

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
