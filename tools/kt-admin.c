/* kt-admin — the command-line companion of mod_kotoutuminen.
 *
 *   kt-admin [--db CONNINFO] send-mail [--once] [--sendmail PATH] [--from ADDRESS]
 *   kt-admin [--db CONNINFO] create-moderator EMAIL [--first NAME] [--last NAME]
 *                            [--lang fi|sv|en] [--base-url URL]
 *   kt-admin [--db CONNINFO] cleanup
 *   kt-admin [--db CONNINFO] daily [--now RFC3339] [--base-url URL] [--stylesheets DIR]
 *                            [--dry-run]
 *   kt-admin hash-password            (a password on standard input)
 *
 * The database comes from --db or libpq's environment (PGHOST, PGPORT, PGUSER,
 * PGDATABASE, PGPASSWORD or ~/.pgpass).  Exit status: 0 done, 1 failure, 2 usage.
 *
 * send-mail delivers the outbox (sql/005_accounts.sql, mail_outbox) through a
 * sendmail-compatible program (default /usr/sbin/sendmail: Postfix, Exim, or
 * msmtp/ssmtp for an SMTP relay).  Rows are claimed with FOR UPDATE SKIP
 * LOCKED, so several senders on several machines never send one mail twice
 * at the same time; a failure is retried with doubling delays and given up
 * (status 'failed') after MAX_ATTEMPTS.  Without --once it keeps running and
 * wakes on NOTIFY kt_mail, which the outbox's trigger sends on every insert.
 * A crash between sending and the commit sends that mail again on the next
 * run: delivery is at least once, never lost.
 *
 * create-moderator makes an account a moderator, creating it when needed.
 * The password comes from the environment variable KT_ADMIN_PASSWORD (nothing
 * is ever prompted, so it runs in scripts and CI), checked by the site's own
 * rules; without it a one-time password link (valid 24 hours) is printed.
 * An existing account keeps no password, session, link or registration it
 * had: the new password is the one given or set with the printed link.
 *
 * daily archives listings that ended or were not confirmed for a year and
 * reminds their organisations a month before (tools/kt_admin_daily.c). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <libpq-fe.h>
#include <apr_general.h>
#include <apr_strings.h>
#include <apr_base64.h>
#include "kt_crypto.h"
#include "kt_password.h"
#include "kt_validate.h"
#include "kt_text.h"
#include "kt_admin.h"

#define DEFAULT_SENDMAIL "/usr/sbin/sendmail"
#define DEFAULT_FROM "Kotoutumisen tuki <noreply@localhost>"
#define BATCH 50
#define MAX_ATTEMPTS 12
#define FIRST_RETRY 60          /* seconds; doubles up to MAX_RETRY */
#define MAX_RETRY 21600
#define SENDMAIL_TIMEOUT 60
#define IDLE_WAKEUP 60          /* seconds between looks at the outbox when idle */
#define RESET_LINK_TTL 86400
#ifndef KT_DEFAULT_XSLT
#define KT_DEFAULT_XSLT "/usr/local/share/kotoutuminen/xslt"
#endif

typedef struct {
    apr_pool_t *pool;
    PGconn *conn;
    const char *sendmail;
    const char *from;
    int once;
} sender;

static void usage(void)
{
    fputs("usage: kt-admin [--db CONNINFO] send-mail [--once] [--sendmail PATH] [--from ADDR]\n"
          "       kt-admin [--db CONNINFO] create-moderator EMAIL [--first NAME] [--last NAME]\n"
          "                                [--lang fi|sv|en] [--base-url URL]\n"
          "       kt-admin [--db CONNINFO] cleanup\n"
          "       kt-admin [--db CONNINFO] daily [--now TIME] [--base-url URL]\n"
          "                                [--stylesheets DIR] [--dry-run]\n"
          "       kt-admin hash-password < password\n", stderr);
}

/* ---- database -------------------------------------------------------------------- */

static PGconn *connect_db(const char *conninfo)
{
    PGconn *conn = PQconnectdb(conninfo ? conninfo : "");

    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "kt-admin: cannot connect to the database: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return NULL;
    }
    return conn;
}

