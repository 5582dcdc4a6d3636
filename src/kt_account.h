/* Accounts: registration, confirming the address, sign-in and sign-out,
 * password reset (ROUTES.md, "Accounts").  Page types register,
 * register-sent, resend, verify, verify-invalid, login, reset-request,
 * reset-sent, reset-new and reset-invalid, all rendered by xslt/account.xsl.
 *
 * No answer tells whether an address has an account: registering a taken
 * address, resetting an unknown one and a wrong password for an unknown
 * one look and take the same as the other case; what differs goes to the
 * address's own mailbox.
 *
 * Who owns an address (issue 10): registering stores the registrant's
 * password and details in `registrations`, never in the account, and mails a
 * link.  Opening the link asks for the password of one's own registration;
 * only whoever has the mailbox and that password confirms, and the account
 * then takes that registration's details and password, nothing else anyone
 * typed.  Until then nobody can sign in with the address. */
#ifndef KT_ACCOUNT_H
#define KT_ACCOUNT_H

#include "kt_private.h"
#include "kt_db.h"

int kt_page_register(kt_req *kr, const char *arg);
int kt_page_register_sent(kt_req *kr, const char *arg);
int kt_page_register_resend(kt_req *kr, const char *arg);
int kt_page_verify(kt_req *kr, const char *token);
int kt_page_login(kt_req *kr, const char *arg);
int kt_page_logout(kt_req *kr, const char *arg);
int kt_page_reset_request(kt_req *kr, const char *arg);
int kt_page_reset_sent(kt_req *kr, const char *arg);
int kt_page_reset(kt_req *kr, const char *token);

/* "/{lang}" + path, in the request's pool. */
const char *kt_account_path(kt_req *kr, const char *path);

/* A single-use link of purpose (verify, reset, email) for user_id, valid
 * ttl seconds: the token's hash stored (with new_email for "email", else
 * NULL), *url the absolute address of page + token.  In a transaction. */
kt_db_status kt_account_issue_token(kt_req *kr, kt_db *db, const char *user_id,
                                    const char *purpose, int ttl, const char *page,
                                    const char *new_email, const char **url);

/* Checks a password someone typed against hash, throttled as sign-in is
 * (kt_throttle_attempt for the account's address email and the client):
 * DECLINED with *ok set, or the status of the 429 or database failure page
 * already sent. */
int kt_account_password_ok(kt_req *kr, kt_db *db, const char *email, const char *password,
                           const char *hash, int *ok);

/* The form error code of a new password (password.missing, .too_short, …)
 * judged against what the person told about themselves, or NULL. */
const char *kt_account_password_problem(apr_pool_t *p, const char *password,
                                        const char *const *personal);

#endif
