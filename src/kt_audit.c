/* Audit log writes; see kt_audit.h. */
#include "kt_audit.h"

static const kt_stmt STMT_AUDIT = { "kt_audit_insert",
    "INSERT INTO audit_log (actor_id, action, object_type, object_id, subject_user_id, reason)"
    " VALUES (%s::bigint, %s, %s, %s::bigint, %s::bigint, nullif(%s, ''))" };

kt_db_status kt_audit(kt_db *db, const char *actor, const char *action, const char *object_type,
                      const char *object_id, const char *subject_user, const char *reason)
{
    const char *args[6] = { actor, action, object_type, object_id, subject_user, reason };
    return kt_db_exec(db, &STMT_AUDIT, NULL, 6, args);
}
