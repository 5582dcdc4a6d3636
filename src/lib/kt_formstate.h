/* The <form-state> element that hands a form's values and errors to the
 * stylesheets (HACKING.md, "Forms"); xslt/forms.xsl renders it.  Pure.
 *
 *   <form-state name="register" action="/fi/register" csrf="…" errors="1">
 *     <field name="email" value="matti@example" error="email.invalid"/>
 *     <field name="password" error="password.too_short"/>
 *     <field name="languages"><value>fin</value><value>ara</value></field>
 *   </form-state>
 *
 * `error` is a message code: the stylesheet shows kt:msg('form.error.' + code),
 * a sentence that names the field, so the error summary can list it alone.
 * A password is never given a value. */
#ifndef KT_FORMSTATE_H
#define KT_FORMSTATE_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>

typedef struct kt_fstate kt_fstate;

/* A <form-state> under parent.  action is where the form posts, csrf the
 * token for its hidden field (kt_csrf_token). */
kt_fstate *kt_fstate_new(apr_pool_t *p, xmlNodePtr parent, const char *name,
                         const char *action, const char *csrf);

/* The value to show in field (NULL: nothing). */
void kt_fstate_value(kt_fstate *fs, const char *field, const char *value);

/* Several values of one field (checkbox groups, multi-selects). */
void kt_fstate_values(kt_fstate *fs, const char *field, const apr_array_header_t *values);

/* Marks field wrong with a message code ("email.invalid"); the first error
 * of a field wins, the count in @errors grows. */
void kt_fstate_error(kt_fstate *fs, const char *field, const char *code);

/* An error about the whole form, not one field (shown in the summary). */
void kt_fstate_form_error(kt_fstate *fs, const char *code);

int kt_fstate_errors(const kt_fstate *fs);

xmlNodePtr kt_fstate_node(const kt_fstate *fs);

apr_pool_t *kt_fstate_pool(const kt_fstate *fs);

const char *kt_fstate_action(const kt_fstate *fs);

#endif
