/* GET /feed/activities.atom (placeholder until written). */
#include "kt_feed.h"
int kt_feed_atom(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_feed_send_error(kr, 404, NULL, NULL, "not yet");
}
