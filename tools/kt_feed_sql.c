/* Prints a feed statement exactly as the module prepares it, with APR DBD's
 * %s placeholders numbered $1, $2, … as apr_dbd_pgsql does, so that it can be
 * PREPAREd and EXPLAINed in psql (bench/feed-rss, the integration tests).
 *
 *   build/kt-feed-sql state|items */
#include <stdio.h>
#include <string.h>
#include "kt_feed_sql.h"

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
        { "state", KT_FEED_SQL_STATE },
        { "items", KT_FEED_SQL_ITEMS },
    };
    size_t i;

    for (i = 0; argc == 2 && i < sizeof(stmts) / sizeof(stmts[0]); i++) {
        if (strcmp(argv[1], stmts[i].name) == 0) {
            print_numbered(stmts[i].sql);
            return 0;
        }
    }
    fprintf(stderr, "usage: %s state|items\n", argv[0]);
    return 2;
}
