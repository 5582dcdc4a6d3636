/* iCalendar (RFC 5545) text of one activity's times: weekly slots as
 * recurring events, dated sessions as single ones, all in Europe/Helsinki
 * time with the zone's own VTIMEZONE.  Pure (APR only): the handler
 * (kt_ics.c) reads the database and fills a kt_ical_calendar; everything
 * about the format — escaping, folding, CRLF, the components — is here and
 * unit-tested. */
#ifndef KT_ICAL_H
#define KT_ICAL_H

#include <apr_pools.h>
#include <apr_tables.h>

#define KT_ICAL_TZID "Europe/Helsinki"

typedef struct {
    const char *uid;         /* unique within the calendar and stable over time */
    const char *start;       /* local date-time "YYYYMMDDTHHMMSS" */
    const char *end;         /* same form, or NULL */
    int weekday;             /* 1 = Monday … 7 = Sunday: weekly from start; 0 = once */
    const char *until;       /* last possible start, UTC "YYYYMMDDTHHMMSSZ", or NULL */
} kt_ical_event;

typedef struct {
    const char *name;        /* X-WR-CALNAME, usually the title */
    const char *summary;     /* every event's SUMMARY */
    const char *summary_lang;
    const char *description; /* or NULL */
    const char *description_lang;
    const char *location;    /* or NULL */
    const char *url;         /* the activity's page; or NULL */
    const char *stamp;       /* DTSTAMP and LAST-MODIFIED: UTC "YYYYMMDDTHHMMSSZ" */
    apr_array_header_t *events;   /* kt_ical_event */
} kt_ical_calendar;

/* The whole VCALENDAR, CRLF line endings, folded at 75 octets.  *len gets
 * its length in bytes. */
char *kt_ical_render(apr_pool_t *p, const kt_ical_calendar *cal, apr_size_t *len);

/* A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped,
 * line breaks (CRLF, CR or LF) as "\n", other control characters and
 * invalid UTF-8 replaced, so that no input can start a property of its own. */
char *kt_ical_escape_text(apr_pool_t *p, const char *text);

/* One content line "NAME…:VALUE" folded (3.1): at most 75 octets a line,
 * never inside a UTF-8 sequence, continuation lines begin with a space;
 * CRLF after each.  Appended to out (an array of char). */
void kt_ical_fold(apr_array_header_t *out, const char *line);

#endif
