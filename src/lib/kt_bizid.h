/* Finnish business ID (Y-tunnus): 7 digits, hyphen, check digit. */
#ifndef KT_BIZID_H
#define KT_BIZID_H

typedef enum {
    KT_BIZID_OK = 0,
    KT_BIZID_MALFORMED,   /* not NNNNNNN-N */
    KT_BIZID_CHECKSUM     /* well-formed, wrong check digit (or remainder 1) */
} kt_bizid_result;

kt_bizid_result kt_bizid_check(const char *s);

#endif
