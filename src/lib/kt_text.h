/* Pure text helpers: UTF-8 checks, language tags, strict number parsing.
 * No httpd headers here, so unit tests and fuzzers link this directly. */
#ifndef KT_TEXT_H
#define KT_TEXT_H

#include <apr_pools.h>
#include <apr_tables.h>

/* The three UI languages, in the order catalogs and content columns use. */
typedef enum { KT_LANG_FI = 0, KT_LANG_SV = 1, KT_LANG_EN = 2, KT_LANG_COUNT = 3 } kt_lang;

extern const char *const kt_lang_codes[KT_LANG_COUNT];

/* "fi"/"sv"/"en" → the enum; -1 for anything else (case-sensitive: URLs are). */
int kt_lang_from_code(const char *code);

/* Pick the UI language from an Accept-Language header by q-value; default fi. */
kt_lang kt_lang_negotiate(const char *accept_language);

/* 1 when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF). */
int kt_utf8_valid(const char *s, apr_size_t len);

/* The well-formed UTF-8 sequence at s (at most n bytes): its length, and its
 * code point in *cp; 0 when it is malformed. */
apr_size_t kt_utf8_next(const char *s, apr_size_t n, unsigned long *cp);

/* The longest prefix of the UTF-8 text s that has at most max bytes and ends
 * on a character boundary: its length in bytes (never cuts a character). */
apr_size_t kt_utf8_prefix(const char *s, apr_size_t max);

/* The one rule for the characters of every text people type that we store
 * (HACKING.md, "Text"), the same as the database's kt_text_ok() that the
 * CHECK constraints use (sql/009_accounts.sql): 1 when code point cp may
 * stand in a text.  Refused everywhere: the C0 controls (a multi-line text
 * keeps tab, line feed and carriage return), DEL and the C1 controls
 * U+0080-U+009F (U+0085 is a line break to some readers), the line and
 * paragraph separators U+2028 and U+2029 (they end a line in mail headers
 * and scripts), the deprecated format characters U+206A-U+206F, the byte
 * order mark U+FEFF, the interlinear annotations U+FFF9-U+FFFB and the
 * noncharacters U+FDD0-U+FDEF, U+FFFE and U+FFFF (XML cannot carry the
 * last two).  Letters of every script stay, and so do the format characters
 * right-to-left and joined scripts need: the joiners U+200C, U+200D
 * (Persian, emoji), the direction marks U+200E, U+200F and the bidirectional
 * embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069 (the
 * bidirectional algorithm ends them with the paragraph they stand in). */
int kt_text_char_ok(unsigned long cp, int multiline);

/* 1 when cp is white space by Unicode's White_Space property (what no email
 * address may hold), or an invisible format character (U+00AD, U+200B-U+200F,
 * U+2060-U+2064): an address must look like what it is. */
int kt_char_blank(unsigned long cp);

/* A copy fit for XML 1.0 text that becomes HTML: invalid UTF-8 sequences and
 * characters XML cannot carry or HTML forbids (C0 controls except tab/newline/CR,
 * DEL and the C1 controls, the noncharacters U+FDD0-U+FDEF and U+nFFFE/U+nFFFF)
 * become U+FFFD. */
char *kt_xml_safe_text(apr_pool_t *p, const char *s);
/* The elements of a one-dimensional array as PostgreSQL writes it in text
 * ("{a,b}", "{\"x y\",NULL}", "{}"): at most max of them into out (copies in
 * p; an unquoted NULL is a null element, left out).  Returns how many, or -1
 * when lit is not such an array or holds more than max. */
int kt_pg_text_array(apr_pool_t *p, const char *lit, const char **out, int max);

/* 1 when kt_xml_safe_text keeps the character cp (kt_xmlw.c escapes and
 * makes safe in one pass). */
int kt_xml_char_ok(unsigned long cp);

/* A short plain-text excerpt of a longer text: its first paragraph (up to a
 * blank line), runs of white space made one space, cut to at most max bytes
 * at a word boundary when there is one (never inside a UTF-8 character), with
 * "…" after a cut.  For summaries in feeds. */
char *kt_text_excerpt(apr_pool_t *p, const char *text, apr_size_t max);

/* Strict decimal id: only digits, 1..18 of them, value ≥ 1.  Returns 0 on
 * anything else (sign, spaces, overflow), so "12abc" and "-1" are rejected. */
apr_int64_t kt_parse_id(const char *s);

/* A strict decimal integer (digits only, an optional '-' before them) within
 * [min, max], into *out: 1, else 0 (also for "", overflow beyond int64, "+1",
 * " 1").  For every number a request carries into SQL: a value the column
 * cannot hold ("2147483648" for an integer) is refused here, not by the
 * database. */
int kt_parse_int(const char *s, apr_int64_t min, apr_int64_t max, apr_int64_t *out);

#define KT_INT32_MAX 2147483647

#endif
