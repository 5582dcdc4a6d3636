/* A reader of tsquery text; see kt_tsq.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_tsq.h"

#define MAX_DEPTH 64   /* nesting; kt_search_expand writes three levels */

typedef struct {
    apr_pool_t *p;
    const char *s;
    int leaves, depth, bad;
} reader;

static void blanks(reader *r)
{
    while (*r->s == ' ' || *r->s == '\t' || *r->s == '\n') {
        r->s++;
    }
}

static kt_tsq *node(reader *r, kt_tsq_op op, kt_tsq *left, kt_tsq *right)
{
    kt_tsq *n = apr_pcalloc(r->p, sizeof(*n));
    n->op = op;
    n->left = left;
    n->right = right;
    return n;
}

/* 'lexeme' with its doubled quotes and backslashes, then ":*" or nothing. */
static kt_tsq *word(reader *r)
{
    apr_size_t cap = strlen(r->s) + 1, n = 0;
    char *w = apr_palloc(r->p, cap);
    kt_tsq *q;

    r->s++;                                   /* the opening quote */
    for (;;) {
        if (*r->s == '\0') {
            r->bad = 1;
            return NULL;
        }
        if ((*r->s == '\'' && r->s[1] == '\'') || (*r->s == '\\' && r->s[1])) {
            w[n++] = r->s[1];
            r->s += 2;
            continue;
        }
        if (*r->s == '\'') {
            r->s++;
            break;
        }
        w[n++] = *r->s++;
    }
    w[n] = '\0';
    q = node(r, KT_TSQ_WORD, NULL, NULL);
    q->word = w;
    q->leaf = r->leaves++;
    if (*r->s == ':') {
        if (r->s[1] != '*' || strchr(" \t\n)&|", r->s[2]) == NULL) {
            r->bad = 1;                       /* weights (:A), or what follows them */
            return NULL;
        }
        q->prefix = 1;
        r->s += 2;
    }
    return q;
}

static kt_tsq *any_of(reader *r);

static kt_tsq *operand(reader *r)
{
    kt_tsq *q;

    blanks(r);
    if (++r->depth > MAX_DEPTH) {
        r->bad = 1;
        return NULL;
    }
    if (*r->s == '!') {
        r->s++;
        q = operand(r);
        q = q ? node(r, KT_TSQ_NOT, q, NULL) : NULL;
    }
    else if (*r->s == '(') {
        r->s++;
        q = any_of(r);
        blanks(r);
        if (*r->s != ')') {
            r->bad = 1;
            return NULL;
        }
        r->s++;
    }
    else if (*r->s == '\'') {
        q = word(r);
    }
    else {
        r->bad = 1;                           /* a phrase (<->), or not a tsquery */
        return NULL;
    }
    r->depth--;
    return q;
}

static kt_tsq *all_of(reader *r)
{
    kt_tsq *q = operand(r);

    for (blanks(r); q && !r->bad && *r->s == '&'; blanks(r)) {
        kt_tsq *right;
        r->s++;
        right = operand(r);
        q = right ? node(r, KT_TSQ_AND, q, right) : NULL;
    }
    return q;
}

static kt_tsq *any_of(reader *r)
{
    kt_tsq *q = all_of(r);

    for (blanks(r); q && !r->bad && *r->s == '|'; blanks(r)) {
        kt_tsq *right;
        r->s++;
        right = all_of(r);
        q = right ? node(r, KT_TSQ_OR, q, right) : NULL;
    }
    return q;
}

kt_tsq *kt_tsq_parse(apr_pool_t *p, const char *text, int *leaves)
{
    reader r = { p, text ? text : "", 0, 0, 0 };
    kt_tsq *q = any_of(&r);

    blanks(&r);
    if (!q || r.bad || *r.s) {
        return NULL;
    }
    *leaves = r.leaves;
    return q;
}

void kt_tsq_leaves(kt_tsq *q, apr_array_header_t *out)
{
    if (!q) {
        return;
    }
    if (q->op == KT_TSQ_WORD) {
        APR_ARRAY_PUSH(out, kt_tsq *) = q;
        return;
    }
    kt_tsq_leaves(q->left, out);
    kt_tsq_leaves(q->right, out);
}
