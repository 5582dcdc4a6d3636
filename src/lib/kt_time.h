/* Timestamps as the feed writes and reads them: RFC 3339 text and microseconds
 * since 1970-01-01T00:00:00Z (the exact unit PostgreSQL's timestamptz keeps, so
 * a value goes to SQL and comes back unchanged).  Pure: no httpd headers. */
#ifndef KT_TIME_H
#define KT_TIME_H

#include <apr_pools.h>

/* The range we accept and write: what PostgreSQL and four-digit years share. */
#define KT_TIME_MIN_US (-62135596800000000LL)   /* 0001-01-01T00:00:00Z */
#define KT_TIME_MAX_US (253402300799999999LL)   /* 9999-12-31T23:59:59.999999Z */

/* Parses an RFC 3339 date-time ("2026-11-20T10:00:00+02:00", "…T08:00:00.5Z")
 * into microseconds since the epoch.  Strict: every field present and in range
 * (February 29 only in leap years; second 60 is a leap second and counts into
 * the next minute), 'T' or 't' between date and time, 'Z', 'z' or ±HH:MM after.
 * A space where the offset's sign belongs is read as '+': a '+' left unescaped
 * in a query string arrives as a space.  More than six fraction digits are cut
 * to microseconds (never rounded up, so "after it" keeps its meaning).
 * Returns 1 on success, 0 on anything else (*us untouched). */
int kt_time_parse_rfc3339(const char *s, apr_int64_t *us);

/* "YYYY-MM-DDTHH:MM:SSZ", with ".ffffff" (trailing zeros dropped) when the
 * value has a fraction; NULL when us is outside KT_TIME_MIN_US..KT_TIME_MAX_US. */
char *kt_time_format_rfc3339(apr_pool_t *p, apr_int64_t us);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
apr_int64_t kt_time_days_from_civil(int year, int month, int day);
void kt_time_civil_from_days(apr_int64_t days, int *year, int *month, int *day);

#endif
