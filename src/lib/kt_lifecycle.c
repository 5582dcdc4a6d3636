/* The lifecycle of listings; see kt_lifecycle.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_lifecycle.h"

/* When a transition applies. */
#define ANY     0   /* whether or not the listing was ever public */
#define PUBLIC  1   /* only when it has a published version the public has seen */
#define NEVER   2   /* only when it has none (a first publication) */

/* To which kinds, by how they are published (kt_lc_publication). */
#define REVIEWED  (1u << KT_LC_REVIEWED)
#define EDITORIAL (1u << KT_LC_EDITORIAL)
#define BOTH      (REVIEWED | EDITORIAL)

typedef struct {
    kt_lc_state from;
    kt_lc_action action;
    int when;
    unsigned kinds;
    kt_lc_state to;
} transition;

/* Every allowed change, and nothing else: what is not here is refused.
 *
 * Reviewed kinds: saving a submitted listing takes it back from the queue
 * (draft); a returned one stays returned while it is corrected, so that the
 * reason stays on its page.  A rejected listing that was never public is
 * final; an archived one is history.  The daily run ends or expires only
 * what the public can see; confirming is allowed exactly there too.
 *
 * Editorial kinds (their writers publish): publishing writes the content
 * and makes it the public version at once, also for an edit of a public one
 * (one step: there is no review to wait for).  Scheduling does the same
 * from a set time on, only for a listing never public (a public one cannot
 * be hidden until later); saving a scheduled one takes it off the schedule,
 * as saving a submitted one takes it back from the queue.  Withdrawing
 * takes it off the service for good. */
static const transition table[] = {
    { KT_LC_DRAFT,     KT_LC_SAVE,     ANY,    BOTH,      KT_LC_DRAFT },
    { KT_LC_DRAFT,     KT_LC_SUBMIT,   ANY,    REVIEWED,  KT_LC_SUBMITTED },
    { KT_LC_DRAFT,     KT_LC_ARCHIVE,  ANY,    REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_DRAFT,     KT_LC_END,      PUBLIC, BOTH,      KT_LC_ARCHIVED },
    { KT_LC_DRAFT,     KT_LC_EXPIRE,   PUBLIC, BOTH,      KT_LC_ARCHIVED },
    { KT_LC_DRAFT,     KT_LC_CONFIRM,  PUBLIC, BOTH,      KT_LC_DRAFT },
    { KT_LC_DRAFT,     KT_LC_PUBLISH,  ANY,    EDITORIAL, KT_LC_PUBLISHED },
    { KT_LC_DRAFT,     KT_LC_SCHEDULE, NEVER,  EDITORIAL, KT_LC_SCHEDULED },
    { KT_LC_DRAFT,     KT_LC_WITHDRAW, ANY,    EDITORIAL, KT_LC_ARCHIVED },

    { KT_LC_SUBMITTED, KT_LC_SAVE,     ANY,    REVIEWED,  KT_LC_DRAFT },
    { KT_LC_SUBMITTED, KT_LC_SUBMIT,   ANY,    REVIEWED,  KT_LC_SUBMITTED },
    { KT_LC_SUBMITTED, KT_LC_APPROVE,  ANY,    REVIEWED,  KT_LC_PUBLISHED },
    { KT_LC_SUBMITTED, KT_LC_RETURN,   ANY,    REVIEWED,  KT_LC_RETURNED },
    { KT_LC_SUBMITTED, KT_LC_REJECT,   ANY,    REVIEWED,  KT_LC_REJECTED },
    { KT_LC_SUBMITTED, KT_LC_ARCHIVE,  ANY,    REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_SUBMITTED, KT_LC_END,      PUBLIC, REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_SUBMITTED, KT_LC_EXPIRE,   PUBLIC, REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_SUBMITTED, KT_LC_CONFIRM,  PUBLIC, REVIEWED,  KT_LC_SUBMITTED },

    { KT_LC_RETURNED,  KT_LC_SAVE,     ANY,    REVIEWED,  KT_LC_RETURNED },
    { KT_LC_RETURNED,  KT_LC_SUBMIT,   ANY,    REVIEWED,  KT_LC_SUBMITTED },
    { KT_LC_RETURNED,  KT_LC_ARCHIVE,  ANY,    REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_RETURNED,  KT_LC_END,      PUBLIC, REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_RETURNED,  KT_LC_EXPIRE,   PUBLIC, REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_RETURNED,  KT_LC_CONFIRM,  PUBLIC, REVIEWED,  KT_LC_RETURNED },

    { KT_LC_REJECTED,  KT_LC_SAVE,     PUBLIC, REVIEWED,  KT_LC_DRAFT },
    { KT_LC_REJECTED,  KT_LC_SUBMIT,   PUBLIC, REVIEWED,  KT_LC_SUBMITTED },
    { KT_LC_REJECTED,  KT_LC_ARCHIVE,  ANY,    REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_REJECTED,  KT_LC_END,      PUBLIC, REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_REJECTED,  KT_LC_EXPIRE,   PUBLIC, REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_REJECTED,  KT_LC_CONFIRM,  PUBLIC, REVIEWED,  KT_LC_REJECTED },

    { KT_LC_PUBLISHED, KT_LC_SAVE,     ANY,    BOTH,      KT_LC_DRAFT },
    { KT_LC_PUBLISHED, KT_LC_SUBMIT,   ANY,    REVIEWED,  KT_LC_SUBMITTED },
    { KT_LC_PUBLISHED, KT_LC_ARCHIVE,  ANY,    REVIEWED,  KT_LC_ARCHIVED },
    { KT_LC_PUBLISHED, KT_LC_END,      ANY,    BOTH,      KT_LC_ARCHIVED },
    { KT_LC_PUBLISHED, KT_LC_EXPIRE,   ANY,    BOTH,      KT_LC_ARCHIVED },
    { KT_LC_PUBLISHED, KT_LC_CONFIRM,  ANY,    BOTH,      KT_LC_PUBLISHED },
    { KT_LC_PUBLISHED, KT_LC_PUBLISH,  ANY,    EDITORIAL, KT_LC_PUBLISHED },
    { KT_LC_PUBLISHED, KT_LC_WITHDRAW, ANY,    EDITORIAL, KT_LC_ARCHIVED },

    /* never public yet: kt_lc_ever_public is 0 in this state */
    { KT_LC_SCHEDULED, KT_LC_SAVE,     ANY,    EDITORIAL, KT_LC_DRAFT },
    { KT_LC_SCHEDULED, KT_LC_PUBLISH,  ANY,    EDITORIAL, KT_LC_PUBLISHED },
    { KT_LC_SCHEDULED, KT_LC_SCHEDULE, ANY,    EDITORIAL, KT_LC_SCHEDULED },
    { KT_LC_SCHEDULED, KT_LC_WITHDRAW, ANY,    EDITORIAL, KT_LC_ARCHIVED },
};

