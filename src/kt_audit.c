/* Audit log writes; see kt_audit.h. */
#include <stdio.h>
#include "kt_audit.h"

static const kt_stmt STMT_AUDIT KT_STMT_LISTED = { "kt_audit_insert",
    "INSERT INTO audit_log (actor_id, action, object_type, object_id, subject_user_id, reason,"
    " version) VALUES (%s::bigint, %s, %s, %s::bigint, %s::bigint, nullif(%s, ''), %s::int)" };

static kt_db_status insert(kt_db *db, const char *actor, const char *action,
                           const char *object_type, const char *object_id,
                           const char *subject_user, const char *reason, const char *version)
{
    const char *args[7] = { actor, action, object_type, object_id, subject_user, reason,
                            version };
    return kt_db_exec(db, &STMT_AUDIT, NULL, 7, args);
}

kt_db_status kt_audit(kt_db *db, const char *actor, const char *action, const char *object_type,
                      const char *object_id, const char *subject_user, const char *reason)
{
    return insert(db, actor, action, object_type, object_id, subject_user, reason, NULL);
}

kt_db_status kt_audit_version(kt_db *db, const char *actor, const char *action,
                              const char *object_type, const char *object_id, int version,
                              const char *reason)
{
    char v[16];
    snprintf(v, sizeof(v), "%d", version);
    return insert(db, actor, action, object_type, object_id, NULL, reason, v);
}
