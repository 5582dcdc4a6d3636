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
#include "kt_info.h"
#include "kt_manage.h"
#include "kt_moderation.h"
#include "kt_search_page.h"
#include "kt_query.h"
#include "kt_feed.h"
#include "kt_ics.h"
#include "kt_editor.h"
#include "kt_review.h"
#include "kt_listing.h"
#include "kt_news.h"
#include "kt_projects.h"

#define KT_HANDLER "kotoutuminen"
#define KT_RETRY_AFTER_DEFAULT 5

/* Page stylesheets, each xslt/<name>.xsl importing layout.xsl.  account,
 * info, manage and moderation each render several page types of one topic. */
static const char *const stylesheets[] = { "front", "activity", "organisation", "search", "error",
                                           "account", "info", "manage", "moderation",
                                           "feed-guide", "listing", "news", "projects", NULL };

/* ---- routes ------------------------------------------------------------ */

#define KT_GET  1u          /* GET and HEAD */
#define KT_POST 2u

/* Route flags. */
#define KT_CSRF_IF_SESSION 1u   /* the token is asked only of a signed-in visitor */
#define KT_LISTING_FORM    2u   /* the body is the listing editor's (kt_listing_form_limits) */

typedef struct {
    const char *path;     /* exact path; or, when has_arg, "prefix" or "prefix*suffix" */
    int has_arg;          /* one more non-empty segment follows the prefix (where '*' is) */
    unsigned methods;     /* KT_GET, KT_POST */
    kt_access access;     /* who may use it (kt_session.h) */
    unsigned flags;
    kt_handler handler;   /* sees a checked POST: origin, body and token */
} kt_route;

/* Under /{lang}: `path` is what follows the language.  An exact path must
 * come before a prefix that also matches it (".../new" before ".../"), and the
 * calendar route before "/activities/", which would take "1.ics" for its id. */
static const kt_route lang_routes[] = {
    { "/",                          0, KT_GET, KT_ANYONE, 0, kt_page_front },
    { "/activities",                0, KT_GET, KT_ANYONE, 0, kt_page_search },
    { "/activities/*.ics",          1, KT_GET, KT_ANYONE, 0, kt_ics_activity },
    { "/activities/",               1, KT_GET, KT_ANYONE, 0, kt_page_activity },
    { "/opensearch.xml",            0, KT_GET, KT_ANYONE, 0, kt_page_opensearch },
    { "/organisations/",            1, KT_GET, KT_ANYONE, 0, kt_page_organisation },
    { "/news",                      0, KT_GET, KT_ANYONE, 0, kt_page_news_list },
    { "/news/",                     1, KT_GET, KT_ANYONE, 0, kt_page_news },
    { "/projects",                  0, KT_GET, KT_ANYONE, 0, kt_page_projects },
    { "/projects/",                 1, KT_GET, KT_ANYONE, 0, kt_page_project },
    { "/terms",                     0, KT_GET, KT_ANYONE, 0, kt_page_terms },
    { "/privacy",                   0, KT_GET, KT_ANYONE, 0, kt_page_privacy },
    { "/feed",                      0, KT_GET, KT_ANYONE, 0, kt_feed_guide },
    /* accounts */
    { "/register",                  0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_register },
    { "/register/sent",             0, KT_GET, KT_ANYONE, 0, kt_page_register_sent },
    { "/verify/",                   1, KT_GET, KT_ANYONE, 0, kt_page_verify },
    { "/login",                     0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_login },
    { "/logout",                    0, KT_POST, KT_ANYONE, KT_CSRF_IF_SESSION, kt_page_logout },
    { "/password-reset",            0, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_reset_request },
    { "/password-reset/sent",       0, KT_GET, KT_ANYONE, 0, kt_page_reset_sent },
    { "/password-reset/",           1, KT_GET | KT_POST, KT_ANYONE, 0, kt_page_reset },
    /* the organisation workspace */
    { "/manage",                    0, KT_GET, KT_SIGNED_IN, 0, kt_page_manage },
    { "/manage/join",               0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_join },
    { "/manage/organisations/new",  0, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_org_new },
    { "/manage/organisations/",     1, KT_GET | KT_POST, KT_SIGNED_IN, 0, kt_page_manage_org },
    { "/manage/activities/new",     0, KT_GET | KT_POST, KT_SIGNED_IN, KT_LISTING_FORM,
      kt_page_listing_new },
    { "/manage/activities/",        1, KT_GET | KT_POST, KT_SIGNED_IN, KT_LISTING_FORM,
      kt_page_listing_edit },
    /* moderation */
    { "/moderation",                0, KT_GET, KT_MODERATOR, 0, kt_page_moderation },
    { "/moderation/organisations/", 1, KT_GET | KT_POST, KT_MODERATOR, 0, kt_page_moderation_org },
    { "/moderation/activities/",    1, KT_GET | KT_POST, KT_MODERATOR, 0, kt_page_review },
    { "/moderation/log",            0, KT_GET, KT_MODERATOR, 0, kt_page_moderation_log },
    { NULL, 0, 0, KT_ANYONE, 0, NULL }
};

