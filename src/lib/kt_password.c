/* Password rules and hashing; see kt_password.h.
 *
 * The rules follow NIST SP 800-63B: a minimum length, no composition rules,
 * and a check against what attackers try first.  Instead of a downloaded
 * list of millions of leaked passwords (whose licence is unclear) we keep a
 * short list of words written here by hand and reduce the password to its
 * "core": lower case, Finnish and Swedish letters folded to ASCII, common
 * letter substitutions undone (p@ssw0rd), digits and punctuation at both ends
 * and spaces removed.  A core that is empty, a listed word, a keyboard or
 * alphabet run, a repetition of a short piece, or the person's own name is
 * refused.  That catches "Salasana2024!", "qwertyuiop123" and "kissakissa12"
 * while any password of a few unrelated words passes. */
#include <string.h>
#include <apr_strings.h>
#include <apr_md5.h>
#include <apr_general.h>
#include "kt_password.h"
#include "kt_crypto.h"
#include "kt_validate.h"

/* Words people build passwords on, in fi, sv and en, folded to ASCII. */
static const char *const common_words[] = {
    /* everywhere */
    "password", "passwort", "passw", "pass", "admin", "administrator", "root", "user",
    "login", "letmein", "welcome", "iloveyou", "loveyou", "love", "secret", "master",
    "qwerty", "qwertz", "azerty", "abc", "abcd", "test", "testing", "tester", "guest",
    "default", "changeme", "change", "temp", "temporary", "hello", "hellothere", "access",
    "monkey", "dragon", "shadow", "sunshine", "princess", "football", "baseball", "soccer",
    "hockey", "superman", "batman", "spiderman", "starwars", "pokemon", "trustno",
    "whatever", "freedom", "computer", "internet", "google", "facebook", "apple",
    "samsung", "iphone", "android", "microsoft", "windows", "linux", "summer", "winter",
    "spring", "autumn", "flower", "cheese", "chocolate", "cookie", "banana", "orange",
    "purple", "family", "mother", "father", "baby", "angel", "jesus", "christ", "god",
    "allah", "friend", "friends", "forever", "killer", "hunter", "ninja", "mustang",
    "ferrari", "porsche", "jordan", "michael", "jennifer", "charlie", "thomas", "daniel",
    "liverpool", "arsenal", "chelsea", "barcelona", "madrid", "europe", "world",
    "money", "lucky", "happy", "smile", "qazwsx", "zaqxsw", "asdf", "asdfgh", "zxcv",
    "myspace", "matrix", "mypassword", "newpassword", "oldpassword", "passpass",
    "letmeinplease", "opensesame", "wifi", "office", "company", "work", "school",
    /* Finnish */
    "salasana", "salainen", "tunnus", "tunnussana", "kayttaja", "yllapito", "kissa",
    "koira", "hevonen", "suomi", "suomifinland", "finland", "perkele", "rakkaus",
    "rakastan", "kesa", "talvi", "kevat", "syksy", "aurinko", "mansikka", "mustikka",
    "muumi", "sisu", "nokia", "huuhkajat", "leijonat", "jokerit", "karpat", "hifk",
    "helsinki", "espoo", "vantaa", "tampere", "turku", "oulu", "jyvaskyla", "kuopio",
    "lahti", "pori", "joensuu", "lappeenranta", "vaasa", "rovaniemi", "kotka", "mummo",
    "pappa", "isi", "aiti", "kotona", "koti", "ystava", "hyvaa", "paivaa", "moikka",
    "moi", "terve", "hei", "kiitos", "sauna", "olut", "kalja", "makkara", "pulla",
    "joulu", "juhannus", "vappu", "yhdistys", "kunta", "seurakunta", "toiminta",
    "kotoutuminen", "kotoutumisentuki", "kotoutumista", "integraatio", "tyo", "koulu",
    /* Swedish */
    "losenord", "hemligt", "hemlig", "anvandare", "sommar", "vinter", "varen", "hosten",
    "karlek", "alskar", "sverige", "svenska", "stockholm", "goteborg", "malmo",
    "helsingfors", "abo", "vasa", "mamma", "hejsan", "hejhej", "tack", "valkommen",
    "katt", "hund", "hast", "fotboll", "ishockey", "forening", "kommun", "forsamling",
    "integration",
    NULL
};

