/* Sign-in throttling; see kt_throttle.h. */
#include <stdlib.h>
#include <apr_strings.h>
#include "kt_private.h"
#include "kt_throttle.h"

static const kt_stmt STMT_WAIT KT_STMT_LISTED = { "kt_throttle_wait",
    "SELECT coalesce(max(ceil(extract(epoch FROM locked_until - now()))), 0)::int"
    " FROM login_throttle WHERE locked_until > now()"
    " AND ((kind = 'account' AND key = %s) OR (kind = 'address' AND key = %s))" };

/* One statement for both rows: the count restarts after a quiet window, and
 * the lock is set in the same update that reaches the limit. */
static const kt_stmt STMT_FAIL KT_STMT_LISTED = { "kt_throttle_fail",
    "INSERT INTO login_throttle AS t (kind, key, failures, last_failure_at)"
    " VALUES ('account', %s, 1, now()), ('address', %s, 1, now())"
    " ON CONFLICT (kind, key) DO UPDATE SET"
    " failures = CASE WHEN t.last_failure_at < now() - make_interval(secs => %s::int)"
    "  THEN 1 ELSE t.failures + 1 END,"
    " last_failure_at = now(),"
    " locked_until = CASE WHEN (CASE WHEN t.last_failure_at < now() - make_interval(secs => %s::int)"
    "  THEN 1 ELSE t.failures + 1 END)"
    "  >= CASE t.kind WHEN 'account' THEN %s::int ELSE %s::int END"
    "  THEN now() + make_interval(secs => CASE t.kind WHEN 'account' THEN %s::int ELSE %s::int END)"
    "  ELSE t.locked_until END" };

static const kt_stmt STMT_CLEAR KT_STMT_LISTED = { "kt_throttle_clear",
    "DELETE FROM login_throttle WHERE kind = 'account' AND key = %s" };

kt_db_status kt_throttle_check(kt_db *db, const char *account, const char *address, int *wait)
{
    const char *args[2] = { account, address }, *v = NULL;
    kt_db_status st = kt_db_value(db, &STMT_WAIT, &v, 2, args);

    *wait = st == KT_DB_OK && v ? atoi(v) : 0;
    return st;
}

kt_db_status kt_throttle_fail(kt_db *db, const char *account, const char *address)
{
    char window[16], afail[16], xfail[16], alock[16], xlock[16];
    const char *args[8] = { account, address, window, window, afail, xfail, alock, xlock };

    apr_snprintf(window, sizeof(window), "%d", KT_THROTTLE_WINDOW);
    apr_snprintf(afail, sizeof(afail), "%d", KT_THROTTLE_ACCOUNT_FAILURES);
    apr_snprintf(xfail, sizeof(xfail), "%d", KT_THROTTLE_ADDRESS_FAILURES);
    apr_snprintf(alock, sizeof(alock), "%d", KT_THROTTLE_ACCOUNT_LOCK);
    apr_snprintf(xlock, sizeof(xlock), "%d", KT_THROTTLE_ADDRESS_LOCK);
    return kt_db_exec(db, &STMT_FAIL, NULL, 8, args);
}

kt_db_status kt_throttle_clear(kt_db *db, const char *account)
{
    const char *args[1] = { account };
    return kt_db_exec(db, &STMT_CLEAR, NULL, 1, args);
}
