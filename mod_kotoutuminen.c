/* mod_kotoutuminen — a national directory of low-threshold integration-support
 * activities, served from PostgreSQL (mod_dbd) through XSLT.
 *
 * This file is the glue: module record, directives, hooks and the route
 * table.  Everything else lives in src/kt_*.c, one topic a file. */
#include <string.h>
#include <apr_strings.h>
#include <httpd.h>
#include <http_config.h>
#include <http_core.h>
#include <http_log.h>
#include <http_protocol.h>
#include <http_request.h>
#include "kt_private.h"
#include "kt_db.h"
#include "kt_http.h"
#include "kt_pages.h"
#include "kt_session.h"
#include "kt_csrf.h"
#include "kt_account.h"
#include "kt_myaccount.h"
#include "kt_contact.h"
#include "kt_info.h"
#include "kt_manage.h"
#include "kt_moderation.h"
#include "kt_search_page.h"
#include "kt_query.h"
#include "kt_feed.h"
#include "kt_ics.h"
#include "kt_editor.h"
#include "kt_desk.h"
#include "kt_review.h"
#include "kt_engine.h"
#include "kt_projects.h"
#include "kt_networks.h"
#include "kt_organisation.h"
#include "kt_sitemap.h"
#include "kt_validate.h"
#include "kt_pcache.h"
#include "kt_sindex.h"
#include "kt_pagecache.h"

#define KT_HANDLER "kotoutuminen"
/* The site's files on disk (`SetHandler kotoutuminen-static` on /static/):
 * httpd's core serves them, the module only adds its security headers. */
#define KT_STATIC_HANDLER "kotoutuminen-static"
#define KT_RETRY_AFTER_DEFAULT 5

/* ---- routes ------------------------------------------------------------ */

#define KT_GET  1u          /* GET and HEAD */
#define KT_POST 2u

/* Route flags. */
#define KT_CSRF_IF_SESSION 1u   /* the token is asked only of a signed-in visitor */
#define KT_LISTING_FORM    2u   /* the body is a listing editor's (its kind's limits) */

typedef struct {
    const char *path;     /* exact path; or, when has_arg, "prefix" or "prefix*suffix" */
    int has_arg;          /* one more non-empty segment follows the prefix (where '*' is) */
    unsigned methods;     /* KT_GET, KT_POST */
    kt_access access;     /* who may use it (kt_session.h) */
    unsigned flags;
    kt_handler handler;   /* sees a checked POST: origin, body and token */
    const kt_kind_ops *kind;   /* the kind of listing the handler serves (kr->kind), or NULL */
} kt_route;

/* Under /{lang}: `path` is what follows the language.  An exact path must
 * come before a prefix that also matches it (".../new" before ".../"), and a
 * calendar route before the item route, which would take "1.ics" for its
 * id.  The routes of each kind of listing follow, made from its descriptor
 * (kind_routes). */
