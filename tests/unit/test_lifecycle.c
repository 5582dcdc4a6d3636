/* The lifecycle's state machine (src/lib/kt_lifecycle.c): every state, with
 * and without a published version, against every action — what is allowed
 * and where it leads, and that everything else is refused; the version an
 * edit writes; the kinds' names in SQL; statement labels. */
#include <string.h>
#include "unit.h"
#include "kt_kind.h"
#include "kt_labels.h"
#include "kt_lifecycle.h"

/* The expected tables, written out independently of the one in the code:
 * for each state, one row for a listing never public and one for a listing
 * with a published version the public has seen; in each, the state after
 * save, submit, approve, return, reject, archive, end, expire, confirm,
 * publish, schedule, withdraw ("-": refused). */
#define NONE_PUBLISHED "-", "-", "-"

/* Kinds published by a moderator's decision (activities, events). */
static const char *const reviewed[KT_LC_STATES][2][KT_LC_ACTIONS] = {
    /* draft */
    { { "draft", "submitted", "-", "-", "-", "archived", "-", "-", "-", NONE_PUBLISHED },
      { "draft", "submitted", "-", "-", "-", "archived", "archived", "archived", "draft",
        NONE_PUBLISHED } },
    /* submitted */
    { { "draft", "submitted", "published", "returned", "rejected", "archived", "-", "-", "-",
        NONE_PUBLISHED },
      { "draft", "submitted", "published", "returned", "rejected", "archived", "archived",
        "archived", "submitted", NONE_PUBLISHED } },
    /* returned: stays returned while corrected */
    { { "returned", "submitted", "-", "-", "-", "archived", "-", "-", "-", NONE_PUBLISHED },
      { "returned", "submitted", "-", "-", "-", "archived", "archived", "archived",
        "returned", NONE_PUBLISHED } },
    /* rejected: final unless there is a public version to write an edit of */
    { { "-", "-", "-", "-", "-", "archived", "-", "-", "-", NONE_PUBLISHED },
      { "draft", "submitted", "-", "-", "-", "archived", "archived", "archived",
        "rejected", NONE_PUBLISHED } },
    /* published (always has a published version; the first row cannot occur, and the
     * rules do not need it to: what they allow there is the same) */
    { { "draft", "submitted", "-", "-", "-", "archived", "archived", "archived", "published",
        NONE_PUBLISHED },
      { "draft", "submitted", "-", "-", "-", "archived", "archived", "archived",
        "published", NONE_PUBLISHED } },
    /* archived: history */
    { { "-", "-", "-", "-", "-", "-", "-", "-", "-", NONE_PUBLISHED },
      { "-", "-", "-", "-", "-", "-", "-", "-", "-", NONE_PUBLISHED } },
    /* scheduled: not a state of these kinds */
    { { "-", "-", "-", "-", "-", "-", "-", "-", "-", NONE_PUBLISHED },
      { "-", "-", "-", "-", "-", "-", "-", "-", "-", NONE_PUBLISHED } },
};

#define NOT_REVIEWED "-", "-", "-", "-", "-"
#define NOTHING NOT_REVIEWED, "-", "-", "-", "-", "-", "-", "-"

/* Kinds published by their writers (news): no submission, no decision. */
static const char *const editorial[KT_LC_STATES][2][KT_LC_ACTIONS] = {
    /* draft: a new item, or an edit of a public one (which cannot be scheduled) */
    { { "draft", NOT_REVIEWED, "-", "-", "-", "published", "scheduled", "archived" },
      { "draft", NOT_REVIEWED, "archived", "archived", "draft", "published", "-", "archived" } },
    /* submitted, returned, rejected: not states of these kinds */
    { { NOTHING }, { NOTHING } },
    { { NOTHING }, { NOTHING } },
    { { NOTHING }, { NOTHING } },
    /* published: an edit is published at once or saved as a draft */
    { { "draft", NOT_REVIEWED, "archived", "archived", "published", "published", "-",
        "archived" },
      { "draft", NOT_REVIEWED, "archived", "archived", "published", "published", "-",
        "archived" } },
    /* archived (withdrawn): history */
    { { NOTHING }, { NOTHING } },
    /* scheduled (never public while it is; the second row cannot occur): saving
     * takes it off the schedule */
    { { "draft", NOT_REVIEWED, "-", "-", "-", "published", "scheduled", "archived" },
      { "draft", NOT_REVIEWED, "-", "-", "-", "published", "scheduled", "archived" } },
};

