/* The partner feeds (../shared/spec/FEED.md): GET /feed/activities.xml, its
 * schema /feed/activities.xsd, the Atom feed /feed/activities.atom, and the
 * partner guide /{lang}/feed. */
#ifndef KT_FEED_H
#define KT_FEED_H

#include "kt_private.h"

#define KT_FEED_NS "urn:kotoutuminen:feed:1"

int kt_feed_xml(kt_req *kr, const char *arg);
/* arg: the file name under /feed/ (activities.xsd, xml.xsd), served from
 * what kt_feed_xsd_load read at start-up. */
int kt_feed_xsd(kt_req *kr, const char *arg);
/* Read the schema files of XSLT_DIR/feed/ into p; an error message (KT0610/KT0611) or NULL. */
const char *kt_feed_xsd_load(apr_pool_t *p, const char *xslt_dir, kt_feed_schemas **out);
int kt_feed_atom(kt_req *kr, const char *arg);
int kt_feed_guide(kt_req *kr, const char *arg);

/* A feed error as XML in the feed's namespace (the schema's <error>):
 * <error status param reason>message</error>, never cached.  503 adds
 * Retry-After.  param and reason may be NULL.  Returns OK. */
int kt_feed_send_error(kt_req *kr, int status, const char *param, const char *reason,
                       const char *message);

#endif
