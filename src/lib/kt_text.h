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

/* A copy fit for XML 1.0 text: invalid UTF-8 sequences and characters XML cannot
 * carry (C0 controls except tab/newline/CR, U+FFFE/U+FFFF) become U+FFFD. */
char *kt_xml_safe_text(apr_pool_t *p, const char *s);

/* A short plain-text excerpt of a longer text: its first paragraph (up to a
 * blank line), runs of white space made one space, cut to at most max bytes
 * at a word boundary when there is one (never inside a UTF-8 character), with
 * "…" after a cut.  For summaries in feeds. */
char *kt_text_excerpt(apr_pool_t *p, const char *text, apr_size_t max);

/* Strict decimal id: only digits, 1..18 of them, value ≥ 1.  Returns 0 on
 * anything else (sign, spaces, overflow), so "12abc" and "-1" are rejected. */
apr_int64_t kt_parse_id(const char *s);

#endif