static const kt_route lang_base[] = {
    { "/",                          0, KT_GET, KT_ANYONE, 0, kt_page_front, NULL },
    { "/opensearch.xml",            0, KT_GET, KT_ANYONE, 0, kt_page_opensearch, NULL },
    { "/organisations",             0, KT_GET, KT_ANYONE, 0, kt_page_organisations, NULL },
    { "/organisations/",            1, KT_GET, KT_ANYONE, 0, kt_page_organisation, NULL },
    { "/terms",                     0, KT_GET, KT_ANYONE, 0, kt_page_terms, NULL },
    { "/privacy",                   0, KT_GET, KT_ANYONE, 0, kt_page_privacy, NULL },
    { "/accessibility",             0, KT_GET, KT_ANYONE, 0, kt_page_accessibility, NULL },
    { "/for-organisations",         0, KT_GET, KT_ANYONE, 0, kt_page_for_organisations, NULL },
    { "/help",                      0, KT_GET, KT_ANYONE, 0, kt_page_help, NULL },
    { "/help/",                     1, KT_GET, KT_ANYONE, 0, kt_page_help_topic, NULL },
    { "/feed",                      0, KT_GET, KT_ANYONE, 0, kt_feed_guide, NULL },
    /* accounts */
    { "/register",                  0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_register, NULL },
    { "/register/sent",             0, KT_GET, KT_ANYONE, 0, kt_page_register_sent, NULL },
    { "/register/resend",           0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_register_resend, NULL },
    { "/verify/",                   1, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_verify, NULL },
    { "/login",                     0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_login, NULL },
    { "/logout",                    0, KT_POST, KT_ANYONE, KT_CSRF_IF_SESSION, kt_page_logout,
      NULL },
    { "/password-reset",            0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_reset_request, NULL },
    { "/password-reset/sent",       0, KT_GET, KT_ANYONE, 0, kt_page_reset_sent, NULL },
    { "/password-reset/",           1, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_reset, NULL },
    /* one's own account */
    { "/account",                   0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_account, NULL },
    { "/account/password",          0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_account_password, NULL },
    { "/account/email",             0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_account_email, NULL },
    { "/account/email/",            1, KT_GET | KT_POST, KT_SIGNED_IN, 0,
      kt_page_account_email_confirm, NULL },
    { "/account/data",              0, KT_GET, KT_SIGNED_IN, 0, kt_page_account_data, NULL },
    { "/account/delete",            0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_account_delete, NULL },
    { "/contact",                   0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_contact, NULL },
    /* the organisation workspace */
    { "/manage",                    0, KT_GET, KT_SIGNED_IN, 0, kt_page_manage, NULL },
    { "/manage/join",               0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_join, NULL },
    { "/manage/organisations/new",  0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_org_new, NULL },
    { "/manage/organisations/",     1, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_manage_org,
      NULL },
    /* a network's member organisations (src/kt_networks.c) */
    { "/manage/networks/*/members", 1, KT_POST, KT_SIGNED_IN, 0, kt_page_network_members, NULL },
    { "/manage/networks/*/join",    1, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_network_join,
      NULL },
    { "/manage/networks/*/leave",   1, KT_POST, KT_SIGNED_IN, 0, kt_page_network_leave, NULL },
    /* moderation */
    { "/moderation",                0, KT_GET, KT_MODERATOR, 0, kt_page_moderation, NULL },
    { "/moderation/organisations/", 1, KT_GET | KT_POST, KT_MODERATOR, 0, kt_page_moderation_org,
      NULL },
    { "/moderation/log",            0, KT_GET, KT_MODERATOR, 0, kt_page_moderation_log, NULL },
    { "/moderation/contact/",       1, KT_GET | KT_POST, KT_MODERATOR, 0, kt_page_contact_message,
      NULL },
    { NULL, 0, 0, KT_ANYONE, 0, NULL, NULL }
};

static const kt_route site_base[] = {
    { "/",       0, KT_GET, KT_ANYONE, 0, kt_page_root, NULL },
    { "/health", 0, KT_GET, KT_ANYONE, 0, kt_page_health, NULL },
    { "/opensearch.xml", 0, KT_GET, KT_ANYONE, 0, kt_page_opensearch, NULL },
    { "/robots.txt",     0, KT_GET, KT_ANYONE, 0, kt_robots_txt, NULL },
    { "/sitemap.xml",    0, KT_GET, KT_ANYONE, 0, kt_sitemap_xml, NULL },
    { "/sitemap/",       1, KT_GET, KT_ANYONE, 0, kt_sitemap_part, NULL },   /* parts of a big one */
    { "/feed/",  1, KT_GET, KT_ANYONE, 0, kt_feed_xsd, NULL },   /* the schema files */
    { "/error/", 1, KT_GET, KT_ANYONE, 0, kt_page_error_document, NULL },
    { NULL, 0, 0, KT_ANYONE, 0, NULL, NULL }
};

/* The tables in use, built in post_config (before children start) and
 * read-only afterwards: each kind's routes, then the fixed ones. */
static const kt_route *lang_routes = lang_base;
static const kt_route *site_routes = site_base;

static kt_route *add_route(apr_array_header_t *a, const char *path, int has_arg,
                           unsigned methods, kt_access access, unsigned flags,
                           kt_handler handler, const kt_kind_ops *kind)
{
    kt_route *r = apr_array_push(a);
    r->path = path;
    r->has_arg = has_arg;
    r->methods = methods;
    r->access = access;
    r->flags = flags;
    r->handler = handler;
    r->kind = kind;
    return r;
}

/* Every kind of listing has the same block of routes (ROUTES.md): its
 * public pages, its editor in the workspace, its review in moderation, its
 * feeds.  A kind owned by no organisation is written by moderators: its
 * list, its editor and nothing to review, all under /moderation. */
