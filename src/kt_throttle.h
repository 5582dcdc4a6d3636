/* Sign-in throttling, per account and per client address, counted in
 * PostgreSQL (sql/005_accounts.sql, login_throttle) so that every httpd node
 * sees the same numbers.
 *
 * KT_THROTTLE_ACCOUNT_FAILURES wrong passwords in a row for one address
 * typed into the form lock it for KT_THROTTLE_ACCOUNT_LOCK seconds: the
 * next attempt, right or wrong, gets 429 with Retry-After.  After the lock,
 * each further failure locks it again at once, until a success (or a quiet
 * KT_THROTTLE_WINDOW) clears the count.  One client address has a larger
 * allowance over all accounts (offices and schools share one address). */
#ifndef KT_THROTTLE_H
#define KT_THROTTLE_H

#include "kt_db.h"

#define KT_THROTTLE_ACCOUNT_FAILURES 5
#define KT_THROTTLE_ACCOUNT_LOCK 300
#define KT_THROTTLE_ADDRESS_FAILURES 30
#define KT_THROTTLE_ADDRESS_LOCK 900
#define KT_THROTTLE_WINDOW 900

/* *wait: seconds until this account or address may try again; 0 now. */
kt_db_status kt_throttle_check(kt_db *db, const char *account, const char *address, int *wait);

/* Counts one failure for both, locking what reached its limit. */
kt_db_status kt_throttle_fail(kt_db *db, const char *account, const char *address);

/* A successful sign-in (or a new password) clears the account's count;
 * the address keeps its own. */
kt_db_status kt_throttle_clear(kt_db *db, const char *account);

#endif
