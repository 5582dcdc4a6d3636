/* GET /{lang}/feed: the partner guide, a page that explains the feed with
 * examples (xslt/feed-guide.xsl).  The words are in the catalogs; what is
 * made here is what the stylesheet must not spell out itself: the URLs (they
 * depend on KotoutuminenBaseURL), the parameter names and short samples of
 * the feed's XML and HTTP (HACKING.md, page type `feed-guide`). */
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_feed.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_filter.h"

/* The feed's own parameters, then the filters it shares with the search
 * (ROUTES.md, GET /{lang}/activities): q and those of the filter table
 * (kt_filter.h) that the feed takes, in the table's order. */
static const char *const params[] = { "limit", "cursor", "updated_since", NULL };

static void url(apr_pool_t *p, xmlNodePtr parent, const char *elem, const char *name,
                const char *href)
{
    xmlNodePtr n = kt_xml_add(p, parent, elem, NULL);
    kt_xml_attr(p, n, "name", name);
    kt_xml_attr(p, n, "href", href);
}

static void names(apr_pool_t *p, xmlNodePtr parent, const char *elem,
                  const char *const *list)
{
    for (; *list; list++) {
        kt_xml_attr(p, kt_xml_add(p, parent, elem, NULL), "name", *list);
    }
}

static void snippet(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *text)
{
    kt_xml_attr(p, kt_xml_add(p, parent, "snippet", text), "name", name);
}

int kt_feed_guide(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *base = kt_http_base_url(kr), *lang = kt_lang_codes[kr->lang];
    const char *feed = apr_pstrcat(p, base, "/feed/activities.xml", NULL);
    xmlDocPtr doc = kt_page_doc(kr, "feed-guide", HTTP_OK);
    xmlNodePtr g = kt_xml_add(p, xmlDocGetRootElement(doc), "feed-guide", NULL);
    (void)arg;

    url(p, g, "url", "feed", feed);
    url(p, g, "url", "schema", apr_pstrcat(p, base, "/feed/activities.xsd", NULL));
    url(p, g, "url", "atom", apr_pstrcat(p, base, "/feed/activities.atom?lang=", lang, NULL));
    /* a pattern, not an address: shown as text */
    url(p, g, "pattern", "calendar", apr_pstrcat(p, base, "/", lang, "/activities/{id}.ics",
                                                  NULL));
    /* the jobs' feed: the same contract, its own filters (src/kt_jobs.c) */
    url(p, g, "url", "jobs", apr_pstrcat(p, base, "/feed/jobs.xml", NULL));
    url(p, g, "url", "jobs-schema", apr_pstrcat(p, base, "/feed/jobs.xsd", NULL));
    names(p, g, "param", params);
    kt_xml_attr(p, kt_xml_add(p, g, "filter", NULL), "name", "q");
    {
        const kt_filter_table *t = &kt_activity_filters;
        int i;
        for (i = 0; i < t->n; i++) {
            if (t->filters[i].feed) {
                kt_xml_attr(p, kt_xml_add(p, g, "filter", NULL), "name", t->filters[i].name);
            }
        }
    }
    url(p, g, "example", "filtered",
        apr_pstrcat(p, feed, "?municipality=091&language=ara&limit=50", NULL));
    url(p, g, "example", "incremental",
        apr_pstrcat(p, feed, "?updated_since=2026-11-20T08%3A00%3A00Z", NULL));
    url(p, g, "example", "incremental-filtered",
        apr_pstrcat(p, feed, "?municipality=092&updated_since=2026-11-20T08%3A00%3A00Z", NULL));
    snippet(p, g, "next", apr_pstrcat(p, "<next>", feed, "?limit=100&amp;cursor=AgAGS…</next>",
                                      NULL));
    snippet(p, g, "deleted", "<activity id=\"12\" updated=\"2026-11-20T08:30:12.5Z\">…</activity>\n"
                             "<deleted id=\"900\" at=\"2026-11-20T09:02:00Z\"/>");
    snippet(p, g, "conditional", "GET /feed/activities.xml?limit=100\n"
                                 "If-None-Match: \"9bdb286e9282a0dbcfff7d48feeada04\"\n\n"
                                 "HTTP/1.1 304 Not Modified");
    snippet(p, g, "error", "<error xmlns=\"" KT_FEED_NS "\" status=\"400\" param=\"limit\"\n"
                           "       reason=\"out-of-range\">limit must be a whole number from 1 "
                           "to 1000</error>");
    return kt_send_page(kr, "feed-guide", doc, HTTP_OK);
}