PGresult *kt_admin_query(PGconn *conn, const char *sql, int n, const char *const *params)
{
    PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);

    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        /* SQLSTATE and names only: the message and its DETAIL carry the row's
         * values (addresses, hashes, people's text), which logs must not */
        const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
        const char *table = res ? PQresultErrorField(res, PG_DIAG_TABLE_NAME) : NULL;
        const char *constraint = res ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : NULL;
        fprintf(stderr, "kt-admin: a statement failed: SQLSTATE %s%s%s%s%s\n",
                state ? state : (PQstatus(conn) == CONNECTION_OK ? "?" : "(connection lost)"),
                table ? ", table " : "", table ? table : "",
                constraint ? ", constraint " : "", constraint ? constraint : "");
        PQclear(res);
        return NULL;
    }
    return res;
}

int kt_admin_exec(PGconn *conn, const char *sql, int n, const char *const *params)
{
    PGresult *res = kt_admin_query(conn, sql, n, params);
    PQclear(res);
    return res != NULL;
}

/* ---- sending one mail ---------------------------------------------------------------- */

/* "=?UTF-8?B?…?=" when the subject is not plain ASCII (RFC 2047). */
static const char *encode_subject(apr_pool_t *p, const char *s)
{
    const unsigned char *c;
    char *out;

    for (c = (const unsigned char *)s; *c && *c < 0x80; c++) {
    }
    if (!*c) {
        return s;
    }
    out = apr_palloc(p, (apr_size_t)apr_base64_encode_len((int)strlen(s)));
    apr_base64_encode(out, s, (int)strlen(s));
    return apr_pstrcat(p, "=?UTF-8?B?", out, "?=", NULL);
}

static char *message(apr_pool_t *p, const sender *snd, const char *id, const char *to,
                     const char *subject, const char *body)
{
    char date[64];
    time_t now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return apr_psprintf(p,
        "From: %s\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: <kt-%s-%ld@kotoutuminen>\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\nAuto-Submitted: auto-generated\n\n%s",
        snd->from, to, encode_subject(p, subject), date, id, (long)now, body);
}

