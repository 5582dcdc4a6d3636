/* Y-tunnus validation.  Weights 7,9,10,5,8,4,2 over the seven digits, sum
 * mod 11: remainder 0 → check digit 0, remainder 1 → no valid ID, otherwise
 * 11 − remainder (the rule the Finnish Tax Administration publishes). */
#include <string.h>
#include "kt_bizid.h"

kt_bizid_result kt_bizid_check(const char *s)
{
    static const int weights[7] = { 7, 9, 10, 5, 8, 4, 2 };
    int i, sum = 0, rem, check;

    if (!s || strlen(s) != 9 || s[7] != '-') {
        return KT_BIZID_MALFORMED;
    }
    for (i = 0; i < 9; i++) {
        if (i != 7 && (s[i] < '0' || s[i] > '9')) {
            return KT_BIZID_MALFORMED;
        }
    }
    for (i = 0; i < 7; i++) {
        sum += (s[i] - '0') * weights[i];
    }
    rem = sum % 11;
    if (rem == 1) {
        return KT_BIZID_CHECKSUM;
    }
    check = rem == 0 ? 0 : 11 - rem;
    return (s[8] - '0') == check ? KT_BIZID_OK : KT_BIZID_CHECKSUM;
}
