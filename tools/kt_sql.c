/* Prints a search or feed statement exactly as the module prepares it, with
 * APR DBD's %s placeholders numbered $1, $2, … as apr_dbd_pgsql does, so that
 * it can be PREPAREd and EXPLAINed in psql (bench/run, bench/feed-rss, the
 * integration tests).  Built as build/kt-search-sql and build/kt-feed-sql;
 * either takes any of the names below.
 *
 *   build/kt-search-sql NAME
 *
 * and the arguments the module gives the search statements for a search, so
 * that the benchmark runs them as the module does (kt_search_parse, then
 * kt_search_sql_args, the module's own code):
 *
 *   build/kt-search-sql q QUERY                 q of the query string, decoded
 *   build/kt-search-sql args LANG QUERY [TSQ EXACT]
 *       the statements' parameters as SQL literals, comma-separated; TSQ and
 *       EXACT are what kt_search_expand(q) returned (query, exact) */
#include <stdio.h>
#include <string.h>
#include "kt_search_sql.h"
#include "kt_feed_sql.h"
#include "kt_filter.h"
#include "kt_search.h"
#include <apr_general.h>
#include <apr_strings.h>

static void print_numbered(const char *sql)
{
    int n = 0;
    const char *s;

    for (s = sql; *s; s++) {
        if (s[0] == '%' && s[1] == 's') {
            printf("$%d", ++n);
            s++;
        }
        else if (s[0] == '%' && s[1] == '%') {
            putchar('%');
            s++;
        }
        else {
            putchar(*s);
        }
    }
    putchar('\n');
}

/* value as an SQL literal: NULL, or quoted with quotes doubled. */
static void print_literal(const char *value)
{
    const char *c;

    if (!value) {
        fputs("NULL", stdout);
        return;
    }
    putchar('\'');
    for (c = value; *c; c++) {
        if (*c == '\'') {
            putchar('\'');
        }
        putchar(*c);
    }
    putchar('\'');
}

/* The q and args modes (see the top); returns the exit status. */
static int search_args(apr_pool_t *p, int argc, char **argv)
{
    const char *args[KT_SEARCH_NARGS];
    const char *query = argc >= 3 ? argv[argc == 3 ? 2 : 3] : NULL;
    kt_search s;
    kt_search_error err;
    int i;

    if (!query || (strcmp(argv[1], "q") == 0 && argc != 3)
        || (strcmp(argv[1], "args") == 0 && argc != 4 && argc != 6)) {
        fprintf(stderr, "usage: %s q QUERY | args LANG QUERY [TSQ EXACT]\n", argv[0]);
        return 2;
    }
    if (!kt_search_parse(p, &kt_activity_filters, query, &s, NULL, &err)) {
        fprintf(stderr, "%s: %s: %s\n", argv[0], err.param ? err.param : "query", err.reason);
        return 1;
    }
    if (strcmp(argv[1], "q") == 0) {
        printf("%s\n", s.q ? s.q : "");
        return 0;
    }
    /* as kt_search_check_codes leaves them after kt_search_expand */
    s.tsq = argc == 6 ? argv[4] : "";
    s.tsq_exact = argc == 6 && *argv[5] ? argv[5] : NULL;
    kt_search_sql_args(p, &s, argv[2], args);
    for (i = 0; i < KT_SEARCH_NARGS; i++) {
        fputs(i ? ", " : "", stdout);
        print_literal(args[i]);
    }
    putchar('\n');
    return 0;
}

int main(int argc, char **argv)
{
    /* the statements with filters are built from the filter table, as the module does */
    static struct { const char *name, *sql; } stmts[] = {
        { "counts-r", NULL },
        { "counts-dim", NULL },
        { "counts-stored", KT_SEARCH_SQL_COUNTS_STORED },
        { "cache-get", KT_SEARCH_SQL_CACHE_GET },
        { "cache-put", KT_SEARCH_SQL_CACHE_PUT },
        { "vocab", KT_SEARCH_SQL_VOCAB("fi") },
        { "languages", KT_SEARCH_SQL_LANGUAGES("fi") },
        { "results", KT_SEARCH_SQL_RESULTS },
        { "order", KT_SEARCH_SQL_ORDER },
        { "order-put", KT_SEARCH_SQL_ORDER_PUT },
        { "summaries", KT_SEARCH_SQL_SUMMARIES },
        { "expand", KT_SEARCH_SQL_EXPAND },
        { "state", KT_FEED_SQL_STATE },
        { "items", KT_FEED_SQL_ITEMS },
    };
    const kt_filter_table *t = &kt_activity_filters;
    apr_pool_t *p;
    size_t i;

    apr_initialize();
    apr_pool_create(&p, NULL);
    if (argc >= 2 && (strcmp(argv[1], "q") == 0 || strcmp(argv[1], "args") == 0)) {
        return search_args(p, argc, argv);
    }
    for (i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++) {
        if (strcmp(stmts[i].name, "counts-r") == 0) {
            stmts[i].sql = kt_filter_sql_counts_r(p, t);
        }
        else if (strcmp(stmts[i].name, "counts-dim") == 0) {
            stmts[i].sql = kt_filter_sql_counts_dim(p, t);
        }
        else {
            /* the feed's (state, items) leave out what the feed does not take */
            stmts[i].sql = kt_filter_sql_expand(p, t, stmts[i].sql,
                                                strcmp(stmts[i].name, "state") == 0
                                                || strcmp(stmts[i].name, "items") == 0);
        }
    }
    for (i = 0; argc == 2 && i < sizeof(stmts) / sizeof(stmts[0]); i++) {
        if (strcmp(argv[1], stmts[i].name) == 0) {
            print_numbered(stmts[i].sql);
            return 0;
        }
    }
    fprintf(stderr, "usage: %s NAME, one of:", argv[0]);
    for (i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++) {
        fprintf(stderr, " %s", stmts[i].name);
    }
    fputc('\n', stderr);
    return 2;
}
