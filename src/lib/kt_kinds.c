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
    activity_rules
};

const kt_kind *const kt_kinds[] = { &kt_kind_activity, NULL };

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
