/* Events and trainings as the public sees them; see kt_events.h.  Every
 * statement is in src/lib/kt_event_sql.h; the filters are the table
 * kt_event_filters (src/lib/kt_event.c, kt_filter.h), which the list page
 * and the partner feed read through the one machinery every kind's list has:
 * kt_search.h parses and makes URLs, kt_filter.h writes the conditions,
 * kt_search_check_codes checks the codes and reads q. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_events.h"
#include "kt_event.h"
#include "kt_event_sql.h"
#include "kt_listpage.h"
#include "kt_feed.h"
#include "kt_etag.h"
#include "kt_http.h"
#include "kt_i18n.h"
#include "kt_ical.h"
#include "kt_text.h"
#include "kt_xml.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define FRONT_EVENTS 4

static const kt_stmt STMT_VOCAB KT_STMT_LISTED = { "kt_events_vocab", KT_EV_SQL_VOCAB };
static const kt_stmt STMT_NEXT KT_STMT_LISTED = { "kt_events_next",
    KT_EV_SQL_NEXT(STR(FRONT_EVENTS)) };
static const kt_stmt STMT_BY_ORG KT_STMT_LISTED = { "kt_events_by_org", KT_EV_SQL_BY_ORG };
static const kt_stmt STMT_FULL KT_STMT_LISTED = { "kt_events_full", KT_EV_SQL_FULL };
static const kt_stmt STMT_ATOM_STATE KT_STMT_LISTED = { "kt_events_atom_state",
    KT_EV_ATOM_STATE };
static const kt_stmt STMT_ATOM_ENTRIES KT_STMT_LISTED = { "kt_events_atom_entries",
    KT_EV_ATOM_ENTRIES };

/* The statements of the filter table, written when the module starts
 * (kt_events_init): the list's, the feed's two; and those kt_search_kind_init
 * builds, which check the codes and read q. */
static kt_stmt stmt_search, stmt_feed_state, stmt_feed_items;
static kt_listpage_built built;

static const kt_listpage_template templates[] = {
    { &stmt_search, "kt_events_search", KT_EV_SQL_SEARCH, 0 },
    { &stmt_feed_state, "kt_events_feed_state", KT_EV_FEED_STATE, 1 },
    { &stmt_feed_items, "kt_events_feed_items", KT_EV_FEED_ITEMS, 1 },
    { NULL, NULL, NULL, 0 }
};

/* ---- an event's elements ---------------------------------------------------------- */

#define COL(i) kt_db_get(db, row, at + (i))

/* The card of KT_EV_SQL_CARD's columns from `at`: <event id ended> with
 * title, type, audiences, time, place, price, organisation. */
static xmlNodePtr add_card(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                           xmlNodePtr parent)
{
    xmlNodePtr ev = kt_xml_add(p, parent, "event", NULL), n, place;
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };
    const char *price = COL(13);

    kt_xml_attr(p, ev, "id", COL(0));
    kt_xml_attr(p, ev, "ended", kt_is_true(COL(9)) ? "true" : "false");
    kt_xml_texts(p, ev, "title", lang, t);
    if (COL(4)) {
        kt_xml_attr(p, kt_xml_add(p, ev, "type", COL(5)), "code", COL(4));
    }
    kt_packed_list(p, ev, "audiences", "audience", "code", COL(6));
    n = kt_xml_add(p, ev, "time", NULL);
    kt_xml_attr(p, n, "start", COL(7));
    kt_xml_attr(p, n, "end", COL(8));
    place = kt_xml_add(p, ev, "place", NULL);
    kt_xml_attr(p, place, "online", kt_is_true(COL(12)) ? "true" : "false");
    if (kt_filled(COL(10))) {
        kt_xml_attr(p, kt_xml_add(p, place, "municipality", COL(11)), "code", COL(10));
    }
    n = kt_xml_add(p, ev, "price", NULL);
    kt_xml_attr(p, n, "free", !price || strtod(price, NULL) <= 0.0 ? "true" : "false");
    if (price && strtod(price, NULL) > 0.0) {
        kt_xml_attr(p, n, "amount", price);
    }
    kt_xml_attr(p, kt_xml_add(p, ev, "organisation", COL(15)), "id", COL(14));
    return ev;
}

