/* Statement labels (kt_db.h): each becomes the name of a prepared statement
 * on every connection (ARCHITECTURE.md pitfall 3), and each connection keeps
 * its statements by label.  Two statements with one label would run each
 * other's SQL; a label PostgreSQL does not take as an identifier would fail
 * at the first request.  Both are found when the module starts.  Pure. */
#ifndef KT_LABELS_H
#define KT_LABELS_H

#include <apr_pools.h>

/* 1 when label is "kt_" then [a-z0-9_], at most 63 bytes (PostgreSQL's
 * NAMEDATALEN - 1): an identifier, and one kt_db knows as its own. */
int kt_label_ok(const char *label);

/* Checks n labels: NULL when each is good and used once, else a sentence
 * naming the first bad or repeated one. */
const char *kt_labels_check(apr_pool_t *p, const char *const *labels, int n);

#endif
