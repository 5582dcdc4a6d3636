/* Response helpers shared by the handlers: security headers, rendered pages,
 * the site's own error pages. */
#ifndef KT_HTTP_H
#define KT_HTTP_H

#include "kt_private.h"
#include "kt_db.h"

/* Content-Security-Policy and friends, on every response (incl. errors and
 * static files): set into err_headers_out, which survive error handling. */
void kt_http_security_headers(request_rec *r);

/* Renders doc with stylesheet `sheet` and sends it with `status`.  Always
 * returns OK (after sending an error page itself when rendering fails). */
int kt_send_page(kt_req *kr, const char *sheet, xmlDocPtr doc, int status);

/* The site's own error page for status, in kr->lang.  `param` names the
 * wrong request parameter of a 400, `detail` says what is wrong with it;
 * both may be NULL.  Returns OK. */
int kt_send_error(kt_req *kr, int status, const char *param, const char *detail);

/* 400 for one wrong request parameter (HACKING.md, "Page XML", error): the
 * page names `param` (NULL: the request as a whole) and says why with a
 * message chosen by `reason` (unknown-param, unknown-value, repeated,
 * too-long, too-many, out-of-range, invalid-utf8, control-char, bad-escape),
 * shows `value` (shortened; may be NULL) and links to `retry` (may be NULL),
 * the same request without the wrong part.  Returns OK. */
int kt_send_bad_param(kt_req *kr, const char *param, const char *reason, const char *value,
                      const char *retry);

/* A redirect with an empty body (no httpd default page). */
int kt_send_redirect(request_rec *r, int status, const char *location);

/* 405 with Allow. */
int kt_send_not_allowed(kt_req *kr, const char *allow);

/* The answer for a failed database call: 503 page with Retry-After when the
 * database is away, 500 page otherwise. */
int kt_send_db_failure(kt_req *kr, kt_db_status st);

/* Conditional GET: sets ETag (when etag is not NULL) and Last-Modified (when
 * last_modified is not 0), then says whether the client's copy is current —
 * by If-None-Match when the request has one (kt_etag_match), else by
 * If-Modified-Since.  A Last-Modified in the current second is not trusted
 * for that: another change may still come within it.  1: answer 304. */
int kt_http_not_modified(request_rec *r, const char *etag, apr_time_t last_modified);

/* The public base URL, no trailing slash: KotoutuminenBaseURL, else the
 * scheme, host and port this request came to. */
const char *kt_http_base_url(kt_req *kr);

/* A new page document for this request (see HACKING.md, "Page XML").  For a
 * signed-in person it carries <viewer> (name, moderator flag and the CSRF
 * token of the sign-out form in the header). */
xmlDocPtr kt_page_doc(kt_req *kr, const char *type, int status);

/* A UI message in the request's language for text C writes itself (error
 * details, emails); the key itself, logged, when the catalog lacks it. */
const char *kt_text(kt_req *kr, const char *key);

/* The same for another language (the recipient's of an email). */
const char *kt_text_in(kt_req *kr, kt_lang lang, const char *key);

#endif
