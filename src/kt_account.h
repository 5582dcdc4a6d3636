/* Accounts: registration, address verification, sign-in and sign-out,
 * password reset (ROUTES.md, "Accounts").  Page types register,
 * register-sent, verify, login, reset-request, reset-sent, reset-new and
 * reset-invalid, all rendered by xslt/account.xsl.
 *
 * No answer tells whether an address has an account: registering a taken
 * address, resetting an unknown one and a wrong password for an unknown
 * one look and take the same as the other case; what differs goes to the
 * address's own mailbox. */
#ifndef KT_ACCOUNT_H
#define KT_ACCOUNT_H

#include "kt_private.h"

int kt_page_register(kt_req *kr, const char *arg);
int kt_page_register_sent(kt_req *kr, const char *arg);
int kt_page_verify(kt_req *kr, const char *token);
int kt_page_login(kt_req *kr, const char *arg);
int kt_page_logout(kt_req *kr, const char *arg);
int kt_page_reset_request(kt_req *kr, const char *arg);
int kt_page_reset_sent(kt_req *kr, const char *arg);
int kt_page_reset(kt_req *kr, const char *token);

#endif