/* The rest of the full event (KT_EV_SQL_FULL after the card). */
static void add_details(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                        xmlNodePtr ev)
{
    xmlNodePtr place = kt_card_child(ev, "place"), n;
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };

    kt_xml_attr(p, ev, "updated", COL(0));
    kt_xml_texts(p, ev, "description", lang, t);
    kt_card_region(p, place, COL(4), COL(5));
    if (place && (kt_filled(COL(6)) || kt_filled(COL(7)) || kt_filled(COL(8)))) {
        n = kt_xml_add(p, place, "address", NULL);
        kt_xml_attr(p, n, "street", COL(6));
        kt_xml_attr(p, n, "postal-code", COL(7));
        kt_xml_attr(p, n, "post-office", COL(8));
    }
    if (place && kt_filled(COL(9))) {
        kt_xml_attr(p, kt_xml_add(p, place, "online-link", NULL), "href", COL(9));
    }
    if (kt_filled(COL(10)) || kt_filled(COL(11))) {
        n = kt_xml_add(p, ev, "registration", NULL);
        kt_xml_attr(p, n, "href", COL(10));
        kt_xml_attr(p, n, "deadline", COL(11));
    }
    kt_packed_list(p, ev, "languages", "language", "code", COL(12));
    kt_card_contact(p, ev, COL(13), COL(14), COL(15));
    kt_card_link(p, ev, COL(16));
    kt_card_business_id(p, ev, COL(17));
    if (COL(18)) {
        const char *names[KT_LANG_COUNT] = { COL(19), COL(20), COL(21) };
        n = kt_xml_texts(p, ev, "project", lang, names);
        if (n) {
            kt_xml_attr(p, n, "id", COL(18));
        }
    }
}

#undef COL

/* ---- the pages: GET /{lang}/events (upcoming or ended), /{lang}/events/{id} ---------------- */

static const kt_listpage list_page = {
    "/events", &kt_event_filters, "KT0701: events", "events", "events", "events-search",
    templates, &built, &STMT_VOCAB, 4, add_card, "past"
};

static const kt_itempage item_page = {
    "event", "events", &STMT_FULL, add_card, KT_EV_SQL_CARD_NCOLS, add_details, NULL
};

const char *kt_events_init(apr_pool_t *p)
{
    return kt_listpage_init(p, &list_page);
}

const kt_stmt *const *kt_events_statements(int *n)
{
    return kt_listpage_statements(&list_page, n);
}

kt_db_status kt_events_next(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent)
{
    const char *args[1] = { kt_lang_codes[lang] };
    return kt_cards(db, p, lang, &STMT_NEXT, 1, args, "next-events", add_card, parent);
}

kt_db_status kt_events_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                              xmlNodePtr parent)
{
    const char *args[2] = { kt_lang_codes[lang], org };
    return kt_cards(db, p, lang, &STMT_BY_ORG, 2, args, "events", add_card, parent);
}

int kt_page_events(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_listpage_serve(kr, &list_page);
}

int kt_page_event(kt_req *kr, const char *arg)
{
    return kt_itempage_serve(kr, &item_page, arg);
}

/* ---- its calendar file: GET /{lang}/events/{id}.ics ------------------------------------- */

typedef enum { EV_FOUND, EV_NOT_FOUND, EV_GONE } ev_found;

/* The event's row (KT_EV_SQL_FULL, as its page reads it): more reads it. */
static kt_db_status full(kt_req *kr, kt_db *db, const char *id, ev_found *found,
                         void (*more)(kt_req *, kt_db *, apr_dbd_row_t *, void *), void *baton)
{
    const char *args[2] = { kt_lang_codes[kr->lang], id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_FULL, &res, 2, args);

    *found = EV_NOT_FOUND;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        if (kt_is_true(kt_db_get(db, row, 0))) {
            *found = EV_GONE;
            continue;
        }
        *found = EV_FOUND;
        more(kr, db, row, baton);
    }
    return st;
}

/* Columns of KT_EV_SQL_FULL past the card and the details. */
enum {
    ICS_AT = 1 + KT_EV_SQL_CARD_NCOLS + 18 + KT_PROJECT_NAME_NCOLS,
    ICS_START = ICS_AT, ICS_END, ICS_STAMP, ICS_US, ICS_MUNI_FI, ICS_MUNI_SV
};

typedef struct {
    kt_ical_calendar cal;
    apr_time_t updated;
} ics_ctx;