/* Waits for the child, killing it after SENDMAIL_TIMEOUT; its exit status or -1. */
static int wait_child(pid_t pid)
{
    int status, i;

    for (i = 0; i < SENDMAIL_TIMEOUT * 10; i++) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        if (w < 0) {
            return -1;
        }
        usleep(100000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

/* Pipes msg into `sendmail -i -- to`.  The recipient is an argument after
 * "--", never read from the headers (-t): no header can add recipients.
 * NULL on success, else why not. */
static const char *run_sendmail(apr_pool_t *p, const sender *snd, const char *to, const char *msg)
{
    int fds[2], rc;
    pid_t pid;
    size_t len = strlen(msg), off = 0;

    if (pipe(fds) != 0) {
        return apr_psprintf(p, "pipe: %s", strerror(errno));
    }
    pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return apr_psprintf(p, "fork: %s", strerror(errno));
    }
    if (pid == 0) {
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl(snd->sendmail, "sendmail", "-i", "--", to, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    while (off < len) {
        ssize_t n = write(fds[1], msg + off, len - off);
        if (n <= 0) {
            break;
        }
        off += (size_t)n;
    }
    close(fds[1]);
    rc = wait_child(pid);
    if (rc != 0 || off < len) {
        return apr_psprintf(p, "%s exited with status %d%s", snd->sendmail, rc,
                            off < len ? " before reading the message" : "");
    }
    return NULL;
}

/* ---- send-mail ------------------------------------------------------------------------ */

static int mark(PGconn *conn, const char *id, const char *error, int attempts)
{
    char delay[32], tries[16];
    long d = FIRST_RETRY;
    int i;
    const char *params[4];

    for (i = 1; i < attempts && d < MAX_RETRY; i++) {
        d *= 2;
    }
    snprintf(delay, sizeof(delay), "%ld", d < MAX_RETRY ? d : MAX_RETRY);
    snprintf(tries, sizeof(tries), "%d", MAX_ATTEMPTS);
    if (!error) {
        params[0] = id;
        return kt_admin_exec(conn, "UPDATE mail_outbox SET status = 'sent', sent_at = now(),"
                       " attempts = attempts + 1, last_error = NULL WHERE id = $1::bigint",
                       1, params);
    }
    params[0] = id;
    params[1] = error;
    params[2] = delay;
    params[3] = tries;
    return kt_admin_exec(conn, "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,"
                   " next_attempt_at = now() + make_interval(secs => $3::int),"
                   " status = CASE WHEN attempts + 1 >= $4::int THEN 'failed' ELSE 'pending' END"
                   " WHERE id = $1::bigint", 4, params);
}

/* Sends one batch of due mails in one transaction; *count gets how many
 * rows were tried.  0 on a database failure. */
static int send_batch(sender *snd, int *count)
{
    char limit[16];
    const char *params[1] = { limit };
    PGresult *res;
    int i, ok = 1;

    snprintf(limit, sizeof(limit), "%d", BATCH);
    *count = 0;
    if (!kt_admin_exec(snd->conn, "BEGIN", 0, NULL)) {
        return 0;
    }
    res = kt_admin_query(snd->conn, "SELECT id, recipient, subject, body, attempts FROM mail_outbox"
                " WHERE status = 'pending' AND next_attempt_at <= now()"
                " ORDER BY id LIMIT $1::int FOR UPDATE SKIP LOCKED", 1, params);
    for (i = 0; res && ok && i < PQntuples(res); i++) {
        apr_pool_t *p;
        const char *id = PQgetvalue(res, i, 0), *to = PQgetvalue(res, i, 1), *err;
        apr_pool_create(&p, snd->pool);
        err = run_sendmail(p, snd, to, message(p, snd, id, to, PQgetvalue(res, i, 2),
                                                PQgetvalue(res, i, 3)));
        if (err) {
            fprintf(stderr, "kt-admin: mail %s to %s not sent: %s\n", id, to, err);
        }
        ok = mark(snd->conn, id, err, atoi(PQgetvalue(res, i, 4)) + 1);
        apr_pool_destroy(p);
    }
    *count = res ? PQntuples(res) : 0;
    PQclear(res);
    return kt_admin_exec(snd->conn, ok && res ? "COMMIT" : "ROLLBACK", 0, NULL) && ok && res;
}

/* Sleeps until a NOTIFY kt_mail arrives or IDLE_WAKEUP passes. */
static int wait_for_mail(PGconn *conn)
{
    fd_set fds;
    struct timeval tv = { IDLE_WAKEUP, 0 };
    int sock = PQsocket(conn);
    PGnotify *n;

    if (sock < 0) {
        return 0;
    }
    FD_ZERO(&fds);
    FD_SET(sock, &fds);
    if (select(sock + 1, &fds, NULL, NULL, &tv) < 0 && errno != EINTR) {
        return 0;
    }
    if (!PQconsumeInput(conn)) {
        return 0;
    }
    while ((n = PQnotifies(conn)) != NULL) {
        PQfreemem(n);
    }
    return 1;
}

static int cmd_send_mail(sender *snd)
{
    int count;

    signal(SIGPIPE, SIG_IGN);
    if (!snd->once && !kt_admin_exec(snd->conn, "LISTEN kt_mail", 0, NULL)) {
        return 1;
    }
    for (;;) {
        do {
            if (!send_batch(snd, &count)) {
                return 1;
            }
        } while (count == BATCH);
        if (snd->once) {
            return 0;
        }
        if (!wait_for_mail(snd->conn)) {
            fprintf(stderr, "kt-admin: lost the database connection: %s",
                    PQerrorMessage(snd->conn));
            return 1;
        }
    }
}

/* ---- create-moderator ---------------------------------------------------------------------- */

typedef struct {
    const char *email;
    const char *first;
    const char *last;
    const char *lang;
    const char *base_url;
} moderator;

/* The password of KT_ADMIN_PASSWORD as a hash, "" when not given, NULL
 * when it breaks the rules (said why). */
static const char *password_from_env(apr_pool_t *p, const moderator *m)
{
    const char *pw = getenv("KT_ADMIN_PASSWORD");
    const char *personal[4] = { m->email, m->first, m->last, NULL };
    char *hash;

    if (!pw || !*pw) {
        return "";
    }
    if (kt_password_judge(p, pw, personal) != KT_PW_OK) {
        fprintf(stderr, "kt-admin: KT_ADMIN_PASSWORD is too short or too easy to guess"
                " (at least %d characters, not a common password or your name)\n",
                KT_PASSWORD_MIN_CHARS);
        return NULL;
    }
    if (kt_password_hash(p, pw, &hash) != APR_SUCCESS) {
        fprintf(stderr, "kt-admin: hashing the password failed\n");
        return NULL;
    }
    return hash;
}

/* Creates or promotes the account; its id, or NULL.  An existing account
 * loses its password (link mode: '!' until the emailed link sets one; else
 * the one given), every session, link and pending registration: whoever
 * registered the address before cannot sign in as a moderator with what
 * they typed.  An address nobody confirmed takes the names given here too. */
static const char *upsert_moderator(apr_pool_t *p, PGconn *conn, const moderator *m,
                                    const char *hash)
{
    const char *params[5] = { m->email, m->first, m->last, *hash ? hash : "!", m->lang };
    const char *id = NULL, *uid[1];
    PGresult *res = kt_admin_query(conn,
        "INSERT INTO users (email, first_name, last_name, password_hash, lang, is_moderator,"
        " email_verified_at, password_changed_at)"
        " VALUES ($1, $2, $3, $4, $5, true, now(), now())"
        " ON CONFLICT ((lower(email))) DO UPDATE SET is_moderator = true,"
        " email = CASE WHEN users.email_verified_at IS NULL THEN EXCLUDED.email"
        "  ELSE users.email END,"
        " first_name = CASE WHEN users.email_verified_at IS NULL THEN EXCLUDED.first_name"
        "  ELSE users.first_name END,"
        " last_name = CASE WHEN users.email_verified_at IS NULL THEN EXCLUDED.last_name"
        "  ELSE users.last_name END,"
        " phone = CASE WHEN users.email_verified_at IS NULL THEN NULL ELSE users.phone END,"
        " password_hash = EXCLUDED.password_hash, password_changed_at = now(),"
        " email_verified_at = coalesce(users.email_verified_at, now())"
        " RETURNING id", 5, params);

    if (res && PQntuples(res) == 1) {
        id = apr_pstrdup(p, PQgetvalue(res, 0, 0));
    }
    PQclear(res);
    uid[0] = id;
    if (id && (!kt_admin_exec(conn, "DELETE FROM sessions WHERE user_id = $1::bigint", 1, uid)
               || !kt_admin_exec(conn, "UPDATE account_tokens SET used_at = now()"
                                 " WHERE user_id = $1::bigint AND used_at IS NULL", 1, uid)
               || !kt_admin_exec(conn, "DELETE FROM registrations WHERE user_id = $1::bigint",
                                 1, uid))) {
        return NULL;
    }
    return id;
}

/* A one-time link to set the password; the token's hash is stored. */
static const char *reset_link(apr_pool_t *p, PGconn *conn, const moderator *m, const char *id)
{
    char *token, ttl[16];
    const char *params[3];

    if (kt_token_new(p, &token) != APR_SUCCESS) {
        fprintf(stderr, "kt-admin: no random bytes for a link\n");
        return NULL;
    }
    snprintf(ttl, sizeof(ttl), "%d", RESET_LINK_TTL);
    params[0] = kt_sha256_hex(p, token);
    params[1] = id;
    params[2] = ttl;
    if (!kt_admin_exec(conn, "INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at)"
                 " VALUES (decode($1, 'hex'), $2::bigint, 'reset',"
                 " now() + make_interval(secs => $3::int))", 3, params)) {
        return NULL;
    }
    {
        /* the base without trailing slashes, as KotoutuminenBaseURL is written */
        char *base = apr_pstrdup(p, m->base_url);
        size_t n = strlen(base);
        while (n && base[n - 1] == '/') {
            base[--n] = '\0';
        }
        return apr_pstrcat(p, base, "/", m->lang, "/password-reset/", token, NULL);
    }
}

static int cmd_create_moderator(apr_pool_t *p, PGconn *conn, const moderator *m)
{
    const char *hash, *id, *link = NULL, *audit[1];

    if (kt_valid_email(m->email) != KT_V_OK) {
        fprintf(stderr, "kt-admin: %s is not an email address\n", m->email);
        return 2;
    }
    if (kt_valid_line(m->first, 100, 1) != KT_V_OK || kt_valid_line(m->last, 100, 0) != KT_V_OK) {
        fprintf(stderr, "kt-admin: --first and --last take a name of at most 100 characters,"
                " without control characters\n");
        return 2;
    }
    if (kt_lang_from_code(m->lang) < 0) {
        fprintf(stderr, "kt-admin: --lang takes fi, sv or en\n");
        return 2;
    }
    hash = password_from_env(p, m);
    if (!hash) {
        return 2;
    }
    if (!*hash && !m->base_url) {
        fprintf(stderr, "kt-admin: without KT_ADMIN_PASSWORD a password link is printed,"
                " which needs --base-url or KT_BASE_URL\n");
        return 2;
    }
    if (!kt_admin_exec(conn, "BEGIN", 0, NULL)) {
        return 1;
    }
    id = upsert_moderator(p, conn, m, hash);
    audit[0] = id;
    if (id && !*hash) {
        link = reset_link(p, conn, m, id);
    }
    if (!id || (!*hash && !link)
        || !kt_admin_exec(conn, "INSERT INTO audit_log (action, object_type, object_id, subject_user_id)"
                    " VALUES ('user.make_moderator', 'user', $1::bigint, $1::bigint)", 1, audit)
        || !kt_admin_exec(conn, "COMMIT", 0, NULL)) {
        kt_admin_exec(conn, "ROLLBACK", 0, NULL);
        return 1;
    }
    printf("kt-admin: %s (user %s) is a moderator\n", m->email, id);
    if (link) {
        printf("Set the password within 24 hours, once: %s\n", link);
    }
    return 0;
}

/* ---- cleanup and hash-password --------------------------------------------------------------- */

/* What expired stays in the tables until this runs (a daily cron job). */
static int cmd_cleanup(PGconn *conn)
{
    return kt_admin_exec(conn, "BEGIN", 0, NULL)
        && kt_admin_exec(conn, "DELETE FROM sessions WHERE expires_at < now()"
                   " OR last_seen_at < now() - interval '1 day'", 0, NULL)
        && kt_admin_exec(conn, "DELETE FROM account_tokens WHERE expires_at < now() - interval '7 days'",
                   0, NULL)
        && kt_admin_exec(conn, "DELETE FROM login_throttle WHERE last_failure_at < now() - interval"
                   " '1 day' AND (locked_until IS NULL OR locked_until < now())", 0, NULL)
        && kt_admin_exec(conn, "DELETE FROM rate_limits WHERE window_start < now() - interval"
                   " '1 day'", 0, NULL)
        && kt_admin_exec(conn, "DELETE FROM registrations WHERE expires_at < now() - interval"
                   " '7 days'", 0, NULL)
        && kt_admin_exec(conn, "DELETE FROM mail_outbox WHERE status = 'sent'"
                   " AND sent_at < now() - interval '90 days'", 0, NULL)
        && kt_admin_exec(conn, "COMMIT", 0, NULL) ? 0 : 1;
}

static int cmd_hash_password(apr_pool_t *p)
{
    char line[1024], *hash;
    size_t n;

    if (!fgets(line, sizeof(line), stdin)) {
        return 2;
    }
    n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
        line[--n] = '\0';
    }
    if (kt_password_hash(p, line, &hash) != APR_SUCCESS) {
        return 1;
    }
    puts(hash);
    return 0;
}

/* ---- main --------------------------------------------------------------------------------------- */

/* The value after argv[*i] for an option that takes one. */
static const char *option_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "kt-admin: %s needs a value\n", argv[*i]);
        exit(2);
    }
    return argv[++*i];
}

