/* kt-admin daily: keeps the listings of every kind fresh (issue 5, PRODUCT.md
 * "States"; the lifecycle of src/lib/kt_lifecycle.h).
 *
 * Run once a day (cron or a systemd timer).  In one transaction, for each
 * kind (src/lib/kt_kinds.c):
 *   1. public listings whose end has come are archived (KT_LC_END): the
 *      kind's own rule (kt_kind.ended), e.g. an activity's end date;
 *   2. for kinds that expire, listings not confirmed as current for a year
 *      are archived (KT_LC_EXPIRE);
 *   3. … and those that turn one year unconfirmed within 30 days get one
 *      reminder (again only after the next confirmation).
 * Each archiving is asked of the state machine, writes an audit line with
 * the version it concerned (actor: the system) and mails the organisation's
 * main users and the listing's author, each in their own language, with the
 * texts of the site's catalogs (mail.PREFIX_ended, _expired, _reminder).
 * The feed's tombstones and the search follow from the database's triggers.
 * Running it twice on one day does nothing more.  --now fixes the clock (for
 * tests, and to catch up on a missed day). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_admin.h"
#include "kt_i18n.h"
#include "kt_kind.h"
#include "kt_lifecycle_sql.h"
#include "kt_mailtext.h"

static const char SQL_MAIL[] =
    "INSERT INTO mail_outbox (kind, recipient, lang, subject, body)"
    " VALUES ($1, $2, $3, $4, $5)";

typedef struct {
    apr_pool_t *p;
    PGconn *conn;
    const kt_admin_daily_opts *o;
    const kt_catalog *cat;
    const kt_kind *kind;       /* the kind at hand */
    int missing;
} run;

static const char *site_url(run *r, const char *path)
{
    return apr_pstrcat(r->p, r->o->base_url, path, NULL);
}

static const char *sql(run *r, const char *tmpl)
{
    return kt_lc_sql(r->p, tmpl, &r->kind->names);
}

/* The mail PREFIX_`what` about listing id to each of its people. */
static int mail(run *r, const char *id, const char *what, const char *due)
{
    const char *params[1] = { id };
    const char *kind = apr_pstrcat(r->p, r->kind->mail, "_", what, NULL);
    PGresult *res = kt_admin_query(r->conn, sql(r, KT_LC_SQL_RECIPIENTS), 1, params);
    int i, ok = res != NULL;

    for (i = 0; ok && i < PQntuples(res); i++) {
        int lang = kt_lang_from_code(PQgetvalue(res, i, 2));
        const char *subject, *body, *row[5];
        kt_mail_var vars[] = { { "name", PQgetvalue(res, i, 1) },
                               { "organisation", PQgetvalue(res, i, 3) },
                               { "title", PQgetvalue(res, i, 4) }, { "due", due },
                               { NULL, NULL } };
        int missing = 0;
        if (lang < 0) {
            lang = KT_LANG_FI;
        }
        kt_mail_compose(r->p, r->cat, (kt_lang)lang, kind,
                        site_url(r, apr_pstrcat(r->p, "/", kt_lang_codes[lang], "/manage/",
                                                r->kind->names.segment, "/", id, NULL)),
                        vars, site_url(r, "/"), &subject, &body, &missing);
        r->missing += missing;
        row[0] = kind;
        row[1] = PQgetvalue(res, i, 0);
        row[2] = kt_lang_codes[lang];
        row[3] = subject;
        row[4] = body;
        ok = kt_admin_exec(r->conn, SQL_MAIL, 5, row);
    }
    PQclear(res);
    return ok;
}

/* Archives the listings `due` selects (id, version, state) for `action`,
 * archive_reason `reason`, mail PREFIX_`what`; *count of them. */
