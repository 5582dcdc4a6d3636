/* Organisations as their own people and the moderators see them: the
 * registration of a new one, the profile form of its main user, and the
 * details and member list shown in the workspace and in moderation. */
#ifndef KT_ORG_H
#define KT_ORG_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_formstate.h"

typedef struct {
    const char *name;
    const char *type;            /* organisation_types.code */
    const char *business_id;
    const char *registry_number; /* associations only */
    const char *municipality;    /* municipalities.code */
    const char *website;
    const char *description;     /* in the page's language */
    const char *status;          /* pending, approved, rejected (loaded only) */
} kt_org_fields;

/* <options for="type"> (registrable types) and <options for="municipality">,
 * each of <option value="code">name</option>, under parent. */
kt_db_status kt_org_options(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent);

/* Reads the profile fields of kr->form into o and records values and errors
 * in fs.  identity: also the type and business ID (a new organisation;
 * afterwards only a moderator may change who an organisation is). */
kt_db_status kt_org_check(kt_req *kr, kt_db *db, kt_fstate *fs, kt_org_fields *o, int identity);

/* Adds <organisation id status business-id type-code registry-number role>
 * with <name>, <type>, <municipality>, <website>, <description>,
 * <decision-reason> under parent.  viewer non-NULL: only when that user is
 * an active member (*role then "main" or "member").  *found 0 otherwise.
 * o (may be NULL) gets the raw values for a form. */
kt_db_status kt_org_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                         const char *viewer, xmlNodePtr parent, int *found, const char **role,
                         kt_org_fields *o);

/* <members><member user-id role status since><name/><email/></member>… */
kt_db_status kt_org_members(kt_db *db, apr_pool_t *p, const char *id, xmlNodePtr parent);

/* GET/POST /{lang}/manage/organisations/new */
int kt_page_org_new(kt_req *kr, const char *arg);

/* The profile part of GET/POST /{lang}/manage/organisations/{id}: a form
 * "profile" for its main user, saved with action=save.  The profile of an
 * approved organisation is public: a change of it waits for a moderator as
 * a version (organisation_versions), the public profile staying as it is
 * meanwhile (issue 10); one not approved yet is changed in place. */
kt_fstate *kt_org_profile_form(kt_req *kr, xmlDocPtr doc, const kt_org_fields *current);
int kt_org_save_profile(kt_req *kr, kt_db *db, const char *id, const kt_org_fields *current,
                        xmlDocPtr doc, kt_fstate *fs);

/* <profile-edit version state submitted waiting-seconds registry-number>
 * with <name>, <municipality code>, <website href>, <description lang>,
 * <decision-reason>: the change that waits, or the last one when it was
 * rejected; nothing otherwise.  For a waiting one, o (may be NULL) gets its
 * values and *stamp (may be NULL) the time it was saved, in µs, which a
 * moderator's decision names. */
kt_db_status kt_org_edit_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                              xmlNodePtr parent, kt_org_fields *o, const char **stamp);

#endif
