/* Statement labels; see kt_labels.h. */
#include <string.h>
#include <apr_hash.h>
#include <apr_strings.h>
#include "kt_labels.h"

int kt_label_ok(const char *label)
{
    apr_size_t n = label ? strlen(label) : 0, i;

    if (n < 4 || n > 63 || strncmp(label, "kt_", 3) != 0) {
        return 0;
    }
    for (i = 3; i < n; i++) {
        char c = label[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return 0;
        }
    }
    return 1;
}

const char *kt_labels_check(apr_pool_t *p, const char *const *labels, int n)
{
    apr_hash_t *seen = apr_hash_make(p);
    int i;

    for (i = 0; i < n; i++) {
        const char *l = labels[i];
        if (!kt_label_ok(l)) {
            return apr_psprintf(p, "statement label \"%s\" is not kt_ followed by lower-case"
                                " letters, digits and underscores (at most 63 bytes)",
                                l ? l : "(null)");
        }
        if (apr_hash_get(seen, l, APR_HASH_KEY_STRING)) {
            return apr_psprintf(p, "statement label \"%s\" is used by two statements: each"
                                " connection would run one in place of the other", l);
        }
        apr_hash_set(seen, l, APR_HASH_KEY_STRING, l);
    }
    return NULL;
}
