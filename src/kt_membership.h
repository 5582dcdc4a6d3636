/* Membership of organisations: asking to join one, and the main user's
 * decisions on its people (approve, decline, remove, hand the main-user
 * role on).  An organisation always keeps one active main user: checked
 * here before writing, and by a deferred trigger (sql/005_accounts.sql). */
#ifndef KT_MEMBERSHIP_H
#define KT_MEMBERSHIP_H

#include "kt_private.h"
#include "kt_db.h"

/* GET/POST /{lang}/manage/join: find an approved organisation by name or
 * business ID (GET ?q=), ask to join it (POST organisation=ID). */
int kt_page_join(kt_req *kr, const char *arg);

/* A main user's decision, POSTed to /{lang}/manage/organisations/{id} with
 * action=approve|decline|remove|make_main and member=USER_ID. */
int kt_membership_decide(kt_req *kr, kt_db *db, const char *org_id, const char *org_name,
                         const char *action);

/* Emails every active main user of org_id, each in their own language,
 * with a link to the organisation's workspace page.  The texts get
 * {name}, {organisation} and {var} = value.  Inside a transaction. */
kt_db_status kt_membership_mail_main_users(kt_req *kr, kt_db *db, const char *org_id,
                                           const char *kind, const char *var, const char *value);

/* 1 when action is one of the member decisions above. */
int kt_membership_is_action(const char *action);

#endif
