/* Sign-in sessions (QUALITY.md, "Security").  The cookie carries a random
 * 256-bit token; the database keeps only its SHA-256, the user, a per-session
 * CSRF secret and the times that make it expire: after KT_SESSION_IDLE of no
 * use, and KT_SESSION_MAX after sign-in whatever happens.  Nothing lives in
 * httpd, so any node serves any session. */
#ifndef KT_SESSION_H
#define KT_SESSION_H

#include "kt_private.h"
#include "kt_db.h"

#define KT_SESSION_COOKIE "kt_session"
#define KT_SESSION_IDLE 7200        /* seconds */
#define KT_SESSION_MAX 43200

typedef struct kt_session {
    const char *token_hash;    /* hex SHA-256 of the cookie's token */
    const char *csrf_secret;   /* hex */
    const char *user_id;       /* decimal, as the statements take it */
    const char *email;
    const char *first_name;
    const char *last_name;
    int is_moderator;
} kt_session;

/* Who may use a route. */
typedef enum {
    KT_ANYONE = 0,
    KT_SIGNED_IN,
    KT_MODERATOR
} kt_access;

/* 1 when the request came over TLS or the site's base URL is https: then
 * our cookies get Secure. */
int kt_request_secure(kt_req *kr);

/* The name of our cookie `name` for this request: "__Host-" + name on an
 * https site (the browser then takes it only with Secure, Path=/ and no
 * Domain: no other host of the domain can set or shadow it), else name. */
const char *kt_cookie_name(kt_req *kr, const char *name);

/* Reads the session cookie and, when it names a live session, sets
 * kr->session (and refreshes last use at most once a minute).  A cookie
 * that names nothing live is cleared.  No cookie: KT_DB_OK, no query. */
kt_db_status kt_session_load(kt_req *kr);

/* 1 when the request carries a session cookie (valid or not): such a request
 * is never answered from the page cache. */
int kt_session_cookie_sent(kt_req *kr);

/* Signs user_id in: a new token and CSRF secret, the cookie set, and the
 * session the request came with (if any) deleted, so that a token planted
 * before sign-in is worth nothing after it.  Runs inside the caller's
 * transaction when there is one. */
kt_db_status kt_session_start(kt_req *kr, kt_db *db, const char *user_id);

/* Deletes the request's session and clears the cookie. */
kt_db_status kt_session_end(kt_req *kr, kt_db *db);

/* DECLINED when kr may use a route with this access; otherwise the answer
 * has been sent (303 to the sign-in page with a `next` back here for
 * anonymous visitors, 403 for a signed-in non-moderator) and that status is
 * returned. */
int kt_session_require(kt_req *kr, kt_access access);

/* The page to go to after sign-in: next when it is a local path (see
 * kt_valid_local_path), else /{lang}/manage. */
const char *kt_session_next(kt_req *kr, const char *next);

#endif
