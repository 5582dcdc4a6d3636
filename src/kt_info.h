/* Pages of plain information whose text lives in the catalogs: terms of
 * use and the privacy notice (page types terms, privacy; xslt/info.xsl). */
#ifndef KT_INFO_H
#define KT_INFO_H

#include "kt_private.h"

int kt_page_terms(kt_req *kr, const char *arg);
int kt_page_privacy(kt_req *kr, const char *arg);

#endif
