/* Form pages; see kt_formpage.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_formpage.h"
#include "kt_form.h"
#include "kt_csrf.h"
#include "kt_http.h"

kt_fstate *kt_form_page(kt_req *kr, const char *type, const char *form, const char *action,
                        xmlDocPtr *doc)
{
    *doc = kt_page_doc(kr, type, HTTP_OK);
    if (!action) {
        return kt_form_add(kr, *doc, form);
    }
    return kt_fstate_new(kr->r->pool, xmlDocGetRootElement(*doc), form, action, kt_csrf_token(kr));
}

kt_fstate *kt_form_add(kt_req *kr, xmlDocPtr doc, const char *form)
{
    apr_pool_t *p = kr->r->pool;
    return kt_fstate_new(p, xmlDocGetRootElement(doc), form,
                         apr_pstrcat(p, "/", kt_lang_codes[kr->lang], kr->rest, NULL),
                         kt_csrf_token(kr));
}

const char *kt_form_field(kt_req *kr, const char *name)
{
    return kt_trim(kr->r->pool, kt_form_get(kr->form, name));
}

const char *kt_query_param(kt_req *kr, const char *name)
{
    const char *q = kr->r->args;
    kt_form *f = NULL;

    if (!q || kt_form_decode(kr->r->pool, q, strlen(q), &kt_form_default_limits, &f) != KT_FORM_OK) {
        return NULL;
    }
    return kt_form_get(f, name);
}

int kt_form_check(kt_fstate *fs, const char *field, const char *value, kt_verdict v)
{
    static const char *const suffix[] = { NULL, ".missing", ".too_long", ".invalid" };

    kt_fstate_value(fs, field, value);
    if (v == KT_V_OK) {
        return 1;
    }
    kt_fstate_error(fs, field, apr_pstrcat(kt_fstate_pool(fs), field, suffix[v], NULL));
    return 0;
}

int kt_form_answer(kt_req *kr, const char *sheet, xmlDocPtr doc, const kt_fstate *fs)
{
    int status = fs && kt_fstate_errors(fs) ? HTTP_BAD_REQUEST : HTTP_OK;

    xmlSetProp(xmlDocGetRootElement(doc), BAD_CAST "status", BAD_CAST apr_itoa(kr->r->pool, status));
    return kt_send_page(kr, sheet, doc, status);
}