static void kind_routes(apr_pool_t *p, apr_array_header_t *lang, apr_array_header_t *site,
                        const kt_kind_ops *k)
{
    const char *seg = k->kind->names.segment;
    const char *desk = apr_pstrcat(p, "/moderation/", seg, NULL);

    if (k->list) {
        add_route(lang, apr_pstrcat(p, "/", seg, NULL), 0, KT_GET, KT_ANYONE, 0, k->list, k);
    }
    if (k->ics) {
        add_route(lang, apr_pstrcat(p, "/", seg, "/*.ics", NULL), 1, KT_GET, KT_ANYONE, 0,
                  k->ics, k);
    }
    if (k->item) {
        add_route(lang, apr_pstrcat(p, "/", seg, "/", NULL), 1, KT_GET, KT_ANYONE, 0, k->item, k);
    }
    if (k->kind->owner == KT_KIND_UNOWNED) {
        add_route(lang, desk, 0, KT_GET, KT_MODERATOR, 0, kt_page_listing_desk, k);
        add_route(lang, apr_pstrcat(p, desk, "/new", NULL), 0, KT_GET | KT_POST, KT_MODERATOR,
                  KT_LISTING_FORM, kt_page_listing_new, k);
        add_route(lang, apr_pstrcat(p, desk, "/", NULL), 1, KT_GET | KT_POST, KT_MODERATOR,
                  KT_LISTING_FORM, kt_page_listing_edit, k);
    }
    else {
        add_route(lang, apr_pstrcat(p, "/manage/", seg, "/new", NULL), 0, KT_GET | KT_POST,
                  KT_SIGNED_IN, KT_LISTING_FORM, kt_page_listing_new, k);
        add_route(lang, apr_pstrcat(p, "/manage/", seg, "/", NULL), 1, KT_GET | KT_POST,
                  KT_SIGNED_IN, KT_LISTING_FORM, kt_page_listing_edit, k);
        add_route(lang, apr_pstrcat(p, desk, "/", NULL), 1, KT_GET | KT_POST,
                  KT_MODERATOR, 0, kt_page_review, k);
    }
    if (k->feed_xml) {
        add_route(site, apr_pstrcat(p, "/feed/", seg, ".xml", NULL), 0, KT_GET, KT_ANYONE, 0,
                  k->feed_xml, k);
    }
    if (k->feed_atom) {
        add_route(site, apr_pstrcat(p, "/feed/", seg, ".atom", NULL), 0, KT_GET, KT_ANYONE, 0,
                  k->feed_atom, k);
    }
}

static void build_routes(apr_pool_t *p)
{
    apr_array_header_t *lang = apr_array_make(p, 64, sizeof(kt_route));
    apr_array_header_t *site = apr_array_make(p, 16, sizeof(kt_route));
    const kt_route *r;
    int i;

    for (i = 0; kt_kind_table[i]; i++) {
        kind_routes(p, lang, site, kt_kind_table[i]);
    }
    for (r = lang_base; r->path; r++) {
        *(kt_route *)apr_array_push(lang) = *r;
    }
    for (r = site_base; r->path; r++) {
        *(kt_route *)apr_array_push(site) = *r;
    }
    add_route(lang, NULL, 0, 0, KT_ANYONE, 0, NULL, NULL);
    add_route(site, NULL, 0, 0, KT_ANYONE, 0, NULL, NULL);
    lang_routes = (const kt_route *)lang->elts;
    site_routes = (const kt_route *)site->elts;
}

/* The segment of a has_arg route: what stands between the prefix and the
 * suffix, non-empty and without '/'; NULL when path does not fit. */
static const char *route_arg(apr_pool_t *p, const char *pattern, const char *path)
{
    const char *star = strchr(pattern, '*');
    apr_size_t pre = star ? (apr_size_t)(star - pattern) : strlen(pattern);
    apr_size_t suf = star ? strlen(star + 1) : 0, len = strlen(path);
    const char *arg;

    if (len <= pre + suf || strncmp(path, pattern, pre) != 0
        || (star && strcmp(path + len - suf, star + 1) != 0)) {
        return NULL;
    }
    arg = star ? apr_pstrmemdup(p, path + pre, len - pre - suf) : path + pre;
    return strchr(arg, '/') ? NULL : arg;
}