/* Runs people type; a core found inside one (or its reverse) is refused. */
static const char *const runs[] = {
    "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "qwertyuiop", "asdfghjkl",
    "zxcvbnm", "qazwsxedcrfvtgbyhnujmikolp", "zaqxswcdevfrbgtnhymjukilop",
    "1q2w3e4r5t6y7u8i9o0p", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol", "0123456789", NULL
};

/* Lower case, ä/å → a, ö → o, é → e; other bytes unchanged. */
static char *fold(apr_pool_t *p, const char *s)
{
    char *out = apr_palloc(p, strlen(s) + 1), *o = out;
    const unsigned char *u = (const unsigned char *)s;

    for (; *u; u++) {
        if (*u >= 'A' && *u <= 'Z') {
            *o++ = (char)(*u + 32);
        }
        else if (*u == 0xC3 && u[1]) {
            unsigned char c = (unsigned char)(u[1] | 0x20);   /* Ä → ä etc. */
            *o++ = c == 0xA4 || c == 0xA5 || c == 0xA1 || c == 0xA0 ? 'a'
                 : c == 0xB6 || c == 0xB8 ? 'o' : c == 0xA9 || c == 0xA8 ? 'e'
                 : c == 0xBC ? 'u' : '?';
            u++;
        }
        else {
            *o++ = (char)*u;
        }
    }
    *o = '\0';
    return out;
}

static int is_letter(char c)
{
    /* '?' stands for a non-ASCII letter after fold(); high bytes too */
    return (c >= 'a' && c <= 'z') || c == '?' || (unsigned char)c >= 0x80;
}

static char unleet(char c)
{
    switch (c) {
    case '@': case '4': return 'a';
    case '0': return 'o';
    case '1': case '!': return 'i';
    case '3': return 'e';
    case '5': case '$': return 's';
    case '7': case '+': return 't';
    case '8': return 'b';
    default: return c;
    }
}

/* The core of a folded password: ends that are not letters cut off, the
 * middle un-leeted, spaces and separators inside removed. */
static char *core_of(apr_pool_t *p, const char *f)
{
    apr_size_t n = strlen(f), i, start = 0, end = n;
    char *out, *o;

    while (start < n && !is_letter(f[start])) {
        start++;
    }
    while (end > start && !is_letter(f[end - 1])) {
        end--;
    }
    out = o = apr_palloc(p, end - start + 1);
    for (i = start; i < end; i++) {
        char c = unleet(f[i]);
        if (c != ' ' && c != '-' && c != '_' && c != '.' && c != ',') {
            *o++ = c;
        }
    }
    *o = '\0';
    return out;
}

