/* Tokens, hashes, CSRF derivation, cookies and input validators. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_crypto.h"
#include "kt_cookie.h"
#include "kt_validate.h"
#include "kt_formstate.h"
#include "kt_xml.h"

START_TEST(tokens_are_random_and_well_formed)
{
    char *a, *b;
    ck_assert_int_eq(kt_token_new(ut_pool, &a), APR_SUCCESS);
    ck_assert_int_eq(kt_token_new(ut_pool, &b), APR_SUCCESS);
    ck_assert_int_eq(strlen(a), KT_TOKEN_CHARS);
    ck_assert_str_ne(a, b);
    ck_assert(kt_token_well_formed(a));
    ck_assert(!kt_token_well_formed(NULL));
    ck_assert(!kt_token_well_formed(""));
    ck_assert(!kt_token_well_formed(apr_pstrcat(ut_pool, a, "x", NULL)));
    a[5] = '/';
    ck_assert(!kt_token_well_formed(a));
}
END_TEST

START_TEST(sha256_and_hmac_known_answers)
{
    unsigned char mac[KT_SHA256_BYTES];
    /* FIPS 180-2 "abc" */
    ck_assert_str_eq(kt_sha256_hex(ut_pool, "abc"),
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /* RFC 4231 test case 2 */
    kt_hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, mac);
    ck_assert_str_eq(kt_hex(ut_pool, mac, sizeof(mac)),
                     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}
END_TEST

START_TEST(base64url)
{
    ck_assert_str_eq(kt_b64url(ut_pool, (const unsigned char *)"", 0), "");
    ck_assert_str_eq(kt_b64url(ut_pool, (const unsigned char *)"f", 1), "Zg");
    ck_assert_str_eq(kt_b64url(ut_pool, (const unsigned char *)"fo", 2), "Zm8");
    ck_assert_str_eq(kt_b64url(ut_pool, (const unsigned char *)"foo", 3), "Zm9v");
    ck_assert_str_eq(kt_b64url(ut_pool, (const unsigned char *)"\xfb\xff", 2), "-_8");
}
END_TEST

START_TEST(csrf_tokens)
{
    const char *s1 = kt_csrf_for_session(ut_pool, "00112233");
    const char *s2 = kt_csrf_for_session(ut_pool, "00112234");
    const unsigned char k1[16] = "0123456789abcdef", k2[16] = "0123456789abcdeF";
    const char *a1 = kt_csrf_for_presession(ut_pool, k1, sizeof(k1), "cookie-one");
    ck_assert(kt_token_well_formed(s1));
    ck_assert(kt_token_well_formed(a1));
    ck_assert_str_eq(s1, kt_csrf_for_session(ut_pool, "00112233"));   /* stable */
    ck_assert_str_ne(s1, s2);
    ck_assert_str_ne(a1, "cookie-one");
    ck_assert_str_ne(a1, kt_csrf_for_presession(ut_pool, k1, sizeof(k1), "cookie-two"));
    /* another installation's secret: another token for the same cookie */
    ck_assert_str_ne(a1, kt_csrf_for_presession(ut_pool, k2, sizeof(k2), "cookie-one"));
    ck_assert_str_eq(a1, kt_csrf_for_presession(ut_pool, k1, sizeof(k1), "cookie-one"));
    ck_assert(kt_str_equals(s1, kt_csrf_for_session(ut_pool, "00112233")));
    ck_assert(!kt_str_equals(s1, s2));
    ck_assert(!kt_str_equals(s1, NULL));
    ck_assert(!kt_str_equals(s1, ""));
    ck_assert(!kt_str_equals("abc", "abcd"));
}
END_TEST

START_TEST(cookies)
{
    ck_assert_str_eq(kt_cookie_get(ut_pool, "a=1; kt_session=abc; b=2", "kt_session"), "abc");
    ck_assert_str_eq(kt_cookie_get(ut_pool, "kt_session=\"q\"", "kt_session"), "q");
    ck_assert_str_eq(kt_cookie_get(ut_pool, "x=1;kt_session=first;kt_session=second", "kt_session"),
                     "first");
    ck_assert_ptr_null(kt_cookie_get(ut_pool, "xkt_session=1; kt_sessionx=2", "kt_session"));
    ck_assert_ptr_null(kt_cookie_get(ut_pool, NULL, "kt_session"));
    ck_assert_str_eq(kt_cookie_make(ut_pool, "s", "v", 0, 0), "s=v; Path=/; HttpOnly; SameSite=Lax");
    ck_assert_str_eq(kt_cookie_make(ut_pool, "s", "v", 1, 1),
                     "s=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0");
}
END_TEST