static void check_table(kt_lc_publication how,
                        const char *const want[KT_LC_STATES][2][KT_LC_ACTIONS])
{
    int s, pub, a, checked = 0;

    for (s = 0; s < KT_LC_STATES; s++) {
        for (pub = 0; pub < 2; pub++) {
            for (a = 0; a < KT_LC_ACTIONS; a++) {
                int next = kt_lc_next_in(how, (kt_lc_state)s, pub, (kt_lc_action)a);
                const char *got = next < 0 ? "-" : kt_lc_state_name((kt_lc_state)next);
                ck_assert_msg(want[s][pub][a] && strcmp(want[s][pub][a], got) == 0,
                              "%s: %s%s --%s--> %s, expected %s",
                              how == KT_LC_REVIEWED ? "reviewed" : "editorial",
                              kt_lc_state_name((kt_lc_state)s), pub ? " (public)" : "",
                              kt_lc_action_name((kt_lc_action)a), got,
                              want[s][pub][a] ? want[s][pub][a] : "(nothing written)");
                if (how == KT_LC_REVIEWED) {
                    /* kt_lc_next is the reviewed kinds' table */
                    ck_assert_int_eq(kt_lc_next((kt_lc_state)s, pub, (kt_lc_action)a), next);
                }
                checked++;
            }
        }
    }
    ck_assert_int_eq(checked, KT_LC_STATES * 2 * KT_LC_ACTIONS);
}

START_TEST(every_transition_allowed_and_refused)
{
    check_table(KT_LC_REVIEWED, reviewed);
}
END_TEST

START_TEST(every_editorial_transition_allowed_and_refused)
{
    check_table(KT_LC_EDITORIAL, editorial);
    /* no third way of publishing */
    ck_assert_int_eq(kt_lc_next_in((kt_lc_publication)2, KT_LC_DRAFT, 0, KT_LC_SAVE), -1);
    ck_assert_int_eq(kt_lc_next_in((kt_lc_publication)-1, KT_LC_DRAFT, 0, KT_LC_SAVE), -1);
}
END_TEST

START_TEST(a_scheduled_listing_is_not_yet_public)
{
    /* scheduled: its published version waits for its time */
    kt_lc_facts f = { KT_LC_SCHEDULED, 1, 1, 1 };

    ck_assert(!kt_lc_ever_public(&f));
    ck_assert(kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_SCHEDULE));   /* another time */
    ck_assert(kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_SAVE));
    ck_assert(!kt_lc_allowed_in(KT_LC_REVIEWED, &f, KT_LC_SAVE));
    ck_assert(!kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_END));       /* not public */
    /* its time has come: the statements read it as published */
    f.state = KT_LC_PUBLISHED;
    ck_assert(kt_lc_ever_public(&f));
    ck_assert(!kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_SCHEDULE));
    ck_assert(kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_WITHDRAW));
    ck_assert(!kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_SUBMIT));
    ck_assert(!kt_lc_allowed_in(KT_LC_REVIEWED, &f, KT_LC_WITHDRAW));
    /* an edit of a public item waits as a draft; it can be published, not scheduled */
    f.state = KT_LC_DRAFT;
    f.latest_version = 2;
    ck_assert(kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_PUBLISH));
    ck_assert(!kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_SCHEDULE));
    /* a first draft can be scheduled */
    f.published_version = 0;
    ck_assert(!kt_lc_ever_public(&f));
    ck_assert(kt_lc_allowed_in(KT_LC_EDITORIAL, &f, KT_LC_SCHEDULE));
}
END_TEST

