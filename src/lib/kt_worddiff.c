/* Word-level differences; see kt_worddiff.h. */
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include "kt_worddiff.h"
#include "kt_xml.h"

typedef struct {
    const char *s;
    apr_size_t n;
    unsigned int hash;
} token;

static int word_byte(unsigned char c)
{
    return apr_isalnum(c) || c >= 0x80;
}

static int space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The tokens of s, at most max + 1 of them (enough to know it is too many). */
static apr_array_header_t *tokens(apr_pool_t *p, const char *s, int max)
{
    apr_array_header_t *out = apr_array_make(p, 64, sizeof(token));
    const unsigned char *u = (const unsigned char *)s;

    while (*u && out->nelts <= max) {
        token *t = apr_array_push(out);
        const unsigned char *start = u;
        apr_size_t i;
        if (word_byte(*u)) {
            while (*u && word_byte(*u)) {
                u++;
            }
        }
        else if (space_byte(*u)) {
            while (*u && space_byte(*u)) {
                u++;
            }
        }
        else {
            u++;
        }
        t->s = (const char *)start;
        t->n = (apr_size_t)(u - start);
        t->hash = 2166136261u;
        for (i = 0; i < t->n; i++) {
            t->hash = (t->hash ^ start[i]) * 16777619u;
        }
    }
    return out;
}

static int same(const token *a, const token *b)
{
    return a->hash == b->hash && a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* One token's part, appended to the list of ops (in reverse while
 * backtracking, so the caller reverses once). */
typedef struct {
    kt_wd_op op;
    const token *t;
} step;

/* Myers' greedy algorithm on a[0..n) and b[0..m): the steps from the end
 * back to the start into *out, or 0 when more than max edits are needed.
 * V of every round is kept (its 2d+1 cells) for the way back. */
static int myers(apr_pool_t *p, const token *a, int n, const token *b, int m, int max,
                 apr_array_header_t *out)
{
    int size = 2 * max + 3, off = max + 1, d, k, x, y;
    int *v = apr_pcalloc(p, sizeof(int) * (apr_size_t)size);
    int **trace = apr_palloc(p, sizeof(int *) * (apr_size_t)(max + 1));
    int found = -1;

    for (d = 0; d <= max && found < 0; d++) {
        for (k = -d; k <= d; k += 2) {
            if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) {
                x = v[off + k + 1];
            }
            else {
                x = v[off + k - 1] + 1;
            }
            y = x - k;
            while (x < n && y < m && same(&a[x], &b[y])) {
                x++;
                y++;
            }
            v[off + k] = x;
            if (x >= n && y >= m) {
                found = d;
            }
        }
        trace[d] = apr_pmemdup(p, v, sizeof(int) * (apr_size_t)size);
    }
    if (found < 0) {
        return 0;
    }
    x = n;
    y = m;
    for (d = found; d >= 0; d--) {
        int prev_k, prev_x, prev_y;
        k = x - y;
        if (d == 0) {
            prev_x = prev_y = 0;
        }
        else {
            const int *pv = trace[d - 1];
            prev_k = (k == -d || (k != d && pv[off + k - 1] < pv[off + k + 1])) ? k + 1 : k - 1;
            prev_x = pv[off + prev_k];
            prev_y = prev_x - prev_k;
        }
        while (x > prev_x && y > prev_y) {
            step *s = apr_array_push(out);
            s->op = KT_WD_SAME;
            s->t = &a[--x];
            y--;
        }
        if (d > 0) {
            step *s = apr_array_push(out);
            if (x == prev_x) {
                s->op = KT_WD_INS;
                s->t = &b[--y];
            }
            else {
                s->op = KT_WD_DEL;
                s->t = &a[--x];
            }
        }
    }
    return 1;
}

/* ---- the parts ---------------------------------------------------------------- */

typedef struct {
    apr_pool_t *p;
    apr_array_header_t *parts;
    /* the change being gathered: what was removed, what added */
    apr_array_header_t *del, *ins;
} builder;

static const char *joined(apr_pool_t *p, const apr_array_header_t *pieces)
{
    return apr_array_pstrcat(p, pieces, '\0');
}

static void push(builder *b, kt_wd_op op, const char *text)
{
    kt_wd_part *last = b->parts->nelts
        ? &APR_ARRAY_IDX(b->parts, b->parts->nelts - 1, kt_wd_part) : NULL;

    if (!*text) {
        return;
    }
    if (last && last->op == op) {
        last->text = apr_pstrcat(b->p, last->text, text, NULL);
        return;
    }
    last = apr_array_push(b->parts);
    last->op = op;
    last->text = text;
}

static void flush(builder *b)
{
    if (b->del->nelts) {
        push(b, KT_WD_DEL, joined(b->p, b->del));
    }
    if (b->ins->nelts) {
        push(b, KT_WD_INS, joined(b->p, b->ins));
    }
    b->del->nelts = b->ins->nelts = 0;
}

static int has_word(const char *s, apr_size_t n)
{
    apr_size_t i;

    for (i = 0; i < n; i++) {
        if (word_byte((unsigned char)s[i])) {
            return 1;
        }
    }
    return 0;
}

/* The steps in order as parts: runs of kept tokens, each change as its
 * removal and its addition; kept runs without a word between two changes
 * go into the change. */
