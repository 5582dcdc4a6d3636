/* Throttles; see kt_throttle.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_throttle.h"
#include "kt_http.h"
#include "kt_mailtext.h"

/* One statement for both rows.  A row locked now is left as it is (the
 * attempt is refused); any other is counted, and the count that reaches the
 * limit sets the lock in the same update.  counted_by says which transaction
 * counted the row last: the attempt may go on only when this one counted
 * every row it names.  The count restarts after a quiet window. */
static const kt_stmt STMT_ATTEMPT KT_STMT_LISTED = { "kt_throttle_attempt",
    "INSERT INTO login_throttle AS t (kind, key, failures, last_failure_at, counted_by)"
    " SELECT v.kind, v.key, 1, now(), pg_current_xact_id()"
    "  FROM (VALUES ('account', lower(%s)), ('address', %s)) v(kind, key) WHERE v.key IS NOT NULL"
    " ON CONFLICT (kind, key) DO UPDATE SET"
    " failures = CASE WHEN t.locked_until > now() THEN t.failures"
    "  WHEN t.last_failure_at < now() - make_interval(secs => %s::int) THEN 1"
    "  ELSE t.failures + 1 END,"
    " last_failure_at = CASE WHEN t.locked_until > now() THEN t.last_failure_at ELSE now() END,"
    " counted_by = CASE WHEN t.locked_until > now() THEN t.counted_by"
    "  ELSE pg_current_xact_id() END,"
    " locked_until = CASE WHEN t.locked_until > now() THEN t.locked_until"
    "  WHEN (CASE WHEN t.last_failure_at < now() - make_interval(secs => %s::int) THEN 1"
    "        ELSE t.failures + 1 END)"
    "   >= CASE t.kind WHEN 'account' THEN %s::int ELSE %s::int END"
    "  THEN now() + make_interval(secs => CASE t.kind WHEN 'account' THEN %s::int ELSE %s::int END)"
    "  ELSE t.locked_until END"
    " RETURNING coalesce(counted_by = pg_current_xact_id(), false),"
    " coalesce(ceil(extract(epoch FROM locked_until - now())), 0)::int" };

static const kt_stmt STMT_SUCCESS KT_STMT_LISTED = { "kt_throttle_success",
    "WITH a AS (DELETE FROM login_throttle WHERE kind = 'account' AND key = lower(%s))"
    " UPDATE login_throttle SET failures = greatest(failures - 1, 0)"
    " WHERE kind = 'address' AND key = %s" };

static const kt_stmt STMT_CLEAR KT_STMT_LISTED = { "kt_throttle_clear",
    "DELETE FROM login_throttle WHERE kind = 'account' AND key = lower(%s)" };

/* Both keys in one statement; the window restarts with the first hit after
 * it ended. */
static const kt_stmt STMT_RATE KT_STMT_LISTED = { "kt_throttle_rate",
    "INSERT INTO rate_limits AS t (action, key, window_start, hits)"
    " SELECT v.action, lower(v.key), now(), 1"
    "  FROM (VALUES (%s, %s), (%s, %s)) v(action, key) WHERE v.key IS NOT NULL"
    " ON CONFLICT (action, key) DO UPDATE SET"
    " hits = CASE WHEN t.window_start <= now() - make_interval(secs => %s::int) THEN 1"
    "  ELSE t.hits + 1 END,"
    " window_start = CASE WHEN t.window_start <= now() - make_interval(secs => %s::int)"
    "  THEN now() ELSE t.window_start END"
    " RETURNING action, hits,"
    " greatest(ceil(extract(epoch FROM window_start + make_interval(secs => %s::int) - now())),"
    "  1)::int" };

kt_db_status kt_throttle_attempt(kt_db *db, const char *account, const char *address, int *wait)
{
    char window[16], afail[16], xfail[16], alock[16], xlock[16];
    const char *args[8] = { account, address, window, window, afail, xfail, alock, xlock };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;

    apr_snprintf(window, sizeof(window), "%d", KT_THROTTLE_WINDOW);
    apr_snprintf(afail, sizeof(afail), "%d", KT_THROTTLE_ACCOUNT_FAILURES);
    apr_snprintf(xfail, sizeof(xfail), "%d", KT_THROTTLE_ADDRESS_FAILURES);
    apr_snprintf(alock, sizeof(alock), "%d", KT_THROTTLE_ACCOUNT_LOCK);
    apr_snprintf(xlock, sizeof(xlock), "%d", KT_THROTTLE_ADDRESS_LOCK);
    *wait = 0;
    st = kt_db_select(db, &STMT_ATTEMPT, &res, 8, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *counted = kt_db_get(db, row, 0), *left = kt_db_get(db, row, 1);
        int w = left ? atoi(left) : 0;
        if (counted && counted[0] != 't' && w > *wait) {
            *wait = w;
        }
        if (counted && counted[0] != 't' && *wait < 1) {
            *wait = 1;   /* refused, yet the lock ends within this second */
        }
    }
    return st;
}

kt_db_status kt_throttle_success(kt_db *db, const char *account, const char *address)
{
    const char *args[2] = { account, address };
    return kt_db_exec(db, &STMT_SUCCESS, NULL, 2, args);
}

kt_db_status kt_throttle_clear(kt_db *db, const char *account)
{
    const char *args[1] = { account };
    return kt_db_exec(db, &STMT_CLEAR, NULL, 1, args);
}

kt_db_status kt_rate_hit(kt_db *db, const kt_rate *by_address, const char *address,
                         const kt_rate *by_target, const char *target, int *wait)
{
    const char *args[7];
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    char window[16];

    apr_snprintf(window, sizeof(window), "%d", by_address->window);
    args[0] = by_address->action;
    args[1] = address;
    args[2] = by_target ? by_target->action : by_address->action;
    args[3] = by_target ? target : NULL;
    args[4] = window;
    args[5] = window;
    args[6] = window;
    *wait = 0;
    st = kt_db_select(db, &STMT_RATE, &res, 7, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *action = kt_db_get(db, row, 0);
        int hits = atoi(kt_db_get(db, row, 1)), left = atoi(kt_db_get(db, row, 2));
        const kt_rate *rate = by_target && strcmp(action, by_target->action) == 0 ? by_target
                                                                                  : by_address;
        if (hits > rate->limit && left > *wait) {
            *wait = left;
        }
    }
    return st;
}

int kt_throttle_answer(kt_req *kr, int wait, const char *what, const char *detail_key)
{
    apr_pool_t *p = kr->r->pool;
    kt_mail_var vars[] = { { "minutes", apr_itoa(p, (wait + 59) / 60) }, { NULL, NULL } };

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0415: %s throttled for %d s (client %s)",
                  what, wait, kr->r->useragent_ip);
    apr_table_setn(kr->r->err_headers_out, "Retry-After", apr_itoa(p, wait));
    return kt_send_error(kr, HTTP_TOO_MANY_REQUESTS, NULL,
                         kt_mail_fill(p, kt_text(kr, detail_key), vars));
}