static int parse_options(int argc, char **argv, int start, sender *snd, moderator *m,
                         kt_admin_daily_opts *d)
{
    int i;

    for (i = start; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--once") == 0) {
            snd->once = 1;
        }
        else if (strcmp(a, "--sendmail") == 0) {
            snd->sendmail = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--from") == 0) {
            snd->from = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--first") == 0) {
            m->first = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--last") == 0) {
            m->last = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--lang") == 0) {
            m->lang = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--base-url") == 0) {
            m->base_url = d->base_url = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--now") == 0) {
            d->now = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--stylesheets") == 0) {
            d->xslt_dir = option_value(argc, argv, &i);
        }
        else if (strcmp(a, "--dry-run") == 0) {
            d->dry_run = 1;
        }
        else if (a[0] != '-' && !m->email) {
            m->email = a;
        }
        else {
            return 0;
        }
    }
    return 1;
}

static int run(apr_pool_t *p, const char *conninfo, const char *cmd, sender *snd, moderator *m,
               const kt_admin_daily_opts *d)
{
    int rc;

    if (strcmp(cmd, "hash-password") == 0) {
        return cmd_hash_password(p);
    }
    snd->conn = connect_db(conninfo);
    if (!snd->conn) {
        return 1;
    }
    if (strcmp(cmd, "send-mail") == 0 && !m->email) {
        rc = cmd_send_mail(snd);
    }
    else if (strcmp(cmd, "create-moderator") == 0 && m->email) {
        rc = cmd_create_moderator(p, snd->conn, m);
    }
    else if (strcmp(cmd, "cleanup") == 0 && !m->email) {
        rc = cmd_cleanup(snd->conn);
    }
    else if (strcmp(cmd, "daily") == 0 && !m->email) {
        rc = kt_admin_daily(p, snd->conn, d);
    }
    else {
        usage();
        rc = 2;
    }
    PQfinish(snd->conn);
    return rc;
}

