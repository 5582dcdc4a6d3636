/* iCalendar text; see kt_ical.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_ical.h"
#include "kt_text.h"

#define FOLD_AT 75

/* The zone's rules since 1996 (EU summer time): from the last Sunday of March
 * 03:00 to the last Sunday of October 04:00 local time, UTC+3, else UTC+2.
 * Written out rather than read from the system's zoneinfo: calendar clients
 * want exactly this shape, and Finland has not changed it in decades. */
static const char *const vtimezone[] = {
    "BEGIN:VTIMEZONE",
    "TZID:" KT_ICAL_TZID,
    "BEGIN:STANDARD",
    "DTSTART:19961027T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19960331T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    NULL
};

static const char *const byday[8] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static void put(apr_array_header_t *out, const char *s, apr_size_t n)
{
    apr_size_t i;
    for (i = 0; i < n; i++) {
        APR_ARRAY_PUSH(out, char) = s[i];
    }
}

void kt_ical_fold(apr_array_header_t *out, const char *line)
{
    apr_size_t len = strlen(line), pos = 0, room = FOLD_AT;

    while (len - pos > room) {
        apr_size_t cut = pos + room;
        /* back up to the start of a UTF-8 sequence: never split a character */
        while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80) {
            cut--;
        }
        put(out, line + pos, cut - pos);
        put(out, "\r\n ", 3);
        pos = cut;
        room = FOLD_AT - 1;   /* the leading space counts */
    }
    put(out, line + pos, len - pos);
    put(out, "\r\n", 2);
}

char *kt_ical_escape_text(apr_pool_t *p, const char *text)
{
    /* kt_xml_safe_text turns invalid UTF-8 and C0 controls other than tab,
     * CR and LF into U+FFFD; what is left to do is iCalendar's own escaping. */
    const char *s = kt_xml_safe_text(p, text ? text : "");
    char *out = apr_palloc(p, strlen(s) * 3 + 1), *o = out;

    for (; *s; s++) {
        if (*s == '\\' || *s == ';' || *s == ',') {
            *o++ = '\\';
            *o++ = *s;
        }
        else if (*s == '\r' || *s == '\n') {
            /* CR, LF and CRLF are all one line break */
            if (s[0] == '\r' && s[1] == '\n') {
                s++;
            }
            *o++ = '\\';
            *o++ = 'n';
        }
        else if (*s == '\x7F') {
            /* DEL is a control character to RFC 5545 too */
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        }
        else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

/* NAME;LANGUAGE=xx:escaped text, when there is text. */
static void text_prop(apr_pool_t *p, apr_array_header_t *out, const char *name,
                      const char *lang, const char *text)
{
    if (!text || !*text) {
        return;
    }
    kt_ical_fold(out, apr_pstrcat(p, name, lang ? ";LANGUAGE=" : "", lang ? lang : "", ":",
                                  kt_ical_escape_text(p, text), NULL));
}

static void event(apr_pool_t *p, apr_array_header_t *out, const kt_ical_calendar *cal,
                  const kt_ical_event *ev)
{
    kt_ical_fold(out, "BEGIN:VEVENT");
    kt_ical_fold(out, apr_pstrcat(p, "UID:", kt_ical_escape_text(p, ev->uid), NULL));
    kt_ical_fold(out, apr_pstrcat(p, "DTSTAMP:", cal->stamp, NULL));
    kt_ical_fold(out, apr_pstrcat(p, "LAST-MODIFIED:", cal->stamp, NULL));
    kt_ical_fold(out, apr_pstrcat(p, "DTSTART;TZID=" KT_ICAL_TZID ":", ev->start, NULL));
    if (ev->end) {
        kt_ical_fold(out, apr_pstrcat(p, "DTEND;TZID=" KT_ICAL_TZID ":", ev->end, NULL));
    }
    if (ev->weekday >= 1 && ev->weekday <= 7) {
        kt_ical_fold(out, apr_pstrcat(p, "RRULE:FREQ=WEEKLY;BYDAY=", byday[ev->weekday],
                                      ev->until ? ";UNTIL=" : "", ev->until ? ev->until : "",
                                      NULL));
    }
    text_prop(p, out, "SUMMARY", cal->summary_lang, cal->summary);
    text_prop(p, out, "DESCRIPTION", cal->description_lang, cal->description);
    text_prop(p, out, "LOCATION", NULL, cal->location);
    if (cal->url && *cal->url) {
        /* a URI value, not TEXT: it is not escaped, only folded */
        kt_ical_fold(out, apr_pstrcat(p, "URL:", cal->url, NULL));
    }
    kt_ical_fold(out, "TRANSP:TRANSPARENT");
    kt_ical_fold(out, "END:VEVENT");
}

char *kt_ical_render(apr_pool_t *p, const kt_ical_calendar *cal, apr_size_t *len)
{
    apr_array_header_t *out = apr_array_make(p, 4096, sizeof(char));
    int i;

    kt_ical_fold(out, "BEGIN:VCALENDAR");
    kt_ical_fold(out, "VERSION:2.0");
    kt_ical_fold(out, "PRODID:-//Kotoutumisen tuki//mod_kotoutuminen//FI");
    kt_ical_fold(out, "CALSCALE:GREGORIAN");
    text_prop(p, out, "X-WR-CALNAME", NULL, cal->name);
    kt_ical_fold(out, "X-WR-TIMEZONE:" KT_ICAL_TZID);
    for (i = 0; vtimezone[i]; i++) {
        kt_ical_fold(out, vtimezone[i]);
    }
    for (i = 0; cal->events && i < cal->events->nelts; i++) {
        event(p, out, cal, &APR_ARRAY_IDX(cal->events, i, kt_ical_event));
    }
    kt_ical_fold(out, "END:VCALENDAR");
    *len = (apr_size_t)out->nelts;
    APR_ARRAY_PUSH(out, char) = '\0';
    return out->elts;
}
