/* Cross-site request forgery defences (QUALITY.md: "Every POST checks a CSRF
 * token bound to the session and the Origin").
 *
 * Every form carries a hidden field `csrf`.  For a signed-in person it is an
 * HMAC under the session's own secret (kt_crypto.h), so a token is worth
 * nothing in another session.  Anonymous forms (register, sign in, password
 * reset, contact) have no session yet: they get a pre-session cookie,
 * kt_pre (__Host-kt_pre on an https site), with a random token, and the
 * form carries an HMAC of it under the installation's secret (csrf_secret in
 * the database, so every httpd node makes the same tokens): a double-submit
 * that never shows the cookie in the page, and that someone who can plant a
 * cookie still cannot complete without the secret.  On top, the Origin (or,
 * when a browser sends none, the Referer) must be this site. */
#ifndef KT_CSRF_H
#define KT_CSRF_H

#include "kt_private.h"
#include "kt_form.h"

#define KT_PRESESSION_COOKIE "kt_pre"
#define KT_CSRF_FIELD "csrf"

/* Reads the pre-session cookie into kr->presession when well-formed. */
void kt_csrf_read_cookie(kt_req *kr);

/* The token for the forms of the page being built; for an anonymous visitor
 * without a pre-session cookie one is made and set.  NULL when no random
 * bytes or no secret could be had (logged): the form's POST then fails. */
const char *kt_csrf_token(kt_req *kr);

/* 1 when the token submitted (may be NULL) is the one kt_csrf_token gives
 * for this request; compared in constant time. */
int kt_csrf_valid(kt_req *kr, const char *submitted);

/* 1 when Origin (else Referer) names this site: KotoutuminenBaseURL's origin
 * or the one of this request's Host.  Neither header: 1, the token alone
 * decides (some privacy tools strip both).  "Origin: null": 0. */
int kt_csrf_origin_ok(kt_req *kr);

/* Everything a POST must pass before its handler runs: the Origin, a form
 * body that decodes within lim (NULL: kt_form_default_limits) into kr->form,
 * and the token.  With only_with_session, the token is not asked of a visitor who
 * has no session (signing out when already signed out changes nothing).
 * Returns DECLINED to go on, or the status of the answer already sent (403,
 * 413, 415, 400). */
int kt_csrf_accept_post(kt_req *kr, int only_with_session, const kt_form_limits *lim);

#endif
