/* Tolerant input: what people type into forms, tidied into the form the
 * validators (kt_validate.h, kt_bizid.h) and the database expect, instead of
 * being refused (issue 14).  "12345671" is a business ID written without its
 * hyphen, "www.kaneli.example" a web address without its scheme.
 *
 * Each function takes a trimmed value and returns the tidied copy, or the
 * value itself when there is nothing it can safely tidy (the validator then
 * says what is wrong with what was typed).  Tidying never turns something
 * invalid into something else invalid, and never guesses: an address that
 * could be an email is not made a web address.  The form shows the tidied
 * value back (HACKING.md, "Forms").  Pure, unit-tested. */
#ifndef KT_TIDY_H
#define KT_TIDY_H

#include <apr_pools.h>

/* A Finnish business ID: spaces (also no-break and thin ones) left out,
 * dashes of any kind made "-", "12345671" → "1234567-1", the VAT form
 * "FI12345671" → "1234567-1", and the older way of leaving out the leading
 * zero, "737546-2" → "0737546-2".  The check digit is not checked here. */
const char *kt_tidy_business_id(apr_pool_t *p, const char *s);

/* A web address: "www.kaneli.example/x" → "https://www.kaneli.example/x"
 * (a host with a dot, no scheme, no user part), the scheme and host of an
 * http(s) address in lower case ("HTTPS://Kaneli.Example/Sivu" →
 * "https://kaneli.example/Sivu"). */
const char *kt_tidy_web_url(apr_pool_t *p, const char *s);

/* A phone number: every kind of space (tab, no-break, thin, ideographic)
 * made one ordinary space, runs of them one, dashes of any kind "-", and
 * dots and slashes between digits ("040.123.4567", "09/310 1234") spaces. */
const char *kt_tidy_phone(apr_pool_t *p, const char *s);

/* An email address: "mailto:" left out, the domain in lower case
 * ("Maija.Meikalainen@Kaneli.EXAMPLE" → "Maija.Meikalainen@kaneli.example";
 * the part before @ is the mailbox owner's and stays as typed). */
const char *kt_tidy_email(apr_pool_t *p, const char *s);

#endif
