/* Validators of what people type into forms.  Pure, unit-tested; each
 * answers with a verdict that the handler turns into a message key
 * (HACKING.md, "Forms").  Callers trim first (kt_trim). */
#ifndef KT_VALIDATE_H
#define KT_VALIDATE_H

#include <apr_pools.h>

typedef enum {
    KT_V_OK = 0,
    KT_V_MISSING,    /* required and empty */
    KT_V_TOO_LONG,
    KT_V_INVALID
} kt_verdict;

/* Number of code points of a UTF-8 string. */
apr_size_t kt_utf8_chars(const char *s);

/* A copy without leading and trailing ASCII white space; "" for NULL. */
char *kt_trim(apr_pool_t *p, const char *s);

/* A copy with CR LF and lone CR turned into LF (browsers send CR LF). */
char *kt_newlines(apr_pool_t *p, const char *s);

/* The one text validator (HACKING.md, "Text"): valid UTF-8, every character
 * allowed by kt_text_char_ok (kt_text.h) — the rule of the database's
 * kt_text_ok() CHECKs —, at most max_chars characters (code points).  A
 * line: no control character at all.  Several lines (kt_valid_text): tab
 * and line breaks too. */
kt_verdict kt_valid_line(const char *s, apr_size_t max_chars, int required);
kt_verdict kt_valid_text(const char *s, apr_size_t max_chars, int required);

/* An email address: an addr-spec and nothing else, at most 254 bytes (local
 * part 64).  The local part is a dot-atom of letters (any script), digits
 * and ! $ ' * + - ^ _ ` { | } ~ (not % & = ? # /, which a mailto: link
 * would read as more than the address); the domain two or more labels of
 * letters, digits and inner hyphens, 63 bytes each.  No white space, control
 * or format character.  Stricter than RFC 5322 on purpose: the address goes
 * into mail headers and mailto: links. */
kt_verdict kt_valid_email(const char *s);

/* What sign-in accepts as an address to look up: at most 254 bytes, an @,
 * nothing that kt_text_char_ok refuses or that is blank.  Looser than
 * kt_valid_email, so that an account made under older rules still signs in. */
kt_verdict kt_valid_login_email(const char *s);

/* A phone number: digits, spaces, + ( ) - and 5 to 20 digits. */
kt_verdict kt_valid_phone(const char *s);

/* An http(s) address with a host, at most 500 bytes, no spaces. */
kt_verdict kt_valid_web_url(const char *s);

/* The number in the Finnish register of associations: digits, at most one
 * dot inside ("123.456"), at most 12 characters. */
kt_verdict kt_valid_registry_number(const char *s);


/* 1 when s is a path on this site that is safe to redirect to after sign-in:
 * starts with one '/', no "//" or backslash anywhere, only printable ASCII
 * (anything else arrives percent-encoded), at most 1000 bytes.  Never an
 * absolute URL, so the `next` parameter cannot send anyone elsewhere. */
int kt_valid_local_path(const char *s);

/* "scheme://host[:port]" of an absolute http(s) URL, lower-cased, or NULL. */
char *kt_url_origin(apr_pool_t *p, const char *url);
#endif
