/* Training data from CSV files, checked, and turned into (T, u, const)
 * through lossdata.h (data.h). Every refusal names the file and, for
 * parse errors, the line and field, because a user with a 1000-column file
 * cannot find a stray "NaN" otherwise. */
#include <errno.h>
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lcncrit/data.h"
#include "lcncrit/lossdata.h"

#define MAX_ENTRIES 100000000L

void lcn_dmatrix_init(lcn_dmatrix_t m)
{
    m->rows = m->cols = 0;
    m->a = NULL;
}

void lcn_dmatrix_clear(lcn_dmatrix_t m)
{
    lcn_free(m->a);
    lcn_dmatrix_init(m);
}

static void setmsg(char *msg, size_t len, const char *fmt, const char *path, long line, long col, const char *what)
{
    if (msg && len) snprintf(msg, len, fmt, path, line, col, what);
}

/* The reader proper, on an open stream; path only names it in messages. */
static lcn_err_t read_csv(lcn_dmatrix_t m, FILE *f, const char *path, char *msg, size_t msglen)
{
    size_t cap = 0, n = 0, lcap = 0;
    double *a = NULL;
    char *line = NULL;
    long lineno = 0;
    int rows = 0, cols = -1;
    lcn_err_t err = LCN_OK;
    for (;;) {
        /* Whole lines of any length. */
        size_t len = 0;
        int ch, nul = 0;
        while ((ch = fgetc(f)) != EOF && ch != '\n') {
            nul |= ch == 0;
            if (len + 2 > lcap) {
                lcap = lcap ? 2 * lcap : 256;
                line = lcn_realloc(line, lcap);
            }
            line[len++] = (char)ch;
        }
        if (ch == EOF && len == 0) break;
        if (!line) {
            lcap = 256;
            line = lcn_malloc(lcap);
        }
        line[len] = 0;
        lineno++;
        if (nul) {
            /* The string functions below would stop at it and silently drop
             * the rest of the line. */
            if (msg && msglen) snprintf(msg, msglen, "%s:%ld: NUL byte (a binary file?)", path, lineno);
            err = LCN_ERR_PARSE;
            goto out;
        }
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        char *p = line;
        while (*p == ' ' || *p == '\t' || *p == '\r') p++;
        if (!*p) {
            if (ch == EOF) break;
            continue;
        }
        long field = 0;
        for (;;) {
            field++;
            while (*p == ' ' || *p == '\t') p++;
            char *end;
            errno = 0;
            double v = strtod(p, &end);
            char *q = end;
            while (*q == ' ' || *q == '\t' || *q == '\r') q++;
            if (end == p || (*q && *q != ',')) {
                char tok[40];
                size_t tl = strcspn(p, ",\r");
                if (tl > sizeof tok - 1) tl = sizeof tok - 1;
                memcpy(tok, p, tl);
                tok[tl] = 0;
                if (msg && msglen) snprintf(msg, msglen, "%s:%ld:%ld: '%s' is not a number", path, lineno, field, tok);
                err = LCN_ERR_PARSE;
                goto out;
            }
            if (!isfinite(v)) {
                setmsg(msg, msglen, "%s:%ld:%ld: %s (NaN and infinities are refused)", path, lineno, field,
                       isnan(v) ? "not a number" : "infinite value");
                err = LCN_ERR_PARSE;
                goto out;
            }
            if ((long)n >= MAX_ENTRIES) {
                setmsg(msg, msglen, "%s:%ld:%ld: %s", path, lineno, field, "more than 1e8 entries");
                err = LCN_ERR_LIMIT;
                goto out;
            }
            if (n == cap) {
                cap = cap ? 2 * cap : 1024;
                a = lcn_realloc(a, cap * sizeof *a);
            }
            a[n++] = v;
            if (!*q) break;
            p = q + 1;
        }
        if (cols < 0) cols = (int)field;
        else if (field != cols) {
            if (msg && msglen)
                snprintf(msg, msglen, "%s:%ld:%ld: row has %ld columns, the first row has %d", path, lineno,
                         field < cols ? field : (long)cols + 1, field, cols);
            err = LCN_ERR_PARSE;
            goto out;
        }
        rows++;
        if (ch == EOF) break;
    }
    if (rows == 0) {
        if (msg && msglen) snprintf(msg, msglen, "%s: no data (empty file)", path);
        err = LCN_ERR_PARSE;
    }
out:
    lcn_free(line);
    if (err) {
        lcn_free(a);
        return err;
    }
    m->rows = rows;
    m->cols = cols;
    m->a = a;
    return LCN_OK;
}