START_TEST(allowed_reads_the_facts)
{
    kt_lc_facts f = { KT_LC_REJECTED, 0, 1, 1 };

    ck_assert(!kt_lc_allowed(&f, KT_LC_SAVE));          /* a new listing rejected: final */
    ck_assert(kt_lc_allowed(&f, KT_LC_ARCHIVE));
    f.published_version = 1;
    f.latest_version = 2;
    f.decided_version = 2;                               /* a rejected edit of a public one */
    ck_assert(kt_lc_allowed(&f, KT_LC_SAVE));
    ck_assert(kt_lc_allowed(&f, KT_LC_CONFIRM));
    ck_assert(!kt_lc_allowed(&f, KT_LC_APPROVE));
    f.state = KT_LC_ARCHIVED;
    ck_assert(!kt_lc_allowed(&f, KT_LC_CONFIRM));
    ck_assert(!kt_lc_allowed(&f, KT_LC_ARCHIVE));
}
END_TEST

START_TEST(an_edit_after_a_decision_is_a_new_version)
{
    /* state, published, latest, decided → the version a save writes */
    static const struct { kt_lc_state s; int pub, latest, decided, want; } cases[] = {
        { KT_LC_DRAFT, 0, 1, 0, 1 },        /* a new draft is saved over */
        { KT_LC_SUBMITTED, 0, 1, 0, 1 },    /* taken back from the queue: same version */
        { KT_LC_RETURNED, 0, 1, 1, 2 },     /* the returned version is history */
        { KT_LC_RETURNED, 0, 2, 1, 2 },     /* its correction is saved over */
        { KT_LC_PUBLISHED, 1, 1, 1, 2 },    /* an edit of the published one */
        { KT_LC_DRAFT, 1, 2, 1, 2 },        /* … saved over while undecided */
        { KT_LC_SUBMITTED, 1, 2, 1, 2 },
        { KT_LC_REJECTED, 1, 2, 2, 3 },     /* a rejected edit stays as it was */
        { KT_LC_DRAFT, 2, 2, 2, 3 },        /* the public version is never written */
        { KT_LC_SCHEDULED, 1, 1, 1, 2 },    /* a scheduled version was decided: history */
        { KT_LC_DRAFT, 0, 2, 1, 2 },        /* taken off the schedule, saved over */
    };
    apr_size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        kt_lc_facts f = { cases[i].s, cases[i].pub, cases[i].latest, cases[i].decided };
        ck_assert_msg(kt_lc_version_for_edit(&f) == cases[i].want, "case %d", (int)i);
    }
}
END_TEST

START_TEST(names_round_trip)
{
    int i;

    for (i = 0; i < KT_LC_STATES; i++) {
        ck_assert_int_eq(kt_lc_state_from_name(kt_lc_state_name((kt_lc_state)i)), i);
    }
    for (i = 0; i < KT_LC_ACTIONS; i++) {
        ck_assert_int_eq(kt_lc_action_from_name(kt_lc_action_name((kt_lc_action)i)), i);
    }
    ck_assert_int_eq(kt_lc_state_from_name("Published"), -1);
    ck_assert_int_eq(kt_lc_state_from_name(NULL), -1);
    ck_assert_int_eq(kt_lc_action_from_name("delete"), -1);
    ck_assert_ptr_null(kt_lc_state_name(KT_LC_STATES));
    ck_assert_str_eq(kt_lc_action_name(KT_LC_APPROVE), "approve");
    ck_assert_str_eq(kt_lc_action_name(KT_LC_WITHDRAW), "withdraw");
    ck_assert_str_eq(kt_lc_state_name(KT_LC_SCHEDULED), "scheduled");
}
END_TEST

