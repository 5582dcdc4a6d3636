/* Prints a search or feed statement exactly as the module prepares it, with
 * APR DBD's %s placeholders numbered $1, $2, … as apr_dbd_pgsql does, so that
 * it can be PREPAREd and EXPLAINed in psql (bench/run, bench/feed-rss, the
 * integration tests).  Built as build/kt-search-sql and build/kt-feed-sql;
 * either takes any of the names below.
 *
 *   build/kt-search-sql NAME */
#include <stdio.h>
#include <string.h>
#include "kt_search_sql.h"
#include "kt_feed_sql.h"
#include "kt_filter.h"
#include <apr_general.h>

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
    for (i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++) {
        if (strcmp(stmts[i].name, "counts-r") == 0) {
            stmts[i].sql = kt_filter_sql_counts_r(p, t);
        }
        else if (strcmp(stmts[i].name, "counts-dim") == 0) {
            stmts[i].sql = kt_filter_sql_counts_dim(p, t);
        }
        else {
            stmts[i].sql = kt_filter_sql_expand(p, t, stmts[i].sql);
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
