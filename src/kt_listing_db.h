/* Listings in the database: a listing's state (sql/007_listings.sql), one
 * version's content as a kt_listing, saving a version, the vocabularies the
 * editor offers, and the mail a decision sends.  Shared by the editor
 * (kt_editor.c), moderation (kt_review.c) and the workspace list. */
#ifndef KT_LISTING_DB_H
#define KT_LISTING_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_listing.h"

/* Where a listing stands. */
typedef struct {
    const char *id;
    const char *organisation_id;
    const char *organisation_name;
    const char *organisation_status;   /* pending | approved | rejected */
    const char *state;                 /* as stored; "archived" whenever archived_at is set */
    int archived;
    int published_version;             /* 0: never published */
    int latest_version;
    int decided_version;               /* 0: no decision yet */
    const char *revision;              /* decimal, as the forms carry it */
    const char *confirmed;             /* YYYY-MM-DD, Helsinki */
    const char *submitted;             /* YYYY-MM-DDTHH:MM, or NULL */
    const char *decided;
    const char *decision_reason;
    const char *archive_reason;
    const char *submitter;             /* name, or NULL */
    const char *submitter_email;
    const char *waiting_seconds;       /* since submission, or NULL */
} kt_listing_meta;

/* The listing `id` as `viewer` may see it: an active member of its
 * organisation (viewer NULL: anyone, for moderators).  `lock` takes the row
 * FOR UPDATE, inside the caller's transaction.  *found 0 when there is no
 * such listing for this viewer. */
kt_db_status kt_listing_meta_load(kt_db *db, const char *id, const char *viewer,
                                  int lock, kt_listing_meta *m, int *found);

/* One version's content; *found 0 when the version does not exist.  Every
 * language is in l->languages (languages_other stays empty). */
kt_db_status kt_listing_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     int version, kt_listing *l, const char **rules,
                                     int *found);

/* The editor's <options>: forms, themes, targets, languages (the common
 * ones and `languages`, those of the listings on the page; may be NULL),
 * municipality, project (of the organisations orgs, comma-separated ids;
 * NULL: none). */
kt_db_status kt_listing_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                                const apr_array_header_t *languages, xmlNodePtr parent);

/* Checks what only the database knows: vocabulary codes, the municipality,
 * the project (of org), and turns l->languages_other into codes appended to
 * l->languages.  Problems go to err like kt_listing_check's. */
kt_db_status kt_listing_check_codes(kt_db *db, apr_pool_t *p, const char *org, kt_listing *l,
                                    kt_listing_err err, void *baton, int *problems);

/* Writes l as version `version` of listing id (a new version, or the
 * undecided latest one saved over), with its weekly times and sessions.
 * rules: the confirmed rules, comma-separated, or NULL.  In a transaction. */
kt_db_status kt_listing_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *org, const char *author, const kt_listing *l,
                                     const char *rules);

/* Emails the people of a listing's organisation about it: its active main
 * users and whoever submitted it (once each, each in their own language),
 * with a link to the listing in the workspace.  The texts get {name},
 * {title}, {organisation} and {reason}.  In a transaction. */
kt_db_status kt_listing_mail(kt_req *kr, kt_db *db, const char *id, const char *kind,
                             const char *reason);

/* <listing-meta> for the page (HACKING.md, "Listings"). */
xmlNodePtr kt_listing_meta_xml(apr_pool_t *p, xmlNodePtr parent, const kt_listing_meta *m);

#endif