lcn_err_t lcn_dmatrix_read_csv(lcn_dmatrix_t m, const char *path, char *msg, size_t msglen)
{
    lcn_dmatrix_clear(m);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (msg && msglen) snprintf(msg, msglen, "%s: cannot open (%s)", path, strerror(errno));
        return LCN_ERR_IO;
    }
    lcn_err_t err = read_csv(m, f, path, msg, msglen);
    fclose(f);
    return err;
}

lcn_err_t lcn_dmatrix_read_csv_mem(lcn_dmatrix_t m, const char *text, size_t len, const char *name, char *msg,
                                   size_t msglen)
{
    lcn_dmatrix_clear(m);
    if (len == 0) {
        /* fmemopen refuses a zero-length buffer; an empty text is an empty file. */
        if (msg && msglen) snprintf(msg, msglen, "%s: no data (empty file)", name);
        return LCN_ERR_PARSE;
    }
    FILE *f = fmemopen((void *)text, len, "r");
    if (!f) {
        if (msg && msglen) snprintf(msg, msglen, "%s: cannot open (%s)", name, strerror(errno));
        return LCN_ERR_IO;
    }
    lcn_err_t err = read_csv(m, f, name, msg, msglen);
    fclose(f);
    return err;
}

lcn_err_t lcn_data_loss_form(double *T, double *u, double *cst, const lcn_arch_t arch, const lcn_dmatrix_t X,
                             const lcn_dmatrix_t Y, char *msg, size_t msglen)
{
    int k = arch->kend;
    long sigma = arch->sigma;
    int d0 = X->rows, N = X->cols, dL = Y->rows;
    if (Y->cols != N) {
        if (msg) snprintf(msg, msglen, "Y has %d columns (samples) but X has %d", Y->cols, N);
        return LCN_ERR_ARG;
    }
    if ((long)d0 != k + (long)(dL - 1) * sigma) {
        if (msg)
            snprintf(msg, msglen,
                     "X has %d rows, but the architecture (end-to-end k = %d, total stride %ld) with Y's %d rows "
                     "needs d0 = k + (dL-1)*stride = %ld",
                     d0, k, sigma, dL, k + (long)(dL - 1) * sigma);
        return LCN_ERR_ARG;
    }
    if (N < d0) {
        if (msg) snprintf(msg, msglen, "X has N = %d samples (columns), fewer than d0 = %d: X X^T is singular", N, d0);
        return LCN_ERR_ARG;
    }
    /* X X^T well conditioned? Its eigenvalues (symmetric PSD). */
    double *G = lcn_malloc_array((size_t)d0 * (size_t)d0, sizeof *G), *ev = lcn_malloc_array((size_t)d0, sizeof *ev);
    for (int i = 0; i < d0; i++)
        for (int j = 0; j <= i; j++) {
            double s = 0;
            for (int t = 0; t < N; t++) s += X->a[(size_t)i * N + t] * X->a[(size_t)j * N + t];
            G[(size_t)i * d0 + j] = G[(size_t)j * d0 + i] = s;
        }
    lapack_int info = LAPACKE_dsyev(LAPACK_COL_MAJOR, 'N', 'U', d0, G, d0, ev);
    double rc = info == 0 && ev[d0 - 1] > 0 ? ev[0] / ev[d0 - 1] : 0;
    lcn_free(G);
    lcn_free(ev);
    if (!(rc >= 1e-12)) {
        if (msg) snprintf(msg, msglen, "X X^T is singular (reciprocal condition number %.1e < 1e-12): the rows of X are (nearly) dependent", rc);
        return LCN_ERR_ARG;
    }
    lcn_err_t err = lcn_lossdata_weights(T, u, cst, k, sigma, dL, X->a, d0, N, Y->a);
    if (err) {
        if (msg) snprintf(msg, msglen, "the matrix A of the loss is not positive definite");
        return LCN_ERR_ARG;
    }
    return LCN_OK;
}