static const char *const state_names[KT_LC_STATES] = {
    "draft", "submitted", "returned", "rejected", "published", "archived", "scheduled"
};

static const char *const action_names[KT_LC_ACTIONS] = {
    "save", "submit", "approve", "return", "reject", "archive", "end", "expire", "confirm",
    "publish", "schedule", "withdraw"
};

static int applies(int when, int ever_public)
{
    return when == ANY || (when == PUBLIC && ever_public) || (when == NEVER && !ever_public);
}

int kt_lc_next_in(kt_lc_publication how, kt_lc_state from, int ever_public, kt_lc_action action)
{
    apr_size_t i;

    if ((int)how < KT_LC_REVIEWED || how > KT_LC_EDITORIAL) {
        return -1;
    }
    for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        const transition *t = &table[i];
        if (t->from == from && t->action == action && (t->kinds & (1u << how))
            && applies(t->when, ever_public)) {
            return (int)t->to;
        }
    }
    return -1;
}

int kt_lc_next(kt_lc_state from, int ever_public, kt_lc_action action)
{
    return kt_lc_next_in(KT_LC_REVIEWED, from, ever_public, action);
}

int kt_lc_ever_public(const kt_lc_facts *f)
{
    return f->published_version > 0 && f->state != KT_LC_SCHEDULED;
}

int kt_lc_allowed_in(kt_lc_publication how, const kt_lc_facts *f, kt_lc_action action)
{
    return kt_lc_next_in(how, f->state, kt_lc_ever_public(f), action) >= 0;
}

int kt_lc_allowed(const kt_lc_facts *f, kt_lc_action action)
{
    return kt_lc_allowed_in(KT_LC_REVIEWED, f, action);
}

int kt_lc_version_for_edit(const kt_lc_facts *f)
{
    int undecided = f->latest_version > f->decided_version
                    && f->latest_version > f->published_version;
    int open = f->state == KT_LC_DRAFT || f->state == KT_LC_SUBMITTED
               || f->state == KT_LC_RETURNED;

    return undecided && open ? f->latest_version : f->latest_version + 1;
}

const char *kt_lc_state_name(kt_lc_state s)
{
    return (int)s >= 0 && s < KT_LC_STATES ? state_names[s] : NULL;
}

int kt_lc_state_from_name(const char *name)
{
    int i;

    for (i = 0; name && i < KT_LC_STATES; i++) {
        if (strcmp(name, state_names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

const char *kt_lc_action_name(kt_lc_action a)
{
    return (int)a >= 0 && a < KT_LC_ACTIONS ? action_names[a] : NULL;
}

int kt_lc_action_from_name(const char *name)
{
    int i;

    for (i = 0; name && i < KT_LC_ACTIONS; i++) {
        if (strcmp(name, action_names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

/* ---- the kind's names in SQL ------------------------------------------------------ */

static const char *placeholder(const kt_lc_names *n, char c)
{
    switch (c) {
    case 'N': return n->name;
    case 'T': return n->table;
    case 'V': return n->versions;
    case 'K': return n->key;
    case 'S': return n->segment;
    default:  return NULL;
    }
}

char *kt_lc_sql(apr_pool_t *p, const char *tmpl, const kt_lc_names *names)
{
    apr_size_t len = 0;
    const char *s;
    char *out, *o;

    /* two passes: the length, then the text */
    for (s = tmpl; *s; s++) {
        const char *v = s[0] == '{' && s[1] && s[2] == '}' ? placeholder(names, s[1]) : NULL;
        if (v) {
            len += strlen(v);
            s += 2;
        }
        else {
            len++;
        }
    }
    out = o = apr_palloc(p, len + 1);
    for (s = tmpl; *s; s++) {
        const char *v = s[0] == '{' && s[1] && s[2] == '}' ? placeholder(names, s[1]) : NULL;
        if (v) {
            apr_size_t n = strlen(v);
            memcpy(o, v, n);
            o += n;
            s += 2;
        }
        else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}
