/* The lifecycle of listings; see kt_lifecycle.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_lifecycle.h"

/* When a transition applies. */
#define ANY     0   /* whether or not the listing was ever published */
#define PUBLIC  1   /* only when it has a published version */

typedef struct {
    kt_lc_state from;
    kt_lc_action action;
    int when;
    kt_lc_state to;
} transition;

/* Every allowed change, and nothing else: what is not here is refused.
 * Saving a submitted listing takes it back from the queue (draft); a
 * returned one stays returned while it is corrected, so that the reason
 * stays on its page.  A rejected listing that was never public is final;
 * an archived one is history.  The daily run ends or expires only what the
 * public can see; confirming is allowed exactly there too. */
static const transition table[] = {
    { KT_LC_DRAFT,     KT_LC_SAVE,    ANY,    KT_LC_DRAFT },
    { KT_LC_DRAFT,     KT_LC_SUBMIT,  ANY,    KT_LC_SUBMITTED },
    { KT_LC_DRAFT,     KT_LC_ARCHIVE, ANY,    KT_LC_ARCHIVED },
    { KT_LC_DRAFT,     KT_LC_END,     PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_DRAFT,     KT_LC_EXPIRE,  PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_DRAFT,     KT_LC_CONFIRM, PUBLIC, KT_LC_DRAFT },

    { KT_LC_SUBMITTED, KT_LC_SAVE,    ANY,    KT_LC_DRAFT },
    { KT_LC_SUBMITTED, KT_LC_SUBMIT,  ANY,    KT_LC_SUBMITTED },
    { KT_LC_SUBMITTED, KT_LC_APPROVE, ANY,    KT_LC_PUBLISHED },
    { KT_LC_SUBMITTED, KT_LC_RETURN,  ANY,    KT_LC_RETURNED },
    { KT_LC_SUBMITTED, KT_LC_REJECT,  ANY,    KT_LC_REJECTED },
    { KT_LC_SUBMITTED, KT_LC_ARCHIVE, ANY,    KT_LC_ARCHIVED },
    { KT_LC_SUBMITTED, KT_LC_END,     PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_SUBMITTED, KT_LC_EXPIRE,  PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_SUBMITTED, KT_LC_CONFIRM, PUBLIC, KT_LC_SUBMITTED },

    { KT_LC_RETURNED,  KT_LC_SAVE,    ANY,    KT_LC_RETURNED },
    { KT_LC_RETURNED,  KT_LC_SUBMIT,  ANY,    KT_LC_SUBMITTED },
    { KT_LC_RETURNED,  KT_LC_ARCHIVE, ANY,    KT_LC_ARCHIVED },
    { KT_LC_RETURNED,  KT_LC_END,     PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_RETURNED,  KT_LC_EXPIRE,  PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_RETURNED,  KT_LC_CONFIRM, PUBLIC, KT_LC_RETURNED },

    { KT_LC_REJECTED,  KT_LC_SAVE,    PUBLIC, KT_LC_DRAFT },
    { KT_LC_REJECTED,  KT_LC_SUBMIT,  PUBLIC, KT_LC_SUBMITTED },
    { KT_LC_REJECTED,  KT_LC_ARCHIVE, ANY,    KT_LC_ARCHIVED },
    { KT_LC_REJECTED,  KT_LC_END,     PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_REJECTED,  KT_LC_EXPIRE,  PUBLIC, KT_LC_ARCHIVED },
    { KT_LC_REJECTED,  KT_LC_CONFIRM, PUBLIC, KT_LC_REJECTED },

    { KT_LC_PUBLISHED, KT_LC_SAVE,    ANY,    KT_LC_DRAFT },
    { KT_LC_PUBLISHED, KT_LC_SUBMIT,  ANY,    KT_LC_SUBMITTED },
    { KT_LC_PUBLISHED, KT_LC_ARCHIVE, ANY,    KT_LC_ARCHIVED },
    { KT_LC_PUBLISHED, KT_LC_END,     ANY,    KT_LC_ARCHIVED },
    { KT_LC_PUBLISHED, KT_LC_EXPIRE,  ANY,    KT_LC_ARCHIVED },
    { KT_LC_PUBLISHED, KT_LC_CONFIRM, ANY,    KT_LC_PUBLISHED },
};

static const char *const state_names[KT_LC_STATES] = {
    "draft", "submitted", "returned", "rejected", "published", "archived"
};

static const char *const action_names[KT_LC_ACTIONS] = {
    "save", "submit", "approve", "return", "reject", "archive", "end", "expire", "confirm"
};

int kt_lc_next(kt_lc_state from, int ever_public, kt_lc_action action)
{
    apr_size_t i;

    for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        const transition *t = &table[i];
        if (t->from == from && t->action == action && (t->when == ANY || ever_public)) {
            return (int)t->to;
        }
    }
    return -1;
}

int kt_lc_allowed(const kt_lc_facts *f, kt_lc_action action)
{
    return kt_lc_next(f->state, f->published_version > 0, action) >= 0;
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
