/* For search engines: GET /robots.txt, /sitemap.xml and /sitemap/PART.xml. */
#ifndef KT_SITEMAP_H
#define KT_SITEMAP_H

#include "kt_private.h"

int kt_robots_txt(kt_req *kr, const char *arg);
int kt_sitemap_xml(kt_req *kr, const char *arg);
int kt_sitemap_part(kt_req *kr, const char *arg);

#endif
