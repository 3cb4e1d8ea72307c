/* Weight matrices: identity, Bombieri, random SPD, a matrix file. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lcncrit/rng.h"
#include "lcncrit/weights.h"

/* Stream of the generic weights: distinct from the charts' and the solver's. */
#define WEIGHTS_STREAM 0x57454947u

static void say(char *msg, size_t len, const char *fmt, ...)
{
    if (!msg || !len) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, len, fmt, ap);
    va_end(ap);
}

void lcn_weights_identity(double *T, int k)
{
    for (int i = 0; i < k * k; i++) T[i] = 0;
    for (int i = 0; i < k; i++) T[i + k * i] = 1;
}

void lcn_weights_bombieri(double *T, int k)
{
    for (int i = 0; i < k * k; i++) T[i] = 0;
    double b = 1; /* binom(k−1, j), exact in double for k <= 1000 or so */
    for (int j = 0; j < k; j++) {
        T[j + k * j] = 1 / b;
        b = b * (k - 1 - j) / (j + 1);
    }
}

void lcn_weights_generic(double *T, int k, uint64_t seed)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, seed, WEIGHTS_STREAM);
    double *B = malloc((size_t)k * k * sizeof *B);
    LCN_ASSERT(B);
    for (int i = 0; i < k * k; i++) B[i] = lcn_rng_normal(rng);
    for (int i = 0; i < k; i++)
        for (int j = 0; j <= i; j++) {
            double s = 0;
            for (int l = 0; l < k; l++) s += B[i + k * l] * B[j + k * l];
            T[i + k * j] = T[j + k * i] = s / k + (i == j ? 0.5 : 0);
        }
    free(B);
}

lcn_err_t lcn_weights_check(const double *T, int k, char *msg, size_t msglen)
{
    double mx = 0;
    for (int i = 0; i < k * k; i++) {
        if (!isfinite(T[i])) {
            say(msg, msglen, "entry (%d,%d) is not finite", i % k + 1, i / k + 1);
            return LCN_ERR_ARG;
        }
        mx = fmax(mx, fabs(T[i]));
    }
    for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++)
            if (fabs(T[i + k * j] - T[j + k * i]) > 1e-12 * mx) {
                say(msg, msglen, "not symmetric: entries (%d,%d) and (%d,%d) differ", i + 1, j + 1, j + 1, i + 1);
                return LCN_ERR_ARG;
            }
    /* Cholesky: positive definite iff every pivot is positive. */
    double *L = malloc((size_t)k * k * sizeof *L);
    LCN_ASSERT(L);
    memcpy(L, T, (size_t)k * k * sizeof *L);
    lcn_err_t err = LCN_OK;
    for (int j = 0; j < k && !err; j++) {
        double d = L[j + k * j];
        for (int l = 0; l < j; l++) d -= L[j + k * l] * L[j + k * l];
        if (!(d > 1e-14 * mx)) {
            say(msg, msglen, "not positive definite (Cholesky pivot %d is %g)", j + 1, d);
            err = LCN_ERR_ARG;
            break;
        }
        d = sqrt(d);
        L[j + k * j] = d;
        for (int i = j + 1; i < k; i++) {
            double s = L[i + k * j];
            for (int l = 0; l < j; l++) s -= L[i + k * l] * L[j + k * l];
            L[i + k * j] = s / d;
        }
    }
    free(L);
    return err;
}

lcn_err_t lcn_weights_read(double *T, int k, const char *path, char *msg, size_t msglen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        say(msg, msglen, "cannot read '%s': %s", path, strerror(errno));
        return LCN_ERR_IO;
    }
    char line[8192];
    int row = 0, lineno = 0;
    lcn_err_t err = LCN_OK;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        char *p = line;
        int col = 0;
        for (;;) {
            while (*p == ' ' || *p == '\t' || *p == ',' || *p == '\r' || *p == '\n') p++;
            if (!*p) break;
            char *end;
            errno = 0;
            double v = strtod(p, &end);
            if (end == p || errno == ERANGE) {
                say(msg, msglen, "%s:%d: '%.*s' is not a number", path, lineno, (int)strcspn(p, " \t\r\n,"), p);
                err = LCN_ERR_PARSE;
                goto done;
            }
            if (row >= k || col >= k) {
                say(msg, msglen, "%s:%d: more than %d %s (the filter has size k = %d)", path, lineno, k,
                    row >= k ? "rows" : "columns", k);
                err = LCN_ERR_PARSE;
                goto done;
            }
            T[row + k * col] = v;
            col++;
            p = end;
        }
        if (col == 0) continue;
        if (col != k) {
            say(msg, msglen, "%s:%d: %d numbers, expected %d (k×k matrix, k = %d)", path, lineno, col, k, k);
            err = LCN_ERR_PARSE;
            goto done;
        }
        row++;
    }
    if (row != k) {
        say(msg, msglen, "%s: %d rows, expected %d (k×k matrix, k = %d)", path, row, k, k);
        err = LCN_ERR_PARSE;
    }
done:
    fclose(f);
    if (!err) err = lcn_weights_check(T, k, msg, msglen);
    return err;
}

lcn_err_t lcn_weights_from_name(double *T, int k, const char *name, uint64_t seed, char *msg, size_t msglen)
{
    if (!name || !strcmp(name, "identity")) lcn_weights_identity(T, k);
    else if (!strcmp(name, "bombieri")) lcn_weights_bombieri(T, k);
    else if (!strcmp(name, "generic")) lcn_weights_generic(T, k, seed);
    else return lcn_weights_read(T, k, name, msg, msglen);
    return LCN_OK;
}
