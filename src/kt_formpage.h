/* What every handler with a form does: a page document with a
 * <form-state> (kt_formstate.h) whose CSRF token is this visitor's, the
 * submitted fields trimmed, validator verdicts turned into message codes,
 * and the answer: 200, or 400 when the form is shown again with errors. */
#ifndef KT_FORMPAGE_H
#define KT_FORMPAGE_H

#include "kt_private.h"
#include "kt_formstate.h"
#include "kt_validate.h"
#include "kt_form.h"

/* A page of `type` with a form called `form` posting to action (NULL: this
 * page's own path).  *doc gets the document. */
kt_fstate *kt_form_page(kt_req *kr, const char *type, const char *form, const char *action,
                        xmlDocPtr *doc);

/* One more form on a page, posting to the page's own path. */
kt_fstate *kt_form_add(kt_req *kr, xmlDocPtr doc, const char *form);

/* A submitted field, white space trimmed; "" when absent. */
const char *kt_form_field(kt_req *kr, const char *name);

/* A parameter of the query string (decoded like a form body), or NULL. */
const char *kt_query_param(kt_req *kr, const char *name);

/* Records value (kept on re-render) and, unless v is KT_V_OK, the error
 * code "<field>.missing|too_long|invalid".  Returns 1 when v is OK. */
int kt_form_check(kt_fstate *fs, const char *field, const char *value, kt_verdict v);

/* Sends doc with `sheet`: 400 when the form has errors, else 200. */
int kt_form_answer(kt_req *kr, const char *sheet, xmlDocPtr doc, const kt_fstate *fs);

#endif
