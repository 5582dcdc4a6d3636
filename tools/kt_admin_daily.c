/* kt-admin daily: keeps the listings fresh (issue 5, PRODUCT.md "States").
 *
 * Run once a day (cron or a systemd timer).  In one transaction:
 *   1. listings whose end has passed are archived: the end date of the public
 *      version, or, for an event series without weekly times, its last date;
 *   2. listings not confirmed as current for a year are archived;
 *   3. listings that turn one year unconfirmed within 30 days get one
 *      reminder (again only after the next confirmation).
 * Each archiving writes an audit line with the version it concerned (actor:
 * the system) and mails the organisation's main users and the listing's
 * author, each in their own language, with the texts of the site's catalogs.
 * The feed's tombstones and the search follow from the database's triggers.
 * Running it twice on one day does nothing more.  --now fixes the clock (for
 * tests, and to catch up on a missed day). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_admin.h"
#include "kt_i18n.h"
#include "kt_mailtext.h"

/* The clock, in every statement: $1 is --now or NULL. */
#define NOW "coalesce($1::timestamptz, now())"
#define TODAY "((" NOW " AT TIME ZONE 'Europe/Helsinki')::date)"

/* Public listings due, locked so that a second run waits for this one. */
static const char SQL_ENDED[] =
    "SELECT a.id, a.published_version FROM activities a"
    " JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.published_version"
    " WHERE a.archived_at IS NULL AND (v.end_date < " TODAY
    "  OR (NOT EXISTS (SELECT 1 FROM activity_schedule s"
    "       WHERE s.activity_id = a.id AND s.version = v.version)"
    "      AND (SELECT max(coalesce(x.ends_at, x.starts_at))::date FROM activity_sessions x"
    "       WHERE x.activity_id = a.id AND x.version = v.version) < " TODAY "))"
    " ORDER BY a.id FOR UPDATE OF a";

static const char SQL_UNCONFIRMED[] =
    "SELECT a.id, a.published_version FROM activities a"
    " WHERE a.archived_at IS NULL AND a.published_version IS NOT NULL"
    " AND a.confirmed_at <= " NOW " - interval '1 year' ORDER BY a.id FOR UPDATE OF a";

static const char SQL_REMIND[] =
    "SELECT a.id, a.published_version,"
    " to_char((a.confirmed_at + interval '1 year') AT TIME ZONE 'Europe/Helsinki', 'FMDD.FMMM.YYYY')"
    " FROM activities a WHERE a.archived_at IS NULL AND a.published_version IS NOT NULL"
    " AND a.confirmed_at <= " NOW " - interval '1 year' + interval '30 days'"
    " AND (a.reminded_at IS NULL OR a.reminded_at < a.confirmed_at) ORDER BY a.id FOR UPDATE OF a";

static const char SQL_ARCHIVE[] =
    "UPDATE activities SET archived_at = " NOW ", state = 'archived', archive_reason = $3,"
    " revision = revision + 1 WHERE id = $2::bigint AND archived_at IS NULL";

static const char SQL_REMINDED[] =
    "UPDATE activities SET reminded_at = " NOW " WHERE id = $2::bigint";

static const char SQL_AUDIT[] =
    "INSERT INTO audit_log (at, action, object_type, object_id, version)"
    " VALUES (" NOW ", $2, 'activity', $3::bigint, $4::int)";

/* Main users and the listing's author and submitter, once each; the title
 * of the public version in each one's language. */
static const char SQL_RECIPIENTS[] =
    "SELECT DISTINCT u.email, u.first_name, u.lang, o.name,"
    " kt_name(u.lang, v.title_fi, v.title_sv, v.title_en)"
    " FROM activities a JOIN organisations o ON o.id = a.organisation_id"
    " JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.published_version"
    " JOIN users u ON u.id IN (a.submitted_by, a.created_by) OR u.id IN (SELECT m.user_id"
    "  FROM memberships m WHERE m.organisation_id = a.organisation_id AND m.role = 'main'"
    "  AND m.status = 'active')"
    " WHERE a.id = $1::bigint";

static const char SQL_MAIL[] =
    "INSERT INTO mail_outbox (kind, recipient, lang, subject, body)"
    " VALUES ($1, $2, $3, $4, $5)";

typedef struct {
    apr_pool_t *p;
    PGconn *conn;
    const kt_admin_daily_opts *o;
    const kt_catalog *cat;
    int missing;
} run;

static const char *site_url(run *r, const char *path)
{
    return apr_pstrcat(r->p, r->o->base_url, path, NULL);
}

/* The mail of `kind` about listing id to each of its people. */
static int mail(run *r, const char *id, const char *kind, const char *due)
{
    const char *params[1] = { id };
    PGresult *res = kt_admin_query(r->conn, SQL_RECIPIENTS, 1, params);
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
                        site_url(r, apr_pstrcat(r->p, "/", kt_lang_codes[lang],
                                                "/manage/activities/", id, NULL)),
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

/* Archives the listings `due` selects, for `reason`; *count of them. */
static int archive(run *r, const char *due, const char *reason, const char *action,
                   const char *kind, int *count)
{
    const char *now[1] = { r->o->now };
    PGresult *res = kt_admin_query(r->conn, due, 1, now);
    int i, ok = res != NULL;

    *count = ok ? PQntuples(res) : 0;
    for (i = 0; ok && i < PQntuples(res); i++) {
        const char *id = PQgetvalue(res, i, 0), *version = PQgetvalue(res, i, 1);
        const char *upd[3] = { r->o->now, id, reason };
        const char *audit[4] = { r->o->now, action, id, version };
        ok = kt_admin_exec(r->conn, SQL_ARCHIVE, 3, upd)
             && kt_admin_exec(r->conn, SQL_AUDIT, 4, audit)
             && mail(r, id, kind, NULL);
    }
    PQclear(res);
    return ok;
}

static int remind(run *r, int *count)
{
    const char *now[1] = { r->o->now };
    PGresult *res = kt_admin_query(r->conn, SQL_REMIND, 1, now);
    int i, ok = res != NULL;

    *count = ok ? PQntuples(res) : 0;
    for (i = 0; ok && i < PQntuples(res); i++) {
        const char *upd[2] = { r->o->now, PQgetvalue(res, i, 0) };
        ok = kt_admin_exec(r->conn, SQL_REMINDED, 2, upd)
             && mail(r, PQgetvalue(res, i, 0), "listing_reminder", PQgetvalue(res, i, 2));
    }
    PQclear(res);
    return ok;
}

int kt_admin_daily(apr_pool_t *p, PGconn *conn, const kt_admin_daily_opts *o)
{
    run r = { p, conn, o, NULL, 0 };
    kt_catalog *cat = NULL;
    const char *err;
    int ended = 0, expired = 0, reminded = 0, ok;

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
    ok = kt_admin_exec(conn, "BEGIN", 0, NULL)
         && archive(&r, SQL_ENDED, "ended", "activity.end", "listing_ended", &ended)
         && archive(&r, SQL_UNCONFIRMED, "unconfirmed", "activity.expire", "listing_expired",
                    &expired)
         && remind(&r, &reminded);
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
