/* The audit log of decisions (sql/001_init.sql audit_log): who did what to
 * which object, when, and why.  Written in the transaction of the decision,
 * read by /{lang}/moderation/log. */
#ifndef KT_AUDIT_H
#define KT_AUDIT_H

#include "kt_db.h"

/* action: "organisation.approve", "membership.approve", … (each has a
 * catalog message audit.<action>).  subject_user and reason may be NULL. */
kt_db_status kt_audit(kt_db *db, const char *actor, const char *action, const char *object_type,
                      const char *object_id, const char *subject_user, const char *reason);

/* The same for a decision about one version of a listing (version ≥ 1). */
kt_db_status kt_audit_version(kt_db *db, const char *actor, const char *action,
                              const char *object_type, const char *object_id, int version,
                              const char *reason);

#endif