static void ics_row(kt_req *kr, kt_db *db, apr_dbd_row_t *row, void *baton)
{
    ics_ctx *c = baton;
    apr_pool_t *p = kr->r->pool;
    const char *t[KT_LANG_COUNT], *street, *postal, *office, *town = NULL, *where = NULL;
    kt_ical_event *ev;
    int i, pick;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = kt_db_get(db, row, 2 + i);
    }
    pick = kt_text_pick(kr->lang, t);
    c->cal.summary = pick >= 0 ? apr_pstrdup(p, t[pick]) : "";
    c->cal.summary_lang = pick >= 0 ? kt_lang_codes[pick] : NULL;
    c->cal.name = c->cal.summary;
    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = kt_db_get(db, row, 1 + KT_EV_SQL_CARD_NCOLS + 1 + i);
    }
    pick = kt_text_pick(kr->lang, t);
    c->cal.description = pick >= 0 ? apr_pstrdup(p, t[pick]) : NULL;
    c->cal.description_lang = pick >= 0 ? kt_lang_codes[pick] : NULL;
    street = kt_db_get(db, row, 1 + KT_EV_SQL_CARD_NCOLS + 6);
    postal = kt_db_get(db, row, 1 + KT_EV_SQL_CARD_NCOLS + 7);
    office = kt_db_get(db, row, 1 + KT_EV_SQL_CARD_NCOLS + 8);
    if (kt_filled(postal) || kt_filled(office)) {
        town = apr_pstrcat(p, kt_filled(postal) ? postal : "", kt_filled(postal) && kt_filled(office)
                           ? " " : "", kt_filled(office) ? office : "", NULL);
    }
    if (kt_filled(street)) {
        where = town ? apr_pstrcat(p, street, ", ", town, NULL) : apr_pstrdup(p, street);
    }
    else {
        const char *muni = kt_db_get(db, row, kr->lang == KT_LANG_SV ? ICS_MUNI_SV : ICS_MUNI_FI);
        where = town ? town : kt_filled(muni) ? apr_pstrdup(p, muni) : NULL;
    }
    if (kt_is_true(kt_db_get(db, row, 1 + 12))) {
        const char *online = kt_text(kr, "place.online");
        where = where ? apr_pstrcat(p, where, "; ", online, NULL) : online;
    }
    c->cal.location = where;
    c->cal.stamp = apr_pstrdup(p, kt_db_get(db, row, ICS_STAMP));
    c->updated = apr_atoi64(kt_db_get(db, row, ICS_US));
    c->cal.events = apr_array_make(p, 1, sizeof(kt_ical_event));
    ev = apr_array_push(c->cal.events);
    ev->weekday = 0;
    ev->start = apr_pstrdup(p, kt_db_get(db, row, ICS_START));
    ev->end = kt_db_get(db, row, ICS_END) ? apr_pstrdup(p, kt_db_get(db, row, ICS_END)) : NULL;
    ev->until = NULL;
    ev->uid = NULL;   /* set by the caller, who knows the host */
}

/* The host of the base URL, for the domain part of the UID. */
static const char *uid_host(apr_pool_t *p, const char *base)
{
    const char *h = strstr(base, "://");
    apr_size_t n;

    h = h ? h + 3 : base;
    n = strcspn(h, ":/");
    return n ? apr_pstrmemdup(p, h, n) : "localhost";
}

int kt_ics_event(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    const char *base = kt_http_base_url(kr), *parts[5];
    ics_ctx c;
    kt_db *db;
    ev_found found = EV_NOT_FOUND;
    apr_size_t len;
    char *body;
    kt_db_status st;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    memset(&c, 0, sizeof(c));
    st = kt_db_open(r, &db);
    if (st == KT_DB_OK) {
        st = full(kr, db, arg, &found, ics_row, &c);
    }
    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, st == KT_DB_UNAVAILABLE ? APLOG_WARNING : APLOG_ERR, 0, r,
                      "KT0702: calendar of event %s: database call failed", arg);
        return kt_send_db_failure(kr, st);
    }
    if (found != EV_FOUND) {
        return kt_send_error(kr, found == EV_GONE ? HTTP_GONE : HTTP_NOT_FOUND, NULL, NULL);
    }
    c.cal.url = apr_pstrcat(r->pool, base, "/", kt_lang_codes[kr->lang], "/events/", arg, NULL);
    APR_ARRAY_IDX(c.cal.events, 0, kt_ical_event).uid =
        apr_pstrcat(r->pool, "event-", arg, "@", uid_host(r->pool, base), NULL);
    body = kt_ical_render(r->pool, &c.cal, &len);
    parts[0] = "ics-event:1";
    parts[1] = kt_lang_codes[kr->lang];
    parts[2] = c.cal.url;
    parts[3] = c.cal.stamp;
    parts[4] = body;
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    apr_table_setn(r->headers_out, "Content-Disposition",
                   apr_pstrcat(r->pool, "attachment; filename=\"event-", arg, ".ics\"", NULL));
    ap_set_content_type(r, "text/calendar; charset=utf-8");
    if (kt_http_not_modified(r, kt_etag_make(r->pool, parts, 5), c.updated)) {
        r->status = HTTP_NOT_MODIFIED;
        return OK;
    }
    ap_set_content_length(r, (apr_off_t)len);
    if (!r->header_only) {
        ap_rwrite(body, (int)len, r);
    }
    return OK;
}

/* ---- the partner feed: GET /feed/events.xml ------------------------------------------ */

/* The filters are the list page's (kt_event_filters, without past): parsed,
 * checked and made canonical by the same machinery (kt_feed_serve). */

