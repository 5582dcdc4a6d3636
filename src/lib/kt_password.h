/* Password rules and hashing.  Pure: tools/kt-admin uses the same code as
 * the module, so a password set from the command line is stored exactly as
 * one set through the site. */
#ifndef KT_PASSWORD_H
#define KT_PASSWORD_H

#include <apr_pools.h>

#define KT_PASSWORD_MIN_CHARS 12
#define KT_PASSWORD_MAX_CHARS 256
#define KT_BCRYPT_COST 11

typedef enum {
    KT_PW_OK = 0,
    KT_PW_TOO_SHORT,    /* fewer than KT_PASSWORD_MIN_CHARS characters */
    KT_PW_TOO_LONG,
    KT_PW_COMMON,       /* a common password, word, sequence or repetition */
    KT_PW_PERSONAL      /* the person's own name or email address */
} kt_pw_verdict;

/* Judges a new password.  personal is a NULL-terminated list of what the
 * person told us about themselves (email, first name, last name); entries
 * may be NULL or empty. */
kt_pw_verdict kt_password_judge(apr_pool_t *p, const char *pw, const char *const *personal);

/* bcrypt (cost KT_BCRYPT_COST, apr_bcrypt_encode) of the password's SHA-256:
 * bcrypt reads only 72 bytes, and a long passphrase should count whole. */
apr_status_t kt_password_hash(apr_pool_t *p, const char *pw, char **hash);

/* 1 when pw matches hash (made by kt_password_hash).  A hash of any other
 * kind never matches: apr_password_validate would otherwise fall back to
 * crypt(3) schemes. */
int kt_password_verify(apr_pool_t *p, const char *pw, const char *hash);

/* A hash of a password nobody knows, with our cost: verifying against it
 * when an account does not exist takes as long as a real check, so the
 * answer's timing does not tell which addresses have accounts. */
extern const char kt_password_dummy_hash[];

#endif