static const kt_route *match(apr_pool_t *p, const kt_route *table, const char *path,
                             const char **arg)
{
    for (; table->path; table++) {
        if (!table->has_arg && strcmp(path, table->path) == 0) {
            *arg = NULL;
            return table;
        }
        if (table->has_arg && (*arg = route_arg(p, table->path, path)) != NULL) {
            return table;
        }
    }
    return NULL;
}

/* "/sv/activities/1" → KT_LANG_SV and "/activities/1"; 0 when the path does
 * not start with a language (or is just "/sv" without the slash). */
static int split_lang(const char *uri, kt_lang *lang, const char **rest)
{
    char code[3];
    int l;

    if (uri[0] != '/' || !uri[1] || !uri[2] || (uri[3] != '/' && uri[3] != '\0')) {
        return 0;
    }
    code[0] = uri[1];
    code[1] = uri[2];
    code[2] = '\0';
    l = kt_lang_from_code(code);
    if (l < 0) {
        return 0;
    }
    *lang = (kt_lang)l;
    *rest = uri + 3;
    return 1;
}

/* The language for pages outside /{lang}: that of the URL an error document
 * stands in for, else the browser's preference. */
static kt_lang fallback_lang(request_rec *r)
{
    kt_lang lang;
    const char *rest;

    if (r->prev && split_lang(r->prev->uri, &lang, &rest)) {
        return lang;
    }
    return kt_lang_negotiate(apr_table_get(r->headers_in, "Accept-Language"));
}

static const char *allow_header(unsigned methods)
{
    return methods == KT_POST ? "POST"
         : methods & KT_POST ? "GET, HEAD, POST" : "GET, HEAD";
}

/* A page the same for every anonymous visitor (HACKING.md "Page cache"):
 * a GET route without a form, open to anyone, asked by someone without a
 * session.  Whether it ends up stored is decided when it is sent
 * (kt_pcache_store: no cookie set, no session after all). */
static int cacheable(kt_req *kr, const kt_route *route)
{
    return route->methods == KT_GET && route->access == KT_ANYONE
           && kt_pcache_usable(kr->r) && !kt_session_cookie_sent(kr);
}

/* Everything of the request the page is made from: its path and query, the
 * host when no base URL is configured (absolute links are made from it; else
 * the virtual host, which a cache shared by :80 and :443 tells apart), and
 * the activity page's link back to the search of its Referer. */
static const char *cache_key(kt_req *kr, const kt_route *route)
{
    request_rec *r = kr->r;
    const char *host = kr->conf->base_url
                       ? apr_psprintf(r->pool, "%s:%u", r->server->server_hostname,
                                      (unsigned)r->server->port)
                       : ap_construct_url(r->pool, "", r);
    const char *back = route->handler == kt_page_activity ? kt_search_back_href(kr) : NULL;

    return kt_pc_key(r->pool, host, r->uri, r->args, back);
}

/* Sessions only under /{lang}: /health, the feed and error documents are the
 * same for everyone and must not cost a query. */
static int dispatch(kt_req *kr, const kt_route *route, const char *arg, int with_session)
{
    request_rec *r = kr->r;
    int post = r->method_number == M_POST, rv;
    kt_db_status st;

    if ((r->method_number != M_GET && !post) || !(route->methods & (post ? KT_POST : KT_GET))) {
        return kt_send_not_allowed(kr, allow_header(route->methods));
    }
    if (!post) {
        /* links shared on social media carry these: the same page, never a 400 */
        r->args = (char *)kt_query_strip_tracking(r->pool, r->args);
        if (with_session && cacheable(kr, route)) {
            rv = kt_pcache_lookup(kr, cache_key(kr, route));
            if (rv != DECLINED) {
                return rv;
            }
        }
        else if (with_session) {
            kt_pcache_note(r, "bypass");
        }
    }
    if (with_session) {
        kt_csrf_read_cookie(kr);
        st = kt_session_load(kr);
        if (st != KT_DB_OK) {
            return kt_send_db_failure(kr, st);
        }
    }
    /* Pages with a form or a person's own data are never stored anywhere. */
    if (kr->session || (route->methods & KT_POST)) {
        apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
    }
    rv = kt_session_require(kr, route->access);
    if (rv != DECLINED) {
        return rv;
    }
    if (post) {
        rv = kt_csrf_accept_post(kr, (route->flags & KT_CSRF_IF_SESSION) != 0,
                                 route->kind && (route->flags & KT_LISTING_FORM)
                                 ? route->kind->limits : NULL);
        if (rv != DECLINED) {
            return rv;
        }
    }
    else {
        rv = ap_discard_request_body(r);
        if (rv != OK) {
            return kt_send_error(kr, rv, NULL, NULL);
        }
    }
    kr->kind = route->kind;
    rv = route->handler(kr, arg);
    if (post && r->status < 500) {
        kt_pcache_after_write(kr);   /* the next request here sees what was written */
    }
    return rv;
}

