/* libFuzzer harness for the command-line list parsers of src/cli/util.c
 * (cli_parse_int_list: --k, --s, --partition; cli_parse_double_list:
 * --target), compiled into the harness from source.
 *
 * The input is one option value (a NUL inside ends it, as in argv). A parse
 * must fail with -1 or return between 1 and max entries inside the
 * documented ranges; a successful list, printed back as "a,b,c", must parse
 * to the same values (doubles printed with %.17g round-trip exactly). Build
 * and run: run-fuzz.sh lists. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXN 32

static void check_ints(const char *s, int min_value)
{
    int v[MAXN], w[MAXN];
    int n = cli_parse_int_list("fuzz", "--k", s, v, MAXN, min_value);
    if (n == -1) return;
    if (n < 1 || n > MAXN) abort();
    char buf[MAXN * 12 + 1], *p = buf;
    for (int i = 0; i < n; i++) {
        if (v[i] < min_value || v[i] > 1000000) abort();
        p += sprintf(p, "%s%d", i ? "," : "", v[i]);
    }
    if (cli_parse_int_list("fuzz", "--k", buf, w, MAXN, min_value) != n) abort();
    if (memcmp(v, w, sizeof(int) * (size_t)n)) abort();
}

static void check_doubles(const char *s)
{
    double v[MAXN], w[MAXN];
    int n = cli_parse_double_list("fuzz", "--target", s, v, MAXN);
    if (n == -1) return;
    if (n < 1 || n > MAXN) abort();
    char buf[MAXN * 32 + 1], *p = buf;
    for (int i = 0; i < n; i++) {
        if (!isfinite(v[i])) abort();
        p += sprintf(p, "%s%.17g", i ? "," : "", v[i]);
    }
    if (cli_parse_double_list("fuzz", "--target", buf, w, MAXN) != n) abort();
    for (int i = 0; i < n; i++)
        if (v[i] != w[i]) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = 0;
    check_ints(s, 1);
    check_ints(s, 0);
    check_doubles(s);
    free(s);
    return 0;
}
