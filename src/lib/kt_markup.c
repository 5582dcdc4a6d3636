/* The markup of moderators' texts; see kt_markup.h.  One pass over each
 * paragraph: text up to a link that parses exactly, the link, and so on; a
 * '[' that does not start a link is text. */
#include <string.h>
#include <apr_strings.h>
#include "kt_markup.h"
#include "kt_text.h"
#include "kt_validate.h"

/* One link found at s: label [l0, l1), address [u0, u1), end after ')'. */
typedef struct {
    const char *l0, *l1, *u0, *u1, *end;
} link_at;

static int blank_line(const char *s, const char *e)
{
    for (; s < e; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\r') {
            return 0;
        }
    }
    return 1;
}

/* 1 when s (at '[', before e) starts a link that parses exactly. */
static int find_link(apr_pool_t *p, const char *s, const char *e, link_at *k)
{
    const char *c = s + 1;
    apr_size_t chars = 0;

    while (c < e && *c != ']' && *c != '[' && *c != '\n') {
        chars += ((unsigned char)*c & 0xC0) != 0x80;
        c++;
    }
    if (c + 1 >= e || *c != ']' || c[1] != '(' || chars == 0 || chars > KT_MARKUP_LABEL_MAX) {
        return 0;
    }
    k->l0 = s + 1;
    k->l1 = c;
    k->u0 = c + 2;
    for (c = k->u0; c < e && *c != ')' && *c != ' ' && *c != '\t' && *c != '\n'
         && *c != '\r' && *c != '('; c++) {
    }
    if (c >= e || *c != ')' || c == k->u0) {
        return 0;
    }
    k->u1 = c;
    k->end = c + 1;
    if (blank_line(k->l0, k->l1)) {
        return 0;
    }
    return kt_valid_web_url(apr_pstrmemdup(p, k->u0, (apr_size_t)(k->u1 - k->u0))) == KT_V_OK;
}

/* Text [s, e) under parent, its line breaks as <br/>. */
static void add_text(apr_pool_t *p, xmlNodePtr parent, const char *s, const char *e)
{
    while (s < e) {
        const char *nl = memchr(s, '\n', (apr_size_t)(e - s));
        const char *stop = nl ? nl : e;
        const char *t = stop;
        while (t > s && t[-1] == '\r') {
            t--;
        }
        if (t > s) {
            xmlAddChild(parent, xmlNewText(BAD_CAST kt_xml_safe_text(
                                               p, apr_pstrmemdup(p, s, (apr_size_t)(t - s)))));
        }
        if (!nl) {
            break;
        }
        xmlNewChild(parent, NULL, BAD_CAST "br", NULL);
        s = nl + 1;
    }
}

/* One paragraph [s, e): text and links. */
static void paragraph(apr_pool_t *p, xmlNodePtr parent, const char *s, const char *e)
{
    xmlNodePtr para = xmlNewChild(parent, NULL, BAD_CAST "p", NULL);
    const char *text = s, *c = s;
    link_at k;

    while (c < e) {
        const char *open = memchr(c, '[', (apr_size_t)(e - c));
        if (!open) {
            break;
        }
        if (!find_link(p, open, e, &k)) {
            c = open + 1;
            continue;
        }
        add_text(p, para, text, open);
        {
            xmlNodePtr a = xmlNewChild(para, NULL, BAD_CAST "a", NULL);
            xmlSetProp(a, BAD_CAST "href", BAD_CAST kt_xml_safe_text(
                           p, apr_pstrmemdup(p, k.u0, (apr_size_t)(k.u1 - k.u0))));
            xmlAddChild(a, xmlNewText(BAD_CAST kt_xml_safe_text(
                                          p, apr_pstrmemdup(p, k.l0,
                                                            (apr_size_t)(k.l1 - k.l0)))));
        }
        text = c = k.end;
    }
    add_text(p, para, text, e);
}

/* The next paragraph at or after *s: [*start, *end), *s moved past it; 0
 * when there is none.  Leading and trailing blank lines are dropped and a
 * paragraph's own first and last line breaks trimmed. */
static int next_paragraph(const char **s, const char **start, const char **end)
{
    const char *c = *s, *line, *last = NULL;

    /* skip blank lines */
    for (;;) {
        const char *nl = strchr(c, '\n');
        const char *le = nl ? nl : c + strlen(c);
        if (!*c) {
            return 0;
        }
        if (!blank_line(c, le)) {
            break;
        }
        c = nl ? nl + 1 : le;
    }
    *start = c;
    for (line = c; *line;) {
        const char *nl = strchr(line, '\n');
        const char *le = nl ? nl : line + strlen(line);
        if (blank_line(line, le)) {
            break;
        }
        last = le;
        line = nl ? nl + 1 : le;
    }
    *end = last;
    *s = line;
    return 1;
}

int kt_markup_xml(apr_pool_t *p, xmlNodePtr parent, const char *text)
{
    const char *s = text ? text : "", *start, *end;
    int n = 0;

    while (next_paragraph(&s, &start, &end)) {
        paragraph(p, parent, start, end);
        n++;
    }
    return n;
}

char *kt_markup_excerpt(apr_pool_t *p, const char *text, apr_size_t max)
{
    const char *s = text ? text : "", *start, *end, *c, *from;
    char *flat = "";
    link_at k;

    if (!next_paragraph(&s, &start, &end)) {
        return "";
    }
    /* the paragraph with each link's label instead of the link */
    for (from = c = start; c < end;) {
        const char *open = memchr(c, '[', (apr_size_t)(end - c));
        if (!open) {
            break;
        }
        if (!find_link(p, open, end, &k)) {
            c = open + 1;
            continue;
        }
        flat = apr_pstrcat(p, flat, apr_pstrmemdup(p, from, (apr_size_t)(open - from)),
                           apr_pstrmemdup(p, k.l0, (apr_size_t)(k.l1 - k.l0)), NULL);
        from = c = k.end;
    }
    flat = apr_pstrcat(p, flat, apr_pstrmemdup(p, from, (apr_size_t)(end - from)), NULL);
    return kt_text_excerpt(p, flat, max);
}
