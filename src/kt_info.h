/* Pages of information whose text lives in the catalogs (xslt/info.xsl and
 * xslt/help.xsl): terms of use, the privacy statement (with the controller
 * from the configuration), the accessibility statement, the instructions for
 * organisations and the help topics (src/lib/kt_sitemap.h lists them). */
#ifndef KT_INFO_H
#define KT_INFO_H

#include "kt_private.h"

int kt_page_terms(kt_req *kr, const char *arg);
int kt_page_privacy(kt_req *kr, const char *arg);
int kt_page_accessibility(kt_req *kr, const char *arg);
int kt_page_for_organisations(kt_req *kr, const char *arg);
int kt_page_help(kt_req *kr, const char *arg);
int kt_page_help_topic(kt_req *kr, const char *arg);

/* The controller's name for pages in lang: KotoutuminenController NAME LANG,
 * else the name given without a language; NULL when neither is set. */
const char *kt_info_controller_name(const kt_server_conf *conf, kt_lang lang);

#endif