static const kt_route site_routes[] = {
    { "/",       0, KT_GET, KT_ANYONE, 0, kt_page_root },
    { "/health", 0, KT_GET, KT_ANYONE, 0, kt_page_health },
    { "/opensearch.xml", 0, KT_GET, KT_ANYONE, 0, kt_page_opensearch },
    { "/feed/activities.xml",  0, KT_GET, KT_ANYONE, 0, kt_feed_xml },
    { "/feed/activities.atom", 0, KT_GET, KT_ANYONE, 0, kt_feed_atom },
    { "/feed/",                1, KT_GET, KT_ANYONE, 0, kt_feed_xsd },   /* the schema files */
    { "/error/", 1, KT_GET, KT_ANYONE, 0, kt_page_error_document },
    { NULL, 0, 0, KT_ANYONE, 0, NULL }
};

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
                                 route->flags & KT_LISTING_FORM ? &kt_listing_form_limits : NULL);
        if (rv != DECLINED) {
            return rv;
        }
    }
    else {
        /* links shared on social media carry these: the same page, never a 400 */
        r->args = (char *)kt_query_strip_tracking(r->pool, r->args);
        rv = ap_discard_request_body(r);
        if (rv != OK) {
            return kt_send_error(kr, rv, NULL, NULL);
        }
    }
    return route->handler(kr, arg);
}

static int kt_handler_hook(request_rec *r)
{
    kt_req kr;
    const kt_route *route;
    const char *arg = NULL;
    int with_session = 0;

    if (!r->handler || strcmp(r->handler, KT_HANDLER) != 0) {
        return DECLINED;
    }
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

static int kt_fixups(request_rec *r)
{
    if (kt_conf(r)->xslt_dir) {
        kt_http_security_headers(r);
    }
    return DECLINED;
}

static int kt_post_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp,
                          server_rec *s)
{
    /* One compiled set per stylesheet directory, shared by the vhosts. */
    apr_hash_t *by_dir = apr_hash_make(ptemp);
    (void)plog;

    kt_search_sql_init(pconf);

    for (; s; s = s->next) {
        kt_server_conf *conf = ap_get_module_config(s->module_config, &kotoutuminen_module);
        const char *err;
        if (!conf->xslt_dir) {
            continue;
        }
        conf->render = apr_hash_get(by_dir, conf->xslt_dir, APR_HASH_KEY_STRING);
        if (conf->render) {
            continue;
        }
        err = kt_render_init(pconf, conf->xslt_dir, stylesheets, &conf->render);
        if (err) {
            ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s, "KT0001: %s", err);
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        apr_hash_set(by_dir, conf->xslt_dir, APR_HASH_KEY_STRING, conf->render);
    }
    return OK;
}

static void kt_optional_fn_retrieve(void)
{
    if (!kt_db_init()) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, NULL,
                     "KT0002: mod_dbd is not loaded; every page will answer 503");
    }
}

static void kt_register_hooks(apr_pool_t *p)
{
    (void)p;
    ap_hook_post_config(kt_post_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_optional_fn_retrieve(kt_optional_fn_retrieve, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_fixups(kt_fixups, NULL, NULL, APR_HOOK_MIDDLE);
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
    conf->xslt_dir = add->xslt_dir ? add->xslt_dir : base->xslt_dir;
    conf->base_url = add->base_url ? add->base_url : base->base_url;
    conf->retry_after = add->retry_after >= 0 ? add->retry_after
                      : base->retry_after >= 0 ? base->retry_after : KT_RETRY_AFTER_DEFAULT;
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

static const command_rec kt_cmds[] = {
    AP_INIT_TAKE1("KotoutuminenStylesheetDir", set_xslt_dir, NULL, RSRC_CONF,
                  "Directory of the page stylesheets and their i18n/ catalogs"),
    AP_INIT_TAKE1("KotoutuminenBaseURL", set_base_url, NULL, RSRC_CONF,
                  "Public base URL of the site, for canonical links and the feed"),
    AP_INIT_TAKE1("KotoutuminenRetryAfter", set_retry_after, NULL, RSRC_CONF,
                  "Seconds in Retry-After while the database is unavailable"),
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
