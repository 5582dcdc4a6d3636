/* GET /{lang}/activities/{id}.ics: an activity's times as an iCalendar file
 * (kt_ical.h), for a person's calendar or a portal's subscription. */
#ifndef KT_ICS_H
#define KT_ICS_H

#include "kt_private.h"

/* arg: the id before ".ics".  404 and 410 as for the activity's page. */
int kt_ics_activity(kt_req *kr, const char *arg);

#endif
