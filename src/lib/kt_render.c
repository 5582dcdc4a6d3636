/* XSLT rendering; see kt_render.h.  Pitfall 6 of ARCHITECTURE.md shapes this
 * file: compile once, never share result documents, no file or network
 * access from stylesheets, no entity expansion or DTD loading. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_hash.h>
#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/documents.h>
#include <libexslt/exslt.h>
#include "kt_render.h"

/* Page stylesheets, each xslt/<name>.xsl importing layout.xsl.  account,
 * info, manage and moderation each render several page types of one topic. */
const char *const kt_render_stylesheets[] = {
    "front", "activity", "organisation", "search", "error", "account", "info", "manage",
    "moderation", "feed-guide", "listing", "news", "projects", "events", "event-manage",
    "myaccount", "contact", "help", "news-manage", "jobs", "job-manage", "project-manage",
    "networks", "network-manage", NULL
};

struct kt_render {
    apr_hash_t *sheets;             /* name → xsltStylesheetPtr */
    kt_catalog *catalog;
    xsltSecurityPrefsPtr security;
};

/* What the kt:msg extension function needs, hung on the transform context. */
typedef struct {
    const kt_catalog *catalog;
    kt_lang lang;
    int missing;
    char error[300];    /* libxslt's first words about a failure, for the log */
} render_call;

/* Per transform context, so threads never share it: libxslt's own default
 * writes to stderr without saying which page it was. */
static void transform_error(void *ctx, const char *msg, ...)
{
    render_call *call = ctx;
    size_t used = strlen(call->error);
    va_list ap;

    if (used + 1 >= sizeof(call->error)) {
        return;
    }
    va_start(ap, msg);
    vsnprintf(call->error + used, sizeof(call->error) - used, msg, ap);
    va_end(ap);
}

static xsltDocLoaderFunc default_loader;

/* Imports of our own stylesheets are loaded without entities, DTDs or
 * network; document() at transform time gets nothing at all. */
static xmlDocPtr safe_loader(const xmlChar *uri, xmlDictPtr dict, int options,
                             void *ctxt, xsltLoadType type)
{
    if (type != XSLT_LOAD_STYLESHEET) {
        return NULL;
    }
    options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR);
    options |= XML_PARSE_NONET;
    return default_loader(uri, dict, options, ctxt, type);
}

static void xpath_msg(xmlXPathParserContextPtr ctxt, int nargs)
{
    xsltTransformContextPtr tctxt;
    render_call *call;
    xmlChar *key;
    const char *val = NULL;

    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    key = xmlXPathPopString(ctxt);
    tctxt = xsltXPathGetTransformContext(ctxt);
    call = tctxt ? tctxt->_private : NULL;
    if (call && key) {
        val = kt_msg(call->catalog, call->lang, (const char *)key);
        if (!val) {
            call->missing++;
        }
    }
    /* A missing key shows as itself: visible in tests, never a crash. */
    valuePush(ctxt, xmlXPathNewString(val ? BAD_CAST val : key));
    xmlFree(key);
}

static apr_status_t free_sheet(void *sheet)
{
    xsltFreeStylesheet(sheet);
    return APR_SUCCESS;
}

static apr_status_t free_security(void *sec)
{
    xsltFreeSecurityPrefs(sec);
    return APR_SUCCESS;
}

static const char *forbid_io(apr_pool_t *p, xsltSecurityPrefsPtr sec)
{
    static const xsltSecurityOption opts[] = {
        XSLT_SECPREF_READ_FILE, XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY,
        XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK
    };
    apr_size_t i;

    for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
        if (xsltSetSecurityPrefs(sec, opts[i], xsltSecurityForbid) != 0) {
            return apr_pstrdup(p, "cannot set XSLT security preferences");
        }
    }
    return NULL;
}