static int kt_handler_hook(request_rec *r)
{
    kt_req kr;
    const kt_route *route;
    const char *arg = NULL;
    int with_session = 0;

    if (!r->handler) {
        return DECLINED;
    }
    /* The headers go on the module's own answers only, never on another
     * virtual host's; set here rather than in a fixup, which would run again
     * in the subrequests of mod_dir and friends and send them twice. */
    if (strcmp(r->handler, KT_STATIC_HANDLER) == 0) {
        kt_http_security_headers(r);
        return DECLINED;    /* the core's default handler sends the file */
    }
    if (strcmp(r->handler, KT_HANDLER) != 0) {
        return DECLINED;
    }
    kt_http_security_headers(r);
    memset(&kr, 0, sizeof(kr));
    kr.r = r;
    kr.conf = kt_conf(r);
    if (split_lang(r->uri, &kr.lang, &kr.rest)) {
        if (!*kr.rest) {
            /* "/fi" → "/fi/", keeping the query */
            return kt_send_redirect(r, HTTP_MOVED_PERMANENTLY,
                                    apr_pstrcat(r->pool, r->uri, "/", r->args ? "?" : "",
                                                r->args ? r->args : "", NULL));
        }
        route = match(r->pool, lang_routes, kr.rest, &arg);
        with_session = 1;
    }
    else {
        kr.lang = fallback_lang(r);
        kr.rest = "/";
        route = match(r->pool, site_routes, r->uri, &arg);
    }
    if (!route) {
        return kt_send_error(&kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return dispatch(&kr, route, arg, with_session);
}

/* ---- hooks ------------------------------------------------------------- */

/* A privacy statement must name the controller (GDPR art. 13): say at
 * start-up when the configuration leaves a language without one. */
static void warn_controller(server_rec *s, const kt_server_conf *conf)
{
    int l;

    for (l = 0; l < KT_LANG_COUNT; l++) {
        if (!kt_info_controller_name(conf, (kt_lang)l)) {
            ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                         "KT0901: KotoutuminenController is not set (for %s): the privacy "
                         "statement cannot name the controller of the personal data",
                         kt_lang_codes[l]);
            return;
        }
    }
}

static int kt_post_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp,
                          server_rec *s)
{
    /* One compiled set per stylesheet directory, shared by the vhosts.  Read
     * here, as root, so that the workers never open these files themselves. */
    apr_hash_t *by_dir = apr_hash_make(ptemp);
    const char *why;
    server_rec *first = s;   /* the loop below walks s on */
    (void)plog;

    why = kt_engine_init(pconf);
    if (!why) {
        why = kt_organisations_init(pconf);
    }
    if (!why) {
        /* the kinds' generated statements and the directory's */
        int n = 0, m = 0, i;
        const kt_stmt *const *kinds = kt_engine_statements(&n);
        const kt_stmt *const *dir = kt_organisations_statements(&m);
        const kt_stmt **all = apr_palloc(ptemp, sizeof(*all) * (apr_size_t)(n + m));
        for (i = 0; i < n + m; i++) {
            all[i] = i < n ? kinds[i] : dir[i - n];
        }
        why = kt_db_check_labels(ptemp, all, n + m);
    }
    if (why) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s, "KT0003: cannot start: %s", why);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    build_routes(pconf);

    for (; s; s = s->next) {
        kt_server_conf *conf = ap_get_module_config(s->module_config, &kotoutuminen_module);
        const kt_server_conf *done;
        const char *err;
        if (!conf->xslt_dir) {
            continue;
        }
        done = apr_hash_get(by_dir, conf->xslt_dir, APR_HASH_KEY_STRING);
        if (done) {
            conf->render = done->render;
            conf->schemas = done->schemas;
            continue;
        }
        warn_controller(s, conf);
        err = kt_render_init(pconf, conf->xslt_dir, kt_render_stylesheets, &conf->render);
        if (err) {
            ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s, "KT0001: %s", err);
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        err = kt_feed_xsd_load(pconf, conf->xslt_dir, &conf->schemas);
        if (err) {
            ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s, "%s", err);
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        apr_hash_set(by_dir, conf->xslt_dir, APR_HASH_KEY_STRING, conf);
    }
    return kt_pcache_post_config(pconf, first);
}

