/* Declarations shared by the httpd-facing parts of the module. */
#ifndef KT_PRIVATE_H
#define KT_PRIVATE_H

#include <httpd.h>
#include <http_config.h>
#include <http_log.h>
#include "kt_render.h"

APLOG_USE_MODULE(kotoutuminen);

extern module AP_MODULE_DECLARE_DATA kotoutuminen_module;

/* The feed's schema files, read at start-up (kt_feed_xsd.c). */
typedef struct kt_feed_schemas kt_feed_schemas;

typedef struct {
    const char *xslt_dir;      /* KotoutuminenStylesheetDir */
    const char *base_url;      /* KotoutuminenBaseURL, no trailing slash */
    int retry_after;           /* KotoutuminenRetryAfter, seconds; -1 unset */
    /* The privacy statement's controller (kt_info.c): KotoutuminenController
     * NAME [LANG] (index KT_LANG_COUNT: the name without a language),
     * KotoutuminenControllerContact and KotoutuminenDataProtectionOfficer
     * (lines of text, NULL when unset). */
    const char *controller[KT_LANG_COUNT + 1];
    apr_array_header_t *controller_contact;
    apr_array_header_t *dpo_contact;
    kt_render *render;         /* compiled in post_config, read-only after */
    kt_feed_schemas *schemas;  /* read in post_config, read-only after */
} kt_server_conf;

struct kt_session;
struct kt_form;
struct kt_kind_ops;
struct kt_pcache_req;

/* Per-request state every handler sees. */
typedef struct {
    request_rec *r;
    kt_server_conf *conf;
    kt_lang lang;
    const char *rest;          /* path after "/{lang}", "/" for the front page */
    struct kt_session *session;   /* the signed-in person, NULL when anonymous */
    struct kt_form *form;         /* the decoded body of a POST, NULL otherwise */
    const char *presession;       /* anonymous visitor's CSRF cookie, or NULL */
    const struct kt_kind_ops *kind;   /* the kind of listing of the route (kt_engine.h), or NULL */
    struct kt_pcache_req *pcache;     /* a page rendered for the page cache (kt_pcache.h), or NULL */
} kt_req;

static APR_INLINE kt_server_conf *kt_conf(request_rec *r)
{
    return ap_get_module_config(r->server->module_config, &kotoutuminen_module);
}

#endif
