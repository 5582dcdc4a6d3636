/* Shared by the parts of kt-admin (tools/kt-admin.c, tools/kt_admin_daily.c). */
#ifndef KT_ADMIN_H
#define KT_ADMIN_H

#include <libpq-fe.h>
#include <apr_pools.h>

/* Runs sql with text parameters (NULL: SQL NULL); the result, or NULL after
 * printing why. */
PGresult *kt_admin_query(PGconn *conn, const char *sql, int n, const char *const *params);

/* The same for a statement whose rows do not matter: 1 on success. */
int kt_admin_exec(PGconn *conn, const char *sql, int n, const char *const *params);

typedef struct {
    const char *now;          /* --now: the time to act as, RFC 3339; NULL: the clock */
    const char *base_url;     /* for links in the mails */
    const char *xslt_dir;     /* whose i18n/ holds the mail texts */
    int dry_run;              /* --dry-run: do it all, report, roll back */
} kt_admin_daily_opts;

/* `kt-admin daily`: the listings' freshness (issue 5).  Exit status. */
int kt_admin_daily(apr_pool_t *p, PGconn *conn, const kt_admin_daily_opts *o);

#endif