static int archive(run *r, const char *due, kt_lc_action action, const char *reason,
                   const char *what, int *count)
{
    const char *now[1] = { r->o->now };
    PGresult *res = kt_admin_query(r->conn, due, 1, now);
    const char *audit = apr_pstrcat(r->p, r->kind->names.name, ".",
                                    kt_lc_action_name(action), NULL);
    int i, ok = res != NULL;

    for (i = 0; ok && i < PQntuples(res); i++) {
        const char *id = PQgetvalue(res, i, 0), *version = PQgetvalue(res, i, 1);
        int from = kt_lc_state_from_name(PQgetvalue(res, i, 2));
        int next = from < 0 ? -1 : kt_lc_next_in(r->kind->publication, (kt_lc_state)from, 1,
                                                 action);
        const char *upd[4], *line[4] = { r->o->now, audit, id, version };
        if (next < 0) {
            fprintf(stderr, "kt-admin: %s %s in state %s cannot %s; left as it is\n",
                    r->kind->names.name, id, PQgetvalue(res, i, 2), kt_lc_action_name(action));
            continue;
        }
        upd[0] = r->o->now;
        upd[1] = id;
        upd[2] = reason;
        upd[3] = kt_lc_state_name((kt_lc_state)next);
        ok = kt_admin_exec(r->conn, sql(r, KT_LC_SQL_DAILY_ARCHIVE), 4, upd)
             && kt_admin_exec(r->conn, sql(r, KT_LC_SQL_DAILY_AUDIT), 4, line)
             && mail(r, id, what, NULL);
        *count += ok;
    }
    PQclear(res);
    return ok;
}

static int remind(run *r, int *count)
{
    const char *now[1] = { r->o->now };
    PGresult *res = kt_admin_query(r->conn, sql(r, KT_LC_SQL_REMIND), 1, now);
    int i, ok = res != NULL;

    for (i = 0; ok && i < PQntuples(res); i++) {
        const char *upd[2] = { r->o->now, PQgetvalue(res, i, 0) };
        ok = kt_admin_exec(r->conn, sql(r, KT_LC_SQL_REMINDED), 2, upd)
             && mail(r, PQgetvalue(res, i, 0), "reminder", PQgetvalue(res, i, 3));
        *count += ok;
    }
    PQclear(res);
    return ok;
}

/* One kind's part of the run. */
static int fresh(run *r, int *ended, int *expired, int *reminded)
{
    /* a kind without an end (news) stays until someone takes it off */
    if (r->kind->ended
        && !archive(r, sql(r, apr_pstrcat(r->p, KT_LC_SQL_ENDED_HEAD, r->kind->ended,
                                          KT_LC_SQL_ENDED_TAIL, NULL)),
                    KT_LC_END, "ended", "ended", ended)) {
        return 0;
    }
    if (!r->kind->expires) {
        return 1;
    }
    return archive(r, sql(r, KT_LC_SQL_UNCONFIRMED), KT_LC_EXPIRE, "unconfirmed", "expired",
                   expired)
           && remind(r, reminded);
}

int kt_admin_daily(apr_pool_t *p, PGconn *conn, const kt_admin_daily_opts *o)
{
    run r = { p, conn, o, NULL, NULL, 0 };
    kt_catalog *cat = NULL;
    const char *err;
    int ended = 0, expired = 0, reminded = 0, ok, i;

    if (!o->base_url) {
        fprintf(stderr, "kt-admin: daily mails links: give --base-url or KT_BASE_URL\n");
        return 2;
    }
    err = kt_catalog_load(p, o->xslt_dir, &cat);
    if (err) {
        fprintf(stderr, "kt-admin: the mail texts: %s (--stylesheets DIR)\n", err);
        return 1;
    }
    r.cat = cat;
    ok = kt_admin_exec(conn, "BEGIN", 0, NULL);
    for (i = 0; ok && kt_kinds[i]; i++) {
        r.kind = kt_kinds[i];
        ok = fresh(&r, &ended, &expired, &reminded);
    }
    if (!ok || !kt_admin_exec(conn, o->dry_run ? "ROLLBACK" : "COMMIT", 0, NULL)) {
        kt_admin_exec(conn, "ROLLBACK", 0, NULL);
        return 1;
    }
    if (r.missing) {
        fprintf(stderr, "kt-admin: %d mail text(s) missing from the catalogs\n", r.missing);
    }
    printf("kt-admin: daily%s: %d ended and %d unconfirmed listing(s) archived,"
           " %d reminder(s) sent\n", o->dry_run ? " (dry run)" : "", ended, expired, reminded);
    return 0;
}