START_TEST(kind_names_in_sql)
{
    const kt_lc_names n = { "event", "events", "event_versions", "event_id", "events" };

    ck_assert_str_eq(kt_lc_sql(ut_pool, "SELECT v.{K} FROM {T} a JOIN {V} v -- {N} /{S}/", &n),
                     "SELECT v.event_id FROM events a JOIN event_versions v -- event /events/");
    /* other braces, %s and a lone brace at the end are copied as they are */
    ck_assert_str_eq(kt_lc_sql(ut_pool, "'{x}' %s {T", &n), "'{x}' %s {T");
    ck_assert_str_eq(kt_lc_sql(ut_pool, "", &n), "");
}
END_TEST

START_TEST(every_kind_is_described)
{
    int i;

    ck_assert_ptr_nonnull(kt_kinds[0]);
    for (i = 0; kt_kinds[i]; i++) {
        const kt_kind *k = kt_kinds[i];
        ck_assert_ptr_eq(kt_kind_named(k->names.name), k);
        ck_assert(k->names.table && k->names.versions && k->names.key && k->names.segment);
        ck_assert(k->mail && (!k->ended || *k->ended));
        ck_assert_ptr_nonnull(k->rules);
        /* a kind owned by no organisation has nobody to review it for: its
         * writers publish it (the module refuses to start otherwise) */
        ck_assert(k->owner == KT_KIND_ORGANISATION || k->publication == KT_LC_EDITORIAL);
    }
    ck_assert_ptr_eq(kt_kind_named("activity"), &kt_kind_activity);
    ck_assert_ptr_eq(kt_kind_named("news"), &kt_kind_news);
    ck_assert_int_eq(kt_kind_news.owner, KT_KIND_UNOWNED);
    ck_assert_ptr_null(kt_kind_news.ended);                 /* stays until withdrawn */
    ck_assert_ptr_nonnull(kt_kind_event.ended);
    ck_assert_int_eq(kt_kind_news.publication, KT_LC_EDITORIAL);
    ck_assert_int_eq(kt_kind_activity.publication, KT_LC_REVIEWED);
    ck_assert_int_eq(kt_kind_event.owner, KT_KIND_ORGANISATION);
    ck_assert_ptr_null(kt_kind_named("nothing"));
}
END_TEST

START_TEST(statement_labels)
{
    const char *good[] = { "kt_a", "kt_lc_event_meta", "kt_search_vocab_fi" };
    const char *twice[] = { "kt_a", "kt_b", "kt_a" };
    const char *bad[] = { "kt_a", "kt_Upper" };
    const char *err;

    ck_assert(kt_label_ok("kt_x1_y"));
    ck_assert(!kt_label_ok("kt_"));
    ck_assert(!kt_label_ok("x_kt"));
    ck_assert(!kt_label_ok("kt_a-b"));
    ck_assert(!kt_label_ok("kt_a b"));
    ck_assert(!kt_label_ok(NULL));
    ck_assert(!kt_label_ok("kt_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"));
    ck_assert_ptr_null(kt_labels_check(ut_pool, good, 3));
    err = kt_labels_check(ut_pool, twice, 3);
    ck_assert_ptr_nonnull(err);
    ck_assert(strstr(err, "\"kt_a\"") && strstr(err, "two statements"));
    err = kt_labels_check(ut_pool, bad, 2);
    ck_assert(err && strstr(err, "kt_Upper"));
}
END_TEST

Suite *lifecycle_suite(void)
{
    Suite *s = suite_create("lifecycle");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, every_transition_allowed_and_refused);
    tcase_add_test(tc, every_editorial_transition_allowed_and_refused);
    tcase_add_test(tc, a_scheduled_listing_is_not_yet_public);
    tcase_add_test(tc, allowed_reads_the_facts);
    tcase_add_test(tc, an_edit_after_a_decision_is_a_new_version);
    tcase_add_test(tc, names_round_trip);
    tcase_add_test(tc, kind_names_in_sql);
    tcase_add_test(tc, every_kind_is_described);
    tcase_add_test(tc, statement_labels);
    suite_add_tcase(s, tc);
    return s;
}
