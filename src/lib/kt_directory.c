/* The organisations directory's parameters; see kt_directory.h. */
#include "kt_directory.h"

const kt_filter kt_directory_filters[] = {
    { "q", KT_FILTER_TEXT, 200, NULL },
    { "municipality", KT_FILTER_CODE, 3, "municipalities" },
    { "type", KT_FILTER_CODE, 40, "organisation_types" },
    { NULL, KT_FILTER_TEXT, 0, NULL }
};

const kt_filter kt_directory_page_params[] = {
    { "page", KT_FILTER_PAGE, 0, NULL },
    { NULL, KT_FILTER_TEXT, 0, NULL }
};