static const char *compile_one(apr_pool_t *p, const char *dir, const char *name,
                               xsltStylesheetPtr *out)
{
    const char *path = apr_psprintf(p, "%s/%s.xsl", dir, name);
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    xsltStylesheetPtr sheet;

    if (!doc) {
        return apr_psprintf(p, "cannot read stylesheet %s", path);
    }
    sheet = xsltParseStylesheetDoc(doc);   /* takes ownership of doc */
    if (!sheet || sheet->errors) {
        if (sheet) {
            xsltFreeStylesheet(sheet);
        }
        else {
            xmlFreeDoc(doc);
        }
        return apr_psprintf(p, "stylesheet %s does not compile", path);
    }
    *out = sheet;
    return NULL;
}

const char *kt_render_init(apr_pool_t *p, const char *dir, const char *const *names,
                           kt_render **out)
{
    kt_render *rd = apr_pcalloc(p, sizeof(*rd));
    const char *err;

    xmlInitParser();
    exsltRegisterAll();
    if (!default_loader) {
        default_loader = xsltDocDefaultLoader;
        xsltSetLoaderFunc(safe_loader);
    }
    xsltRegisterExtModuleFunction(BAD_CAST "msg", BAD_CAST KT_XSLT_NS, xpath_msg);

    err = kt_catalog_load(p, dir, &rd->catalog);
    if (err) {
        return err;
    }
    rd->sheets = apr_hash_make(p);
    for (; *names; names++) {
        xsltStylesheetPtr sheet = NULL;
        err = compile_one(p, dir, *names, &sheet);
        if (err) {
            return err;
        }
        apr_pool_cleanup_register(p, sheet, free_sheet, apr_pool_cleanup_null);
        apr_hash_set(rd->sheets, *names, APR_HASH_KEY_STRING, sheet);
    }
    rd->security = xsltNewSecurityPrefs();
    if (!rd->security) {
        return "cannot allocate XSLT security preferences";
    }
    apr_pool_cleanup_register(p, rd->security, free_security, apr_pool_cleanup_null);
    err = forbid_io(p, rd->security);
    if (err) {
        return err;
    }
    *out = rd;
    return NULL;
}

const kt_catalog *kt_render_catalog(const kt_render *rd)
{
    return rd->catalog;
}

const char *kt_render_page(const kt_render *rd, apr_pool_t *p, const char *name,
                           xmlDocPtr doc, kt_lang lang, kt_rendered *out)
{
    xsltStylesheetPtr sheet = apr_hash_get(rd->sheets, name, APR_HASH_KEY_STRING);
    xsltTransformContextPtr tctxt;
    xmlDocPtr result;
    render_call call;
    xmlChar *buf = NULL;
    int len = 0;

    if (!sheet) {
        return apr_psprintf(p, "no stylesheet named %s", name);
    }
    tctxt = xsltNewTransformContext(sheet, doc);
    if (!tctxt) {
        return "cannot create transform context";
    }
    call.catalog = rd->catalog;
    call.lang = lang;
    call.missing = 0;
    call.error[0] = '\0';
    tctxt->_private = &call;
    xsltSetTransformErrorFunc(tctxt, &call, transform_error);
    xsltSetCtxtSecurityPrefs(rd->security, tctxt);
    result = xsltApplyStylesheetUser(sheet, doc, NULL, NULL, NULL, tctxt);
    if (!result || tctxt->state != XSLT_STATE_OK) {
        if (result) {
            xmlFreeDoc(result);
        }
        xsltFreeTransformContext(tctxt);
        for (char *c = call.error; *c; c++) {
            *c = *c == '\n' ? ' ' : *c;   /* one log line */
        }
        return apr_psprintf(p, "transform with %s failed: %s", name, call.error);
    }
    xsltFreeTransformContext(tctxt);
    if (xsltSaveResultToString(&buf, &len, result, sheet) != 0 || !buf) {
        xmlFreeDoc(result);
        return "cannot serialise the transform result";
    }
    out->html = apr_pstrmemdup(p, (const char *)buf, (apr_size_t)len);
    out->len = (apr_size_t)len;
    out->missing_msgs = call.missing;
    xmlFree(buf);
    xmlFreeDoc(result);
    return NULL;
}