/* Commands are known before any connection is made: a typo or --help must not
 * first fail on the database. */
static int known_command(const char *cmd)
{
    static const char *const cmds[] = { "send-mail", "create-moderator", "cleanup", "daily",
                                        "hash-password", NULL };
    int i;

    for (i = 0; cmds[i] && strcmp(cmds[i], cmd) != 0; i++) {
    }
    return cmds[i] != NULL;
}

int main(int argc, char **argv)
{
    apr_pool_t *p;
    const char *conninfo = NULL;
    sender snd = { NULL, NULL, DEFAULT_SENDMAIL, DEFAULT_FROM, 0 };
    moderator m = { NULL, "Moderaattori", "", "fi", NULL };
    kt_admin_daily_opts d = { NULL, NULL, KT_DEFAULT_XSLT, 0 };
    int i = 1, rc;

    if (i + 1 < argc && strcmp(argv[i], "--db") == 0) {
        conninfo = argv[i + 1];
        i += 2;
    }
    if (i >= argc) {
        usage();
        return 2;
    }
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0
        || strcmp(argv[i], "help") == 0) {
        /* Asked for: the usage goes to standard output, and the status is 0. */
        fflush(stdout);
        dup2(STDOUT_FILENO, STDERR_FILENO);
        usage();
        return 0;
    }
    if (!known_command(argv[i])) {
        fprintf(stderr, "kt-admin: unknown command %s\n", argv[i]);
        usage();
        return 2;
    }
    apr_initialize();
    apr_pool_create(&p, NULL);
    snd.pool = p;
    if (getenv("KT_MAIL_FROM")) {
        snd.from = getenv("KT_MAIL_FROM");
    }
    m.base_url = d.base_url = getenv("KT_BASE_URL");
    if (getenv("KT_STYLESHEET_DIR")) {
        d.xslt_dir = getenv("KT_STYLESHEET_DIR");
    }
    if (!parse_options(argc, argv, i + 1, &snd, &m, &d)) {
        usage();
        rc = 2;
    }
    else {
        rc = run(p, conninfo, argv[i], &snd, &m, &d);
    }
    apr_pool_destroy(p);
    apr_terminate();
    return rc;
}
