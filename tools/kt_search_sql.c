/* Prints a search statement exactly as the module prepares it, with APR DBD's
 * %s placeholders numbered $1, $2, … as apr_dbd_pgsql does, so that it can be
 * PREPAREd and EXPLAINed in psql (bench/run, tests/integration/test_search.py).
 *
 *   build/kt-search-sql counts-r|counts-dim|counts-stored|cache-get|cache-put|vocab|languages|results|order|order-put|summaries */
#include <stdio.h>
#include <string.h>
#include "kt_search_sql.h"

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
    static const struct { const char *name, *sql; } stmts[] = {
        { "counts-r", KT_SEARCH_SQL_COUNTS_R },
        { "counts-dim", KT_SEARCH_SQL_COUNTS_DIM },
        { "counts-stored", KT_SEARCH_SQL_COUNTS_STORED },
        { "cache-get", KT_SEARCH_SQL_CACHE_GET },
        { "cache-put", KT_SEARCH_SQL_CACHE_PUT },
        { "vocab", KT_SEARCH_SQL_VOCAB("fi") },
        { "languages", KT_SEARCH_SQL_LANGUAGES("fi") },
        { "results", KT_SEARCH_SQL_RESULTS },
        { "order", KT_SEARCH_SQL_ORDER },
        { "order-put", KT_SEARCH_SQL_ORDER_PUT },
        { "summaries", KT_SEARCH_SQL_SUMMARIES },
    };
    size_t i;

    for (i = 0; argc == 2 && i < sizeof(stmts) / sizeof(stmts[0]); i++) {
        if (strcmp(argv[1], stmts[i].name) == 0) {
            print_numbered(stmts[i].sql);
            return 0;
        }
    }
    fprintf(stderr, "usage: %s counts-r|counts-dim|counts-stored|cache-get|cache-put|vocab|languages|results|order|order-put|summaries\n", argv[0]);
    return 2;
}