static int is_listed(const char *w)
{
    int i;
    for (i = 0; common_words[i]; i++) {
        if (strcmp(w, common_words[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Inside a run, forwards or backwards. */
static int in_run(apr_pool_t *p, const char *w)
{
    apr_size_t n = strlen(w), i;
    char *rev;
    int r;

    if (n < 3) {
        return 0;
    }
    rev = apr_palloc(p, n + 1);
    for (i = 0; i < n; i++) {
        rev[i] = w[n - 1 - i];
    }
    rev[n] = '\0';
    for (r = 0; runs[r]; r++) {
        if (strstr(runs[r], w) || strstr(runs[r], rev)) {
            return 1;
        }
    }
    return 0;
}

/* w is one piece repeated: "kissakissa", "abab".  The piece goes to *unit. */
static int repeated(apr_pool_t *p, const char *w, const char **unit)
{
    apr_size_t n = strlen(w), period;

    for (period = 1; period <= n / 2; period++) {
        apr_size_t i;
        if (n % period) {
            continue;
        }
        for (i = period; i < n && w[i] == w[i - period]; i++) {
        }
        if (i == n) {
            *unit = apr_pstrmemdup(p, w, period);
            return 1;
        }
    }
    return 0;
}

static int distinct_chars(const char *s)
{
    unsigned char seen[256] = { 0 };
    int n = 0;

    for (; *s; s++) {
        if (!seen[(unsigned char)*s]++) {
            n++;
        }
    }
    return n;
}

static int is_common(apr_pool_t *p, const char *pw)
{
    const char *f = fold(p, pw), *core = core_of(p, f), *unit;

    if (!*core || distinct_chars(f) < 5) {
        return 1;
    }
    if (is_listed(core) || in_run(p, core) || in_run(p, f)) {
        return 1;
    }
    if (repeated(p, core, &unit) && (strlen(unit) <= 6 || is_listed(unit))) {
        return 1;
    }
    /* a listed word with one more letter ("passwordx", "salasanat") */
    if (strlen(core) > 4) {
        char *shorter = apr_pstrmemdup(p, core, strlen(core) - 1);
        if (is_listed(shorter) || is_listed(core + 1)) {
            return 1;
        }
    }
    return 0;
}

static int is_personal(apr_pool_t *p, const char *pw, const char *const *personal)
{
    const char *core = core_of(p, fold(p, pw));
    const char *first = NULL, *last = NULL;
    int i;

    for (i = 0; personal && personal[i]; i++) {
        const char *item = fold(p, personal[i]);
        const char *at = strchr(item, '@');
        const char *name = at ? apr_pstrmemdup(p, item, (apr_size_t)(at - item)) : item;
        name = core_of(p, name);
        if (strlen(name) >= 3 && strcmp(core, name) == 0) {
            return 1;
        }
        if (!at && !first) {
            first = name;
        }
        else if (!at) {
            last = name;
        }
    }
    return first && last && *first && *last
        && (strcmp(core, apr_pstrcat(p, first, last, NULL)) == 0
            || strcmp(core, apr_pstrcat(p, last, first, NULL)) == 0);
}

kt_pw_verdict kt_password_judge(apr_pool_t *p, const char *pw, const char *const *personal)
{
    apr_size_t chars;
    apr_pool_t *scratch;
    kt_pw_verdict v = KT_PW_OK;

    if (!pw) {
        return KT_PW_TOO_SHORT;
    }
    chars = kt_utf8_chars(pw);
    if (chars < KT_PASSWORD_MIN_CHARS) {
        return KT_PW_TOO_SHORT;
    }
    if (chars > KT_PASSWORD_MAX_CHARS) {
        return KT_PW_TOO_LONG;
    }
    apr_pool_create(&scratch, p);
    if (is_personal(scratch, pw, personal)) {
        v = KT_PW_PERSONAL;
    }
    else if (is_common(scratch, pw)) {
        v = KT_PW_COMMON;
    }
    apr_pool_destroy(scratch);
    return v;
}

/* What bcrypt sees: base64url of SHA-256, 43 characters, never NUL. */
static char *prehash(apr_pool_t *p, const char *pw)
{
    unsigned char md[KT_SHA256_BYTES];
    kt_sha256(pw, strlen(pw), md);
    return kt_b64url(p, md, sizeof(md));
}

apr_status_t kt_password_hash(apr_pool_t *p, const char *pw, char **hash)
{
    unsigned char salt[16];
    char out[64];
    apr_status_t rv = apr_generate_random_bytes(salt, sizeof(salt));

    if (rv != APR_SUCCESS) {
        return rv;
    }
    rv = apr_bcrypt_encode(prehash(p, pw), KT_BCRYPT_COST, salt, sizeof(salt), out, sizeof(out));
    if (rv == APR_SUCCESS) {
        *hash = apr_pstrdup(p, out);
    }
    return rv;
}

int kt_password_verify(apr_pool_t *p, const char *pw, const char *hash)
{
    if (!pw || !hash || strncmp(hash, "$2y$", 4) != 0) {
        return 0;
    }
    return apr_password_validate(prehash(p, pw), hash) == APR_SUCCESS;
}

/* kt_password_hash of 32 random bytes that were thrown away. */
const char kt_password_dummy_hash[] =
    "$2y$11$f5V32UvBJG2I67vbIlCUOeh6Ggf0VSgO0oWzEigPlRpx51vyH5vFu";
