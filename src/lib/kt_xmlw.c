/* Streaming XML writer; see kt_xmlw.h. */
#include <string.h>
#include "kt_xmlw.h"
#include "kt_text.h"

#define MAX_DEPTH 64
#define NAMES_SIZE 2048

/* Where the innermost open element is, as xmlTextWriter's states: its start
 * tag still open (attributes may follow), or content written. */
enum { IN_TAG, IN_CONTENT };

struct kt_xmlw {
    char *buf;
    apr_size_t size, used;
    kt_xmlw_sink sink;
    void *ctx;
    int failed;
    int depth;
    int state[MAX_DEPTH];
    apr_size_t name_at[MAX_DEPTH];   /* each open element's name in names */
    char names[NAMES_SIZE];
    apr_size_t names_used;
    /* xmlTextWriter's doindent: an end tag after text stays on the text's
     * line; one after an element goes on a line of its own */
    int indent_end;
};

kt_xmlw *kt_xmlw_create(apr_pool_t *p, apr_size_t bufsize, kt_xmlw_sink sink, void *ctx)
{
    kt_xmlw *w = apr_pcalloc(p, sizeof(*w));

    w->size = bufsize < 256 ? 256 : bufsize;
    w->buf = apr_palloc(p, w->size);
    w->sink = sink;
    w->ctx = ctx;
    w->indent_end = 1;
    return w;
}

int kt_xmlw_failed(const kt_xmlw *w)
{
    return w->failed;
}

void kt_xmlw_flush(kt_xmlw *w)
{
    if (!w->failed && w->used) {
        if (w->sink(w->ctx, w->buf, w->used) != 0) {
            w->failed = 1;
        }
    }
    w->used = 0;
}

/* Room for n more bytes (n <= size). */
static APR_INLINE int room(kt_xmlw *w, apr_size_t n)
{
    if (w->size - w->used < n) {
        kt_xmlw_flush(w);
    }
    return !w->failed;
}

static void put(kt_xmlw *w, const char *s, apr_size_t n)
{
    while (n && !w->failed) {
        apr_size_t k;
        if (w->used == w->size) {
            kt_xmlw_flush(w);
            continue;
        }
        k = w->size - w->used < n ? w->size - w->used : n;
        memcpy(w->buf + w->used, s, k);
        w->used += k;
        s += k;
        n -= k;
    }
}

static void puts_(kt_xmlw *w, const char *s)
{
    put(w, s, strlen(s));
}

/* The text s made safe (kt_xml_safe_text) and escaped, for an attribute
 * value (attr) or content.  The longest piece one character gives is 6 bytes
 * ("&quot;"), so each is written with room for it. */
static void escaped(kt_xmlw *w, const char *s, int attr)
{
    apr_size_t len = strlen(s), i = 0;

    while (i < len && !w->failed) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        unsigned long cp;
        apr_size_t n;

        /* the common case first: a run of plain ASCII */
        if (c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"') {
            apr_size_t j = i + 1;
            while (j < len) {
                unsigned char d = (unsigned char)s[j];
                if (d < 0x20 || d >= 0x7F || d == '&' || d == '<' || d == '>' || d == '"') {
                    break;
                }
                j++;
            }
            put(w, s + i, j - i);
            i = j;
            continue;
        }
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\r': rep = "&#13;"; break;
        case '\t': rep = attr ? "&#9;" : NULL; break;
        case '\n': rep = attr ? "&#10;" : NULL; break;
        default: break;
        }
        if (rep) {
            puts_(w, rep);
            i++;
            continue;
        }
        n = kt_utf8_next(s + i, len - i, &cp);
        if (!room(w, 4)) {
            return;
        }
        if (n == 0 || !kt_xml_char_ok(cp)) {
            memcpy(w->buf + w->used, "\xEF\xBF\xBD", 3);
            w->used += 3;
            i += n ? n : 1;
        }
        else {
            memcpy(w->buf + w->used, s + i, n);
            w->used += n;
            i += n;
        }
    }
}

/* Ends the innermost start tag when it is still open: ">" and, as content
 * follows, a new line when it is an element (indent_nl). */
static void end_tag(kt_xmlw *w, int newline)
{
    if (w->depth && w->state[w->depth - 1] == IN_TAG) {
        put(w, newline ? ">\n" : ">", newline ? 2 : 1);
        w->state[w->depth - 1] = IN_CONTENT;
    }
}

static void indent(kt_xmlw *w, int n)
{
    while (n-- > 0 && room(w, 1)) {
        w->buf[w->used++] = ' ';
    }
}

void kt_xmlw_start(kt_xmlw *w, const char *root, const char *ns)
{
    puts_(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    kt_xmlw_open(w, root);
    if (ns) {
        kt_xmlw_attr(w, "xmlns", ns);
    }
}

void kt_xmlw_open(kt_xmlw *w, const char *name)
{
    apr_size_t n = strlen(name);

    if (w->failed) {
        return;
    }
    if (w->depth == MAX_DEPTH || NAMES_SIZE - w->names_used < n + 1) {
        w->failed = 1;
        return;
    }
    end_tag(w, 1);
    memcpy(w->names + w->names_used, name, n + 1);
    w->name_at[w->depth] = w->names_used;
    w->names_used += n + 1;
    w->state[w->depth++] = IN_TAG;
    indent(w, w->depth - 1);
    put(w, "<", 1);
    put(w, name, n);
}

void kt_xmlw_attr(kt_xmlw *w, const char *name, const char *value)
{
    if (w->failed) {
        return;
    }
    if (!w->depth || w->state[w->depth - 1] != IN_TAG) {
        w->failed = 1;   /* xmlTextWriter refuses it too */
        return;
    }
    put(w, " ", 1);
    puts_(w, name);
    put(w, "=\"", 2);
    escaped(w, value, 1);
    put(w, "\"", 1);
}

void kt_xmlw_text(kt_xmlw *w, const char *text)
{
    if (w->failed) {
        return;
    }
    end_tag(w, 0);
    escaped(w, text, 0);
    w->indent_end = 0;
}

void kt_xmlw_close(kt_xmlw *w)
{
    const char *name;

    if (w->failed) {
        return;
    }
    if (!w->depth) {
        w->failed = 1;
        return;
    }
    name = w->names + w->name_at[w->depth - 1];
    if (w->state[w->depth - 1] == IN_TAG) {
        put(w, "/>\n", 3);
        w->indent_end = 1;
    }
    else {
        if (w->indent_end) {
            indent(w, w->depth - 1);
        }
        w->indent_end = 1;
        put(w, "</", 2);
        puts_(w, name);
        put(w, ">\n", 2);
    }
    w->depth--;
    w->names_used = w->name_at[w->depth];
}

void kt_xmlw_end(kt_xmlw *w)
{
    while (w->depth && !w->failed) {
        kt_xmlw_close(w);
    }
}
