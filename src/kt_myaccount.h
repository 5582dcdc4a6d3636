/* One's own account (issue 14, ROUTES.md "Accounts"): details and the
 * language of emails, the password, the email address, a copy of one's data
 * and deleting the account.  Page types account, account-password,
 * account-email, account-email-confirm, account-email-invalid and
 * account-delete, rendered by xslt/myaccount.xsl.
 *
 * Every route is for a signed-in person and only ever reads or changes that
 * person's own row: no route takes a user id.  What costs a bcrypt (the
 * current password asked by the password, address and delete forms) is
 * throttled as sign-in is; what sends mail is counted per client and per
 * target address too. */
#ifndef KT_MYACCOUNT_H
#define KT_MYACCOUNT_H

#include "kt_private.h"

int kt_page_account(kt_req *kr, const char *arg);
int kt_page_account_password(kt_req *kr, const char *arg);
int kt_page_account_email(kt_req *kr, const char *arg);
int kt_page_account_email_confirm(kt_req *kr, const char *token);
int kt_page_account_data(kt_req *kr, const char *arg);
int kt_page_account_delete(kt_req *kr, const char *arg);

#endif
