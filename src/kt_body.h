/* Reading a form POST's body (see kt_form.h for the decoding). */
#ifndef KT_BODY_H
#define KT_BODY_H

#include "kt_private.h"
#include "kt_form.h"

/* Checks the Content-Type, reads at most lim->max_body bytes and decodes
 * them into kr->form.  Returns OK, or the status to answer with after a
 * logged line: 415 (not a urlencoded form), 413 (too large, too many
 * fields), 400 (bad escape, NUL, invalid UTF-8, broken body). */
int kt_body_read_form(kt_req *kr, const kt_form_limits *lim);

#endif