/* Columns of KT_EV_FEED_ITEMS. */
enum {
    F_HIT, F_ID, F_UPDATED, F_US, F_PUBLISHED, F_TITLE, F_DESC = F_TITLE + 3,
    F_TYPE = F_DESC + 3, F_TYPE_FI, F_TYPE_SV, F_TYPE_EN, F_AUDIENCES, F_START, F_END,
    F_MUNI, F_MUNI_FI, F_MUNI_SV, F_REGION, F_REGION_FI, F_REGION_SV, F_REGION_EN, F_ONLINE,
    F_STREET, F_POSTAL, F_POST_OFFICE, F_ONLINE_URL, F_LANGS, F_REG_URL, F_REG_DEADLINE,
    F_PRICE, F_CONTACT_NAME, F_CONTACT_EMAIL, F_CONTACT_PHONE, F_URL, F_ORG_ID, F_ORG_NAME,
    F_ORG_BIZID, F_ORG_TYPE, F_PROJECT_ID, F_PROJECT_NAME
};

#define COL(i) kt_db_get(db, row, (i))

static void feed_place(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    kt_xmlout_open(o, "place");
    kt_xmlout_attr(o, p, "online", kt_is_true(COL(F_ONLINE)) ? "true" : "false");
    kt_feed_area(o, p, db, row, F_MUNI, F_REGION);
    kt_feed_address(o, p, db, row, F_STREET);
    if (kt_filled(COL(F_ONLINE_URL))) {
        kt_xmlout_open(o, "online-link");
        kt_xmlout_attr(o, p, "href", COL(F_ONLINE_URL));
        kt_xmlout_close(o);
    }
    kt_xmlout_close(o);
}

static void feed_terms(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    if (kt_filled(COL(F_REG_URL)) || kt_filled(COL(F_REG_DEADLINE))) {
        kt_xmlout_open(o, "registration");
        kt_xmlout_attr(o, p, "href", kt_filled(COL(F_REG_URL)) ? COL(F_REG_URL) : NULL);
        kt_xmlout_attr(o, p, "deadline", COL(F_REG_DEADLINE));
        kt_xmlout_close(o);
    }
    kt_feed_price(o, p, COL(F_PRICE));
    kt_feed_contact(o, p, db, row, F_CONTACT_NAME);
    kt_feed_website(o, p, COL(F_URL));
}

/* One <event>, in the order events.xsd's sequence has. */
static void feed_write(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row,
                       const char *base, const void *data)
{
    (void)data;
    kt_xmlout_open(o, "event");
    kt_xmlout_attr(o, p, "id", COL(F_ID));
    kt_xmlout_attr(o, p, "updated", COL(F_UPDATED));
    kt_xmlout_attr(o, p, "published", COL(F_PUBLISHED));
    kt_feed_titles(o, p, db, row, F_TITLE);
    kt_feed_texts(o, p, "description", db, row, F_DESC);
    kt_feed_canonical(o, p, base, "events", COL(F_ID));
    kt_xmlout_open(o, "type");
    kt_xmlout_attr(o, p, "code", COL(F_TYPE));
    kt_feed_texts(o, p, "name", db, row, F_TYPE_FI);
    kt_xmlout_close(o);
    kt_feed_list(o, p, "audiences", "audience", COL(F_AUDIENCES), kt_feed_vocab_record);
    kt_xmlout_open(o, "time");
    kt_xmlout_attr(o, p, "start", COL(F_START));
    kt_xmlout_attr(o, p, "end", COL(F_END));
    kt_xmlout_attr(o, p, "timezone", "Europe/Helsinki");
    kt_xmlout_close(o);
    feed_place(o, p, db, row);
    kt_feed_list(o, p, "languages", "language", COL(F_LANGS), kt_feed_language_record);
    feed_terms(o, p, db, row);
    kt_feed_owner(o, p, db, row, F_ORG_ID, F_PROJECT_ID);
    kt_xmlout_close(o);
}

#undef COL

static const kt_feed_kind event_feed = {
    "events", KT_EVENTS_NS, "/feed/events.xml", "feed-events-xml:1",
    &stmt_feed_state, &stmt_feed_items, &kt_event_filters, feed_write,
    "past and page belong to the list page: the feed carries every public event, ended ones "
    "included until they are archived, in its own order (by time of change, then id) and "
    "pages with cursor",
    "no such code: the codes are those of the list at /fi/events (and of the feed's schema)",
    NULL
};

int kt_feed_events_xml(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_feed_serve(kr, &event_feed);
}

static const kt_atom_kind event_atom = {
    "/feed/events.atom", "events", "events.atom.title", "urn:kotoutuminen:event-type",
    "feed-events-atom:1", &STMT_ATOM_STATE, &STMT_ATOM_ENTRIES
};

int kt_feed_events_atom(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_atom_serve(kr, &event_atom);
}
