/* RFC 3339 timestamps; see kt_time.h.  The calendar arithmetic is Howard
 * Hinnant's days_from_civil / civil_from_days: exact for every proleptic
 * Gregorian date, no tables, no time zone database, no libc state. */
#include <string.h>
#include <apr_strings.h>
#include "kt_time.h"

#define US_PER_SEC 1000000LL
#define SEC_PER_DAY 86400LL

apr_int64_t kt_time_days_from_civil(int year, int month, int day)
{
    apr_int64_t y = (apr_int64_t)year - (month <= 2);
    apr_int64_t era = (y >= 0 ? y : y - 399) / 400;
    apr_int64_t yoe = y - era * 400;                                  /* 0 … 399 */
    apr_int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    apr_int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* 0 … 146096 */
    return era * 146097 + doe - 719468;
}

void kt_time_civil_from_days(apr_int64_t days, int *year, int *month, int *day)
{
    apr_int64_t z = days + 719468;
    apr_int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    apr_int64_t doe = z - era * 146097;
    apr_int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    apr_int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    apr_int64_t mp = (5 * doy + 2) / 153;
    apr_int64_t m = mp < 10 ? mp + 3 : mp - 9;

    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)m;
    *year = (int)(yoe + era * 400 + (m <= 2));
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* n decimal digits at *s into *out; advances *s.  0 when one is missing. */
static int digits(const char **s, int n, int *out)
{
    int v = 0, i;
    for (i = 0; i < n; i++) {
        char c = (*s)[i];
        if (c < '0' || c > '9') {
            return 0;
        }
        v = v * 10 + (c - '0');
    }
    *s += n;
    *out = v;
    return 1;
}

static int expect(const char **s, const char *one_of)
{
    if (**s && strchr(one_of, **s)) {
        (*s)++;
        return 1;
    }
    return 0;
}

/* ".d…" after the seconds: microseconds, extra digits cut off.  A dot must
 * be followed by at least one digit. */
static int fraction(const char **s, apr_int64_t *frac_us)
{
    apr_int64_t scale = 100000;
    const char *p = *s;

    *frac_us = 0;
    if (*p != '.') {
        return 1;
    }
    p++;
    if (*p < '0' || *p > '9') {
        return 0;
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        *frac_us += (*p - '0') * scale;
        scale /= 10;
    }
    *s = p;
    return 1;
}

/* "Z", or ±HH:MM (a space counts as '+'), in seconds east of UTC. */
static int offset(const char **s, apr_int64_t *east)
{
    int sign, hh, mm;

    if (expect(s, "Zz")) {
        *east = 0;
        return 1;
    }
    if (!**s || !strchr("+- ", **s)) {
        return 0;
    }
    sign = **s == '-' ? -1 : 1;
    (*s)++;
    if (!digits(s, 2, &hh) || !expect(s, ":") || !digits(s, 2, &mm) || hh > 23 || mm > 59) {
        return 0;
    }
    *east = sign * (hh * 3600LL + mm * 60LL);
    return 1;
}

int kt_time_parse_rfc3339(const char *s, apr_int64_t *us)
{
    int y, mo, d, h, mi, sec;
    apr_int64_t frac, east, secs, v;

    if (!s) {
        return 0;
    }
    if (!digits(&s, 4, &y) || !expect(&s, "-") || !digits(&s, 2, &mo) || !expect(&s, "-")
        || !digits(&s, 2, &d) || !expect(&s, "Tt") || !digits(&s, 2, &h) || !expect(&s, ":")
        || !digits(&s, 2, &mi) || !expect(&s, ":") || !digits(&s, 2, &sec)
        || !fraction(&s, &frac) || !offset(&s, &east) || *s) {
        return 0;
    }
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo) || h > 23 || mi > 59
        || sec > 60) {
        return 0;
    }
    secs = kt_time_days_from_civil(y, mo, d) * SEC_PER_DAY + h * 3600LL + mi * 60LL + sec - east;
    v = secs * US_PER_SEC + frac;
    if (v < KT_TIME_MIN_US || v > KT_TIME_MAX_US) {
        return 0;
    }
    *us = v;
    return 1;
}

char *kt_time_format_rfc3339(apr_pool_t *p, apr_int64_t us)
{
    apr_int64_t secs, days, rem, frac;
    int y, mo, d;
    char fbuf[8] = "";

    if (us < KT_TIME_MIN_US || us > KT_TIME_MAX_US) {
        return NULL;
    }
    /* floor division: times before 1970 are negative */
    secs = us >= 0 ? us / US_PER_SEC : -((-us + US_PER_SEC - 1) / US_PER_SEC);
    frac = us - secs * US_PER_SEC;
    days = secs >= 0 ? secs / SEC_PER_DAY : -((-secs + SEC_PER_DAY - 1) / SEC_PER_DAY);
    rem = secs - days * SEC_PER_DAY;
    kt_time_civil_from_days(days, &y, &mo, &d);
    if (frac) {
        int n = 7;
        apr_snprintf(fbuf, sizeof(fbuf), ".%06" APR_INT64_T_FMT, frac);
        while (fbuf[n - 1] == '0') {
            fbuf[--n] = '\0';
        }
    }
    return apr_psprintf(p, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", y, mo, d, (int)(rem / 3600),
                        (int)(rem / 60 % 60), (int)(rem % 60), fbuf);
}
