/* Throttles that hold under parallel requests (QUALITY.md, "Abuse costs the
 * abuser"), counted in PostgreSQL so that every httpd node sees the same
 * numbers (sql/005_accounts.sql login_throttle, sql/009_accounts.sql
 * rate_limits).  Every count is one statement that increments and answers
 * in the same breath, made before the work it guards: twenty requests at
 * once cannot all pass a check that each of them made before any counted.
 *
 * Passwords (sign-in, and every form that checks one): each attempt counts
 * for the account and for the client address before its password is
 * checked.  KT_THROTTLE_ACCOUNT_FAILURES attempts in a row lock the account
 * key for KT_THROTTLE_ACCOUNT_LOCK seconds: the next attempt, right or
 * wrong, gets 429 with Retry-After, and no password of it is looked at.
 * After the lock each further failure locks it again at once, until a
 * success (or a quiet KT_THROTTLE_WINDOW) clears the count.  One client
 * address has a larger allowance over all accounts (offices and schools
 * share one address); a right password takes its attempt back.
 *
 * The account key is the address typed, lower-cased by PostgreSQL's lower()
 * in the statement itself: exactly the lookup's normalisation (users_email
 * is a unique index on lower(email)), so "K" (U+212A) or "İ" in the typed
 * address counts for the same account as its plain spelling.
 *
 * Everything else that sends mail or costs work (registration, links,
 * changes of address, the contact form): kt_rate_hit, at most `limit` hits
 * a window per action and key. */
#ifndef KT_THROTTLE_H
#define KT_THROTTLE_H

#include "kt_private.h"
#include "kt_db.h"

#define KT_THROTTLE_ACCOUNT_FAILURES 5
#define KT_THROTTLE_ACCOUNT_LOCK 300
#define KT_THROTTLE_ADDRESS_FAILURES 30
#define KT_THROTTLE_ADDRESS_LOCK 900
#define KT_THROTTLE_WINDOW 900

/* Counts one password attempt for account (the address typed; NULL counts
 * the client address only) and the client address.  *wait > 0: refused for
 * that many seconds, the password must not be checked; 0: go on. */
kt_db_status kt_throttle_attempt(kt_db *db, const char *account, const char *address, int *wait);

/* The password was right: the account's count is cleared and the client
 * address gets its attempt back. */
kt_db_status kt_throttle_success(kt_db *db, const char *account, const char *address);

/* Clears the account's count (a new password, a new address). */
kt_db_status kt_throttle_clear(kt_db *db, const char *account);

/* A limit of kt_rate_hit: `action` ([a-z_]+) allows `limit` hits a window
 * of `window` seconds for one key. */
typedef struct {
    const char *action;
    int limit;
    int window;
} kt_rate;

/* Counts one hit of the client address under by_address and, when target
 * is not NULL, of target (an email address: lower-cased as the account
 * lookup does) under by_target; both windows are by_address->window.  *wait
 * > 0 when either is over its limit: seconds until its window ends. */
kt_db_status kt_rate_hit(kt_db *db, const kt_rate *by_address, const char *address,
                         const kt_rate *by_target, const char *target, int *wait);

/* The 429 page: Retry-After, the page in the request's language saying
 * what waits and how long (detail_key: a message with {minutes}), a log
 * line at info.  Returns OK. */
int kt_throttle_answer(kt_req *kr, int wait, const char *what, const char *detail_key);

#endif
