/* Activity listings in the database: one version's content as a
 * kt_listing, saving a version, the vocabularies the editor offers.  The
 * activity kind's descriptor (kt_kinds.c) hands these to the engine; the
 * lifecycle itself is the engine's (kt_engine.h). */
#ifndef KT_LISTING_DB_H
#define KT_LISTING_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_listing.h"

/* Languages with a checkbox of their own in the editors: the national ones,
 * Sámi, and the languages most listings are held in (the rest are typed). */
#define KT_LISTING_COMMON_LANGUAGES "fin,swe,eng,sme,ara,som,rus,ukr,prs,fas,kur,tir,est,fra," \
                                    "spa,tur,vie,tha,zho,sqi,amh,pus"

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

/* The typed languages (*other: "tigrinya, amh; so") as codes, appended to
 * languages without repeats, *other then ""; an unknown one is the problem
 * languages_other.invalid, more than KT_LISTING_MAX_LANGUAGES in all
 * languages.too_many.  For every kind with languages. */
kt_db_status kt_listing_resolve_languages(kt_db *db, apr_pool_t *p,
                                         apr_array_header_t *languages, const char **other,
                                         kt_listing_err err, void *baton, int *problems);

/* Writes l as version `version` of listing id (a new version, or the
 * undecided latest one saved over), with its weekly times and sessions.
 * rules: the confirmed rules, comma-separated, or NULL.  In a transaction. */
kt_db_status kt_listing_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *org, const char *author, const kt_listing *l,
                                     const char *rules);

#endif
