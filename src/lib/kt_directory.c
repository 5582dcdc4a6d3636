/* The organisations directory's filters; see kt_directory.h. */
#include "kt_directory.h"

/* The rows are approved organisations `o`. */
static const kt_filter directory_filters[] = {
    { "municipality", KT_FILTER_CODES, 50, kt_filter_municipality_code, NULL,
      "o.municipality_code::text = ANY (p.f_municipality)", NULL, "municipalities",
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
    { "type", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "o.type = ANY (p.f_type)", NULL,
      "organisation_types", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
};

/* q: the name in the search's unaccented configurations and the business ID
 * (organisations.name_tsv, sql/019_projects.sql), with prefixes and Finnish
 * weak grades: "jarjesto" finds "Järjestö ry", "Helsingin" "Helsingin
 * kaupunki" and "1234567-8" that organisation. */
const kt_filter_table kt_directory_filters = {
    "organisations", directory_filters,
    (int)(sizeof(directory_filters) / sizeof(directory_filters[0])),
    " FROM organisations o", "o.name_tsv @@ p.q", "prefix,weak", NULL
};
