/* The audit log's request and its export (GET /{lang}/moderation/log,
 * ROUTES.md): the filters `type`, `from`, `to`, the `page` and `format=csv`,
 * read with the search's decoder and rules (HACKING.md, "Search"), the
 * canonical links that keep the filters, and the CSV cells of the export.
 * Pure, unit-tested.
 *
 * The rules: names are case-sensitive and an unknown one is a 400
 * (unknown-param), the tracking parameters excepted; an empty value counts as
 * absent; each comes once (repeated); `type` is one of the types the caller
 * lists (unknown-value), `from` and `to` are dates, YYYY-MM-DD or as Finns
 * write them (15.1.2027), both days included, `to` not before `from`
 * (out-of-range); `page` 1 to KT_LOG_MAX_PAGE (out-of-range); `format` only
 * "csv" (unknown-value). */
#ifndef KT_LOGQUERY_H
#define KT_LOGQUERY_H

#include <apr_pools.h>

#define KT_LOG_MAX_PAGE 10000

typedef struct {
    const char *type;     /* an object type (audit_log.object_type), or NULL */
    const char *from;     /* YYYY-MM-DD, or NULL */
    const char *to;
    int page;             /* 1 without one */
    int csv;              /* format=csv */
} kt_logquery;

typedef struct {
    const char *param;    /* the parameter at fault; NULL for the query string as a whole */
    const char *reason;   /* as kt_send_bad_param takes them */
    const char *value;    /* the value at fault, when there is one */
} kt_logquery_error;

/* Reads raw (r->args, may be NULL); types: the known types, NULL-terminated.
 * 1 and *q, or 0 and *err. */
int kt_logquery_parse(apr_pool_t *p, const char *raw, const char *const *types,
                      kt_logquery *q, kt_logquery_error *err);

/* path with the query's filters (in the order type, from, to), then
 * page=N when page > 1, then format=csv when csv; each value
 * form-urlencoded. */
char *kt_logquery_href(apr_pool_t *p, const char *path, const kt_logquery *q, int page, int csv);

/* ---- CSV (RFC 4180) ---------------------------------------------------------- */

/* One cell: quoted when it holds a comma, a quote, CR or LF (quotes doubled),
 * and, since spreadsheet programs run a cell that starts with =, +, -, @, tab
 * or CR as a formula, such a cell gets an apostrophe in front (OWASP, "CSV
 * injection").  NULL is an empty cell. */
char *kt_csv_cell(apr_pool_t *p, const char *s);

/* The cells joined with commas and ended with CR LF. */
char *kt_csv_row(apr_pool_t *p, const char *const *cells, int n);

/* What a CSV file begins with so that spreadsheet programs read it as UTF-8. */
#define KT_CSV_BOM "\xef\xbb\xbf"

#endif
