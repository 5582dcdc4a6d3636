/* The SQL of networks' public list (sql/020_networks.sql), as macros: pure
 * text, read in one place.  Placeholders are APR DBD's %s.
 *
 * The list's statement is a template of the filter table kt_network_filters
 * (kt_network.h, kt_filter.h): "@PARAMS@" is the CTE `p` of its parameters
 * (kt_search_sql_args: lang, q and qx as tsqueries, then each filter's, NULL
 * turning it off), left open, and "@WHERE@" every filter's condition on
 * public_networks `v`; kt_filter_sql_expand fills them in once, when the
 * module starts (kt_networks_init). */
#ifndef KT_NETWORK_SQL_H
#define KT_NETWORK_SQL_H

/* A card: id, names (3), area, region code and name, municipalities
 * ("code US name RS …"), audiences (the same), coordinator id and name,
 * the number of members.  `l.lang` in scope. */
#define KT_NW_SQL_CARD \
    "v.id AS nw_id, v.title_fi, v.title_sv, v.title_en, v.area, v.region_code," \
    " kt_name(l.lang, rg.name_fi, rg.name_sv, rg.name_en)," \
    " (SELECT string_agg(m.code || chr(31) || kt_name(l.lang, m.name_fi, m.name_sv, m.name_en)," \
    "  chr(30) ORDER BY kt_name(l.lang, m.name_fi, m.name_sv, m.name_en) COLLATE kt_fi)" \
    "  FROM municipalities m WHERE m.code::text = ANY (v.municipalities))," \
    " (SELECT string_agg(a.code || chr(31) || kt_name(l.lang, a.name_fi, a.name_sv, a.name_en)," \
    "  chr(30) ORDER BY a.position) FROM network_audiences a WHERE a.code = ANY (v.audiences))," \
    " o.id AS org_id, o.name," \
    " (SELECT count(*) FROM network_members nm JOIN organisations mo" \
    "  ON mo.id = nm.organisation_id AND mo.status = 'approved'" \
    "  WHERE nm.network_id = v.id AND nm.status = 'active')"
#define KT_NW_SQL_CARD_NCOLS 12

#define KT_NW_SQL_CARD_FROM \
    " FROM public_networks v JOIN organisations o ON o.id = v.organisation_id" \
    " LEFT JOIN regions rg ON rg.code = v.region_code"

/* The list: the table's parameters, then the offset.  One row always: the
 * number of hits, then a card (NULLs when the page is past the end).  By
 * name in the page's language. */
#define KT_NW_SQL_SEARCH \
    "@PARAMS@)" \
    ", hits AS (SELECT " KT_NW_SQL_CARD "," \
    " lower(kt_name(l.lang, v.title_fi, v.title_sv, v.title_en)) AS sort_name" \
    KT_NW_SQL_CARD_FROM " CROSS JOIN p CROSS JOIN (SELECT p.lang FROM p) l" \
    " WHERE @WHERE@)" \
    " SELECT (SELECT count(*) FROM hits), h.* FROM (SELECT 1) one LEFT JOIN LATERAL" \
    " (SELECT hits.* FROM hits ORDER BY hits.sort_name COLLATE kt_fi, hits.nw_id" \
    "  LIMIT 20 OFFSET %s::int) h ON true"

#endif
