/* What the unit tests of the content kinds (test_event.c, test_job.c, test_network.c,
 * test_project.c) share: a form body decoded as a request's is, the errors a kind's check
 * reports collected as text, and a kind's filter table read as the list page reads it.
 * Static inline, so that each test file takes what it uses and the runner's sources stay
 * tests/unit/test_*.c. */
#ifndef UT_KINDS_H
#define UT_KINDS_H
#include <stdarg.h>
#include <string.h>
#include "unit.h"
#include "kt_form.h"
#include "kt_filter.h"
#include "kt_search.h"
#include "kt_query.h"

/* The errors a check reported, "field=code " each, in the order reported. */
typedef struct {
    char codes[2048];
    int n;
} ut_errs;

/* The report callback of a kind's check (kt_event_check, kt_job_check, …). */
static inline void ut_collect(void *baton, const char *field, const char *code)
{
    ut_errs *e = baton;
    strcat(e->codes, field);
    strcat(e->codes, "=");
    strcat(e->codes, code);
    strcat(e->codes, " ");
    e->n++;
}

static inline void ut_errs_clear(ut_errs *e)
{
    memset(e, 0, sizeof(*e));
}

/* Each "field=code" given (NULL ends the list) is among the errors; a failure names it. */
static inline void ut_errs_have(const ut_errs *e, ...)
{
    const char *want;
    va_list ap;

    va_start(ap, e);
    while ((want = va_arg(ap, const char *)) != NULL) {
        ck_assert_msg(strstr(e->codes, want) != NULL, "%s not in \"%s\"", want, e->codes);
    }
    va_end(ap);
}

/* A kind's form body read and checked, as a draft (submit 0) or a submission (1): what
 * each test file's check() does with its kind's from_form and check. */
typedef ut_errs (*ut_checker)(const char *body, int submit);

/* A body, how it is checked, an error it must report (NULL: none is asked for) and how
 * many errors in all (-1: any number). */
typedef struct {
    const char *body;
    int submit;
    const char *error;
    int n;
} ut_check_case;

/* Every case of the list (ended by one whose body is NULL) is reported as it says. */
static inline void ut_checks(ut_checker check, const ut_check_case *c)
{
    for (; c->body; c++) {
        ut_errs e = check(c->body, c->submit);
        if (c->error) {
            ck_assert_msg(strstr(e.codes, c->error) != NULL, "%s: %s not in \"%s\"", c->body,
                          c->error, e.codes);
        }
        if (c->n >= 0) {
            ck_assert_msg(e.n == c->n, "%s: %d errors, not %d: \"%s\"", c->body, e.n, c->n,
                          e.codes);
        }
    }
}

/* An urlencoded body decoded with the default limits, as a form POST is. */
static inline kt_form *ut_form(const char *body)
{
    kt_form *f = NULL;
    ck_assert_int_eq(kt_form_decode(ut_pool, body, strlen(body), &kt_form_default_limits, &f),
                     KT_FORM_OK);
    return f;
}

/* As a request reaches a list page: tracking parameters dropped by the dispatcher
 * (kt_query_strip_tracking), the rest parsed by the kind's table. */
static inline int ut_parse(const kt_filter_table *t, const char *q, kt_search *v,
                           kt_search_error *err)
{
    apr_array_header_t *pairs;
    return kt_search_parse(ut_pool, t, kt_query_strip_tracking(ut_pool, q), v, &pairs, err);
}

/* A filter's index in its table; it must have one. */
static inline int ut_filter(const kt_filter_table *t, const char *name)
{
    int f = kt_filter_index(t, name);
    ck_assert_msg(f >= 0, "no filter %s", name);
    return f;
}

/* A query string the table refuses, the parameter it names and why (NULL: not checked). */
typedef struct {
    const char *query;
    const char *param;
    const char *reason;
} ut_refusal;

/* Every query of the list (ended by one whose query is NULL) is refused as it says. */
static inline void ut_refused(const kt_filter_table *t, const ut_refusal *r)
{
    kt_search v;
    kt_search_error err;

    for (; r->query; r++) {
        ck_assert_msg(!ut_parse(t, r->query, &v, &err), "%s was not refused", r->query);
        if (r->param) {
            ck_assert_msg(err.param && strcmp(err.param, r->param) == 0, "%s: param %s",
                          r->query, err.param ? err.param : "(none)");
        }
        if (r->reason) {
            ck_assert_msg(strcmp(err.reason, r->reason) == 0, "%s: %s", r->query, err.reason);
        }
    }
}

#endif