static void kt_optional_fn_retrieve(void)
{
    if (!kt_db_init()) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, NULL,
                     "KT0002: mod_dbd is not loaded; every page will answer 503");
    }
}

static int kt_pre_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp)
{
    (void)plog;
    (void)ptemp;
    kt_pcache_pre_config(pconf);
    kt_sindex_pre_config(pconf);
    return OK;
}

static void kt_child_init(apr_pool_t *pchild, server_rec *s)
{
    kt_pcache_child_init(pchild, s);
    kt_sindex_child_init(pchild, s);
}

static void kt_register_hooks(apr_pool_t *p)
{
    (void)p;
    ap_hook_pre_config(kt_pre_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_post_config(kt_post_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_child_init(kt_child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_optional_fn_retrieve(kt_optional_fn_retrieve, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_handler(kt_handler_hook, NULL, NULL, APR_HOOK_MIDDLE);
}

/* ---- configuration ----------------------------------------------------- */

static void *create_server_conf(apr_pool_t *p, server_rec *s)
{
    kt_server_conf *conf = apr_pcalloc(p, sizeof(*conf));
    (void)s;
    conf->retry_after = -1;
    return conf;
}

static void *merge_server_conf(apr_pool_t *p, void *basev, void *addv)
{
    kt_server_conf *base = basev, *add = addv, *conf = apr_pcalloc(p, sizeof(*conf));
    int i;
    conf->xslt_dir = add->xslt_dir ? add->xslt_dir : base->xslt_dir;
    conf->base_url = add->base_url ? add->base_url : base->base_url;
    conf->retry_after = add->retry_after >= 0 ? add->retry_after
                      : base->retry_after >= 0 ? base->retry_after : KT_RETRY_AFTER_DEFAULT;
    for (i = 0; i <= KT_LANG_COUNT; i++) {
        conf->controller[i] = add->controller[i] ? add->controller[i] : base->controller[i];
    }
    conf->controller_contact = add->controller_contact ? add->controller_contact
                                                       : base->controller_contact;
    conf->dpo_contact = add->dpo_contact ? add->dpo_contact : base->dpo_contact;
    return conf;
}

static kt_server_conf *cmd_conf(cmd_parms *cmd)
{
    return ap_get_module_config(cmd->server->module_config, &kotoutuminen_module);
}

static const char *set_xslt_dir(cmd_parms *cmd, void *dc, const char *arg)
{
    (void)dc;
    cmd_conf(cmd)->xslt_dir = ap_server_root_relative(cmd->pool, arg);
    return cmd_conf(cmd)->xslt_dir ? NULL : "KotoutuminenStylesheetDir: invalid path";
}

static const char *set_base_url(cmd_parms *cmd, void *dc, const char *arg)
{
    char *url = apr_pstrdup(cmd->pool, arg);
    apr_size_t n = strlen(url);
    (void)dc;
    if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
        return "KotoutuminenBaseURL must start with http:// or https://";
    }
    while (n > 0 && url[n - 1] == '/') {
        url[--n] = '\0';
    }
    cmd_conf(cmd)->base_url = url;
    return NULL;
}

static const char *set_retry_after(cmd_parms *cmd, void *dc, const char *arg)
{
    apr_int64_t v = kt_parse_id(arg);
    (void)dc;
    if (v < 1 || v > 3600) {
        return "KotoutuminenRetryAfter takes seconds, 1 to 3600";
    }
    cmd_conf(cmd)->retry_after = (int)v;
    return NULL;
}

/* The privacy statement shows these as they are: one line of text each
 * (trimmed, not empty), no control characters, a sensible length. */
#define CONTROLLER_LINE_CHARS 300
#define CONTROLLER_LINES_MAX  10

static const char *check_line(cmd_parms *cmd, const char **arg)
{
    *arg = kt_trim(cmd->pool, *arg);
    if (kt_valid_line(*arg, CONTROLLER_LINE_CHARS, 1) != KT_V_OK) {
        return apr_psprintf(cmd->pool, "%s takes a line of text of at most %d characters, "
                            "without control characters", cmd->directive->directive,
                            CONTROLLER_LINE_CHARS);
    }
    return NULL;
}

/* KotoutuminenController NAME [LANG]: the name for pages in LANG, or for
 * every language that has no name of its own. */
static const char *set_controller(cmd_parms *cmd, void *dc, const char *name, const char *lang)
{
    const char *err = check_line(cmd, &name);
    int l = KT_LANG_COUNT;
    (void)dc;

    if (err) {
        return err;
    }
    if (lang && (l = kt_lang_from_code(lang)) < 0) {
        return "KotoutuminenController: the language, when given, is fi, sv or en";
    }
    cmd_conf(cmd)->controller[l] = name;
    return NULL;
}

/* KotoutuminenControllerContact and KotoutuminenDataProtectionOfficer: each
 * argument is one line (an address, an email address, a phone number, a web
 * address); the directive may also be repeated. */
static const char *add_contact_line(cmd_parms *cmd, void *dc, const char *line)
{
    kt_server_conf *conf = cmd_conf(cmd);
    apr_array_header_t **lines = cmd->info ? &conf->dpo_contact : &conf->controller_contact;
    const char *err = check_line(cmd, &line);
    (void)dc;

    if (err) {
        return err;
    }
    if (!*lines) {
        *lines = apr_array_make(cmd->pool, 4, sizeof(const char *));
    }
    if ((*lines)->nelts >= CONTROLLER_LINES_MAX) {
        return apr_psprintf(cmd->pool, "%s: at most %d lines", cmd->directive->directive,
                            CONTROLLER_LINES_MAX);
    }
    APR_ARRAY_PUSH(*lines, const char *) = line;
    return NULL;
}

static const command_rec kt_cmds[] = {
    AP_INIT_TAKE1("KotoutuminenStylesheetDir", set_xslt_dir, NULL, RSRC_CONF,
                  "Directory of the page stylesheets and their i18n/ catalogs"),
    AP_INIT_TAKE1("KotoutuminenBaseURL", set_base_url, NULL, RSRC_CONF,
                  "Public base URL of the site, for canonical links and the feed"),
    AP_INIT_TAKE1("KotoutuminenRetryAfter", set_retry_after, NULL, RSRC_CONF,
                  "Seconds in Retry-After while the database is unavailable"),
    AP_INIT_TAKE12("KotoutuminenController", set_controller, NULL, RSRC_CONF,
                   "Name of the controller of personal data, optionally for one language (fi, sv, en)"),
    AP_INIT_ITERATE("KotoutuminenControllerContact", add_contact_line, NULL, RSRC_CONF,
                    "The controller's contact details, one line per argument"),
    AP_INIT_ITERATE("KotoutuminenDataProtectionOfficer", add_contact_line, (void *)1, RSRC_CONF,
                    "Contact details of the data protection officer, one line per argument"),
    AP_INIT_TAKE1("KotoutuminenPageCache", kt_pcache_set, NULL, RSRC_CONF,
                  "The cache of public pages: an socache provider (shmcb:/path(bytes)), or none"),
    AP_INIT_TAKE1("KotoutuminenPageCacheMaxAge", kt_pcache_set_max_age, NULL, RSRC_CONF,
                  "Seconds a cached page is served at most, however long its data stays"),
    AP_INIT_FLAG("KotoutuminenSearchIndex", kt_sindex_set, NULL, RSRC_CONF,
                 "Count search facets from bitmaps kept by each child (On, the default) or in "
                 "the database (Off)"),
    { NULL }
};

/* Not AP_DECLARE_MODULE: kt_private.h already declared the log module
 * index, which every file needs before this point. */
module AP_MODULE_DECLARE_DATA kotoutuminen_module = {
    STANDARD20_MODULE_STUFF,
    NULL,
    NULL,
    create_server_conf,
    merge_server_conf,
    kt_cmds,
    kt_register_hooks,
    AP_MODULE_FLAG_NONE
};