START_TEST(validators)
{
    ck_assert_int_eq(kt_valid_email("matti@example.fi"), KT_V_OK);
    ck_assert_int_eq(kt_valid_email("m.m+tag@sub.example.fi"), KT_V_OK);
    ck_assert_int_eq(kt_valid_email(""), KT_V_MISSING);
    ck_assert_int_eq(kt_valid_email("matti"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("matti@localhost"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a@b@c.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a b@c.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a@c.fi\r\nBcc: x@y.z"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("<a@c.fi>"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a@.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a@c..fi"), KT_V_INVALID);
    /* an addr-spec and nothing else: no mailto: query, no blanks or controls (issue 10) */
    ck_assert_int_eq(kt_valid_email("o'brien+tag@example.fi"), KT_V_OK);
    ck_assert_int_eq(kt_valid_email("mäkinen@esimerkki.fi"), KT_V_OK);
    ck_assert_int_eq(kt_valid_email("info@äkäslompolo.fi"), KT_V_OK);
    ck_assert_int_eq(kt_valid_email("a@b.fi?subject=x&body=y"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a?cc=x@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a=b@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a&b@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a%40b@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a#b@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email(".a@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a.@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a@-b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a@b-.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_email("a\xC2\x85" "b@b.fi"), KT_V_INVALID);       /* U+0085 */
    ck_assert_int_eq(kt_valid_email("a\xE2\x80\xA8" "b@b.fi"), KT_V_INVALID);   /* U+2028 */
    ck_assert_int_eq(kt_valid_email("a\xE3\x80\x80" "b@b.fi"), KT_V_INVALID);   /* U+3000 */
    ck_assert_int_eq(kt_valid_email("a\xE2\x80\x8B" "b@b.fi"), KT_V_INVALID);   /* U+200B */
    ck_assert_int_eq(kt_valid_login_email("old?style@b.fi"), KT_V_OK);
    ck_assert_int_eq(kt_valid_login_email("a\xC2\x85@b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_login_email("no-at-sign"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_line("a\xC2\x85" "b", 10, 1), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_line("a\xE2\x80\xA8" "b", 10, 1), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_text("a\xE2\x80\xAE" "b", 10, 1), KT_V_OK);  /* U+202E stays */
    ck_assert_int_eq(kt_valid_text("a\xE2\x81\xAA" "b", 10, 1), KT_V_INVALID);  /* U+206A */
    ck_assert_int_eq(kt_valid_text("\xEF\xBB\xBF" "b", 10, 1), KT_V_INVALID);   /* BOM */
    ck_assert_int_eq(kt_valid_line("\xD8\xB3\xE2\x80\x8C\xD9\x84", 10, 1), KT_V_OK); /* ZWNJ */
    ck_assert_int_eq(kt_valid_web_url("https://example.fi/\xC2\x85"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_phone("+358 40 123 4567"), KT_V_OK);
    ck_assert_int_eq(kt_valid_phone("(09) 123-456"), KT_V_OK);
    ck_assert_int_eq(kt_valid_phone("123"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_phone("040 abc"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_web_url("https://example.fi/x?y=1"), KT_V_OK);
    ck_assert_int_eq(kt_valid_web_url("HTTP://example.fi"), KT_V_OK);
    ck_assert_int_eq(kt_valid_web_url("javascript:alert(1)"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_web_url("https://"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_web_url("https://a b.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_web_url("example.fi"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_registry_number("123.456"), KT_V_OK);
    ck_assert_int_eq(kt_valid_registry_number("200123"), KT_V_OK);
    ck_assert_int_eq(kt_valid_registry_number("1.2.3"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_registry_number("12a"), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_line("Matti", 100, 1), KT_V_OK);
    ck_assert_int_eq(kt_valid_line("", 100, 1), KT_V_MISSING);
    ck_assert_int_eq(kt_valid_line("", 100, 0), KT_V_OK);
    ck_assert_int_eq(kt_valid_line("a\nb", 100, 1), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_text("a\nb\tc", 100, 1), KT_V_OK);
    ck_assert_int_eq(kt_valid_text("a\x01", 100, 1), KT_V_INVALID);
    ck_assert_int_eq(kt_valid_line("ääää", 4, 1), KT_V_OK);        /* characters, not bytes */
    ck_assert_int_eq(kt_valid_line("äääää", 4, 1), KT_V_TOO_LONG);
    ck_assert_str_eq(kt_trim(ut_pool, " \t x y \r\n"), "x y");
    ck_assert_str_eq(kt_newlines(ut_pool, "a\r\nb\rc\nd"), "a\nb\nc\nd");
}
END_TEST

START_TEST(local_paths_and_origins)
{
    ck_assert(kt_valid_local_path("/fi/manage"));
    ck_assert(kt_valid_local_path("/fi/manage/join?q=a%20b"));
    ck_assert(!kt_valid_local_path("//evil.example/"));
    ck_assert(!kt_valid_local_path("/\\evil.example"));
    ck_assert(!kt_valid_local_path("/fi//x"));
    ck_assert(!kt_valid_local_path("https://evil.example/"));
    ck_assert(!kt_valid_local_path("javascript:alert(1)"));
    ck_assert(!kt_valid_local_path("/fi/\r\nX: y"));
    ck_assert(!kt_valid_local_path("/fi/ä"));
    ck_assert(!kt_valid_local_path(""));
    ck_assert(!kt_valid_local_path(NULL));
    ck_assert_str_eq(kt_url_origin(ut_pool, "HTTPS://Example.FI:8443/x?y#z"), "https://example.fi:8443");
    ck_assert_str_eq(kt_url_origin(ut_pool, "http://127.0.0.1:8080"), "http://127.0.0.1:8080");
    ck_assert_ptr_null(kt_url_origin(ut_pool, "null"));
    ck_assert_ptr_null(kt_url_origin(ut_pool, "https://"));
    ck_assert_ptr_null(kt_url_origin(ut_pool, "ftp://example.fi/"));
}
END_TEST

START_TEST(form_state_xml)
{
    xmlDocPtr doc = kt_xml_page(ut_pool, KT_LANG_FI, "register", 400, "/register", NULL, NULL);
    kt_fstate *fs = kt_fstate_new(ut_pool, xmlDocGetRootElement(doc), "register", "/fi/register",
                                  "tok");
    apr_array_header_t *vals = apr_array_make(ut_pool, 2, sizeof(const char *));
    char *xml;

    APR_ARRAY_PUSH(vals, const char *) = "fin";
    APR_ARRAY_PUSH(vals, const char *) = "<ara>";
    kt_fstate_value(fs, "email", "a@b");
    kt_fstate_error(fs, "email", "email.invalid");
    kt_fstate_error(fs, "email", "email.missing");        /* the first error wins */
    kt_fstate_error(fs, "password", "password.common");
    kt_fstate_values(fs, "languages", vals);
    kt_fstate_form_error(fs, "login.failed");
    ck_assert_int_eq(kt_fstate_errors(fs), 3);
    ck_assert_str_eq(kt_fstate_action(fs), "/fi/register");
    xml = kt_xml_dump(ut_pool, doc);
    ck_assert_msg(strstr(xml, "<form-state name=\"register\" action=\"/fi/register\" csrf=\"tok\""
                              " errors=\"3\">"), "%s", xml);
    ck_assert(strstr(xml, "<field name=\"email\" value=\"a@b\" error=\"email.invalid\"/>"));
    ck_assert(strstr(xml, "<field name=\"password\" error=\"password.common\"/>"));
    ck_assert(strstr(xml, "<value>fin</value><value>&lt;ara&gt;</value>"));
    ck_assert(strstr(xml, "<form-error code=\"login.failed\"/>"));
}
END_TEST

Suite *crypto_suite(void)
{
    Suite *s = suite_create("crypto");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, tokens_are_random_and_well_formed);
    tcase_add_test(tc, sha256_and_hmac_known_answers);
    tcase_add_test(tc, base64url);
    tcase_add_test(tc, csrf_tokens);
    tcase_add_test(tc, cookies);
    tcase_add_test(tc, validators);
    tcase_add_test(tc, local_paths_and_origins);
    tcase_add_test(tc, form_state_xml);
    suite_add_tcase(s, tc);
    return s;
}