static void build(builder *b, const step *steps, int n)
{
    int i = 0;

    while (i < n) {
        int j = i;
        while (j < n && steps[j].op == steps[i].op) {
            j++;
        }
        if (steps[i].op == KT_WD_SAME) {
            apr_size_t len = (apr_size_t)(steps[j - 1].t->s + steps[j - 1].t->n - steps[i].t->s);
            const char *text = apr_pstrmemdup(b->p, steps[i].t->s, len);
            int inside = (b->del->nelts || b->ins->nelts) && j < n;
            if (inside && !has_word(text, len)) {
                APR_ARRAY_PUSH(b->del, const char *) = text;
                APR_ARRAY_PUSH(b->ins, const char *) = text;
            }
            else {
                flush(b);
                push(b, KT_WD_SAME, text);
            }
        }
        else {
            int k;
            for (k = i; k < j; k++) {
                APR_ARRAY_PUSH(steps[i].op == KT_WD_DEL ? b->del : b->ins, const char *) =
                    apr_pstrmemdup(b->p, steps[k].t->s, steps[k].t->n);
            }
        }
        i = j;
    }
    flush(b);
}

apr_array_header_t *kt_worddiff(apr_pool_t *p, const char *a, const char *b)
{
    apr_pool_t *scratch;
    apr_array_header_t *ta, *tb, *steps, *ordered;
    const token *x, *y;
    int n, m, pre = 0, suf = 0, i, ok;
    builder bl;

    a = a ? a : "";
    b = b ? b : "";
    if (strlen(a) > KT_WORDDIFF_MAX_BYTES || strlen(b) > KT_WORDDIFF_MAX_BYTES) {
        return NULL;
    }
    apr_pool_create(&scratch, p);
    /* every token may be common to both: the limit applies after the common ends */
    ta = tokens(scratch, a, KT_WORDDIFF_MAX_BYTES);
    tb = tokens(scratch, b, KT_WORDDIFF_MAX_BYTES);
    x = (const token *)ta->elts;
    y = (const token *)tb->elts;
    n = ta->nelts;
    m = tb->nelts;
    while (pre < n && pre < m && same(&x[pre], &y[pre])) {
        pre++;
    }
    while (suf < n - pre && suf < m - pre && same(&x[n - 1 - suf], &y[m - 1 - suf])) {
        suf++;
    }
    if (n - pre - suf > KT_WORDDIFF_MAX_TOKENS || m - pre - suf > KT_WORDDIFF_MAX_TOKENS) {
        apr_pool_destroy(scratch);
        return NULL;
    }
    steps = apr_array_make(scratch, 64, sizeof(step));
    ok = myers(scratch, x + pre, n - pre - suf, y + pre, m - pre - suf, KT_WORDDIFF_MAX_EDITS,
               steps);
    if (!ok) {
        apr_pool_destroy(scratch);
        return NULL;
    }
    /* the common ends around the steps, which came from the end backwards */
    ordered = apr_array_make(scratch, pre + suf + steps->nelts + 1, sizeof(step));
    for (i = 0; i < pre; i++) {
        step *s = apr_array_push(ordered);
        s->op = KT_WD_SAME;
        s->t = &x[i];
    }
    for (i = steps->nelts - 1; i >= 0; i--) {
        *(step *)apr_array_push(ordered) = APR_ARRAY_IDX(steps, i, step);
    }
    for (i = n - suf; i < n; i++) {
        step *s = apr_array_push(ordered);
        s->op = KT_WD_SAME;
        s->t = &x[i];
    }
    bl.p = p;
    bl.parts = apr_array_make(p, 8, sizeof(kt_wd_part));
    bl.del = apr_array_make(scratch, 8, sizeof(const char *));
    bl.ins = apr_array_make(scratch, 8, sizeof(const char *));
    build(&bl, (const step *)ordered->elts, ordered->nelts);
    apr_pool_destroy(scratch);
    return bl.parts;
}

xmlNodePtr kt_worddiff_xml(apr_pool_t *p, xmlNodePtr parent, const apr_array_header_t *parts)
{
    static const char *const names[] = { "same", "del", "ins" };
    xmlNodePtr w = kt_xml_add(p, parent, "words", NULL);
    int i;

    for (i = 0; i < parts->nelts; i++) {
        const kt_wd_part *part = &APR_ARRAY_IDX(parts, i, kt_wd_part);
        kt_xml_add(p, w, names[part->op], part->text);
    }
    return w;
}

/* The value of <field name="row" words="true"> of listing l, or NULL. */
static char *text_field(apr_pool_t *p, xmlNodePtr l, const char *row)
{
    xmlNodePtr f;

    for (f = l ? l->children : NULL; f; f = f->next) {
        xmlChar *name, *words, *value;
        char *out = NULL;
        if (f->type != XML_ELEMENT_NODE || !xmlStrEqual(f->name, BAD_CAST "field")) {
            continue;
        }
        name = xmlGetProp(f, BAD_CAST "name");
        words = xmlGetProp(f, BAD_CAST "words");
        value = xmlGetProp(f, BAD_CAST "value");
        if (name && words && xmlStrEqual(name, BAD_CAST row) && xmlStrEqual(words, BAD_CAST "true")) {
            out = apr_pstrdup(p, value ? (const char *)value : "");
        }
        xmlFree(name);
        xmlFree(words);
        xmlFree(value);
        if (out) {
            return out;
        }
    }
    return NULL;
}

void kt_worddiff_changes(apr_pool_t *p, xmlNodePtr changes, xmlNodePtr from, xmlNodePtr to)
{
    xmlNodePtr c;

    for (c = changes ? changes->children : NULL; c; c = c->next) {
        xmlChar *row;
        char *a, *b;
        apr_array_header_t *parts;
        if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "change")) {
            continue;
        }
        row = xmlGetProp(c, BAD_CAST "row");
        a = row ? text_field(p, from, (const char *)row) : NULL;
        b = row ? text_field(p, to, (const char *)row) : NULL;
        xmlFree(row);
        if (a && b && (parts = kt_worddiff(p, a, b))) {
            kt_worddiff_xml(p, c, parts);
        }
    }
}
