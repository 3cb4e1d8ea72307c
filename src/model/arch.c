/* Architectures: validation and the derived facts (DESIGN.md §1). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lcncrit/arch.h"

void lcn_arch_init(lcn_arch_t arch)
{
    memset(arch, 0, sizeof *arch);
    arch->bad_arg = "";
}

void lcn_arch_clear(lcn_arch_t arch) { memset(arch, 0, sizeof *arch); }

void lcn_arch_set(lcn_arch_t dst, const lcn_arch_t src)
{
    if (dst != src) *dst = *src;
}

static lcn_err_t bad(lcn_arch_t arch, const char *which, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static lcn_err_t bad(lcn_arch_t arch, const char *which, const char *fmt, ...)
{
    va_list ap;
    lcn_arch_init(arch);
    arch->bad_arg = which;
    va_start(ap, fmt);
    vsnprintf(arch->msg, sizeof arch->msg, fmt, ap);
    va_end(ap);
    return LCN_ERR_ARG;
}

/* The reduced architecture (Shahverdi, Observation before Def. 2.4; KMMT22
 * Lemma 4.9). Dropping a scalar layer l >= 2 and multiplying its stride into
 * s_{l-1} keeps every later S_m, so the end-to-end map is unchanged up to a
 * scalar. Merging across s_i = 1 is valid because S_{i+1} = S_i, so
 * π_{S_i}(w_i) π_{S_i}(w_{i+1}) = π_{S_i}(w_i w_{i+1}) ranges over all forms of
 * degree k_i + k_{i+1} - 2 in x^{S_i}, y^{S_i} (over C). */
static void reduce(lcn_arch_t a)
{
    int n = 0, k[LCN_ARCH_MAX_LAYERS], s[LCN_ARCH_MAX_LAYERS];
    long embed = 1;
    for (int l = 0; l < a->L; l++) {
        if (a->k[l] == 1) {
            if (n > 0) s[n - 1] *= a->s[l];
            else embed *= a->s[l];
            continue;
        }
        k[n] = a->k[l];
        s[n] = a->s[l];
        n++;
    }
    if (n == 0) {
        a->red_L = 1;
        a->red_k[0] = 1;
        a->red_s[0] = 1;
        a->red_embed = 1;
        return;
    }
    s[n - 1] = 1; /* the last stride never matters */
    int m = 0;
    for (int l = 0; l < n; l++) {
        if (m > 0 && a->red_s[m - 1] == 1) {
            a->red_k[m - 1] += k[l] - 1;
            a->red_s[m - 1] = s[l];
        } else {
            a->red_k[m] = k[l];
            a->red_s[m] = s[l];
            m++;
        }
    }
    a->red_L = m;
    a->red_s[m - 1] = 1;
    /* Only the strides applied before the first non-scalar layer spread the
     * whole filter; strides of the last layer never matter. */
    a->red_embed = (int)embed;
}

lcn_err_t lcn_arch_init_set(lcn_arch_t arch, const int *k, const int *s, int L)
{
    if (L < 1 || L > LCN_ARCH_MAX_LAYERS || !k)
        return bad(arch, "L", "the number of layers %d is not in 1..%d", L, LCN_ARCH_MAX_LAYERS);
    for (int l = 0; l < L; l++)
        if (k[l] < 1 || k[l] > LCN_ARCH_MAX_K)
            return bad(arch, "k", "k[%d] = %d is not a filter size in 1..%d", l + 1, k[l], LCN_ARCH_MAX_K);
    if (s)
        for (int l = 0; l < L; l++)
            if (s[l] < 1 || s[l] > LCN_ARCH_MAX_S)
                return bad(arch, "s", "s[%d] = %d is not a stride in 1..%d", l + 1, s[l], LCN_ARCH_MAX_S);
    lcn_arch_init(arch);
    arch->L = L;
    long S = 1, kend = 0, sigma = 1;
    int nparams = 0, e = 0, stride_one = 1, reduced = 1;
    for (int l = 0; l < L; l++) {
        arch->k[l] = k[l];
        arch->s[l] = s ? s[l] : 1;
        arch->S[l] = S;
        arch->off[l] = nparams;
        nparams += k[l];
        kend = l == 0 ? k[0] : kend + (long)(k[l] - 1) * S;
        if (kend > LCN_ARCH_MAX_KEND)
            return bad(arch, l == 0 ? "k" : "s", "the end-to-end filter size exceeds %d", LCN_ARCH_MAX_KEND);
        if (k[l] % 2 == 0) e++;
        if (k[l] == 1) reduced = 0;
        if (l < L - 1 && arch->s[l] != 1) stride_one = 0;
        if (l < L - 1 && arch->s[l] == 1) reduced = 0;
        /* S_l <= sigma; refusing absurd total strides keeps both exact. */
        sigma *= arch->s[l];
        if (sigma > (1L << 40)) return bad(arch, "s", "the total stride exceeds 2^40");
        S = sigma;
    }
    arch->nparams = nparams;
    arch->kend = (int)kend;
    arch->sigma = sigma;
    arch->dim = nparams - (L - 1);
    if (arch->dim > arch->kend) arch->dim = arch->kend;
    arch->stride_one = stride_one;
    arch->reduced = reduced;
    arch->e = e;
    reduce(arch);
    /* Filling: after dropping scalar layers, a stride-one architecture is
     * filling iff at most one filter size is even (KMMT22 Thm 4.1); any
     * stride > 1 between non-scalar layers, or a spread-out first layer,
     * makes the function space lower-dimensional (KMMT22 Prop. 4.11). */
    if (arch->red_L == 1 && arch->red_embed == 1) {
        arch->filling = e <= 1;
    } else if (arch->red_L == 1 && arch->red_k[0] == 1) {
        arch->filling = 1;
    } else {
        arch->filling = 0;
    }
    return LCN_OK;
}

void lcn_arch_reduce(lcn_arch_t dst, const lcn_arch_t src)
{
    int k[LCN_ARCH_MAX_LAYERS], s[LCN_ARCH_MAX_LAYERS], L = src->red_L;
    memcpy(k, src->red_k, sizeof k);
    memcpy(s, src->red_s, sizeof s);
    lcn_err_t err = lcn_arch_init_set(dst, k, s, L);
    LCN_ASSERT(err == LCN_OK);
}

const char *lcn_arch_kind(const lcn_arch_t arch)
{
    if (arch->stride_one) return "stride-one";
    if (arch->reduced) return "reduced";
    return "mixed";
}

static void json_ints(FILE *f, const int *v, int n)
{
    fputc('[', f);
    for (int i = 0; i < n; i++) fprintf(f, "%s%d", i ? ", " : "", v[i]);
    fputc(']', f);
}

void lcn_arch_write_json(FILE *f, const lcn_arch_t a)
{
    fputs("{\"k\": ", f);
    json_ints(f, a->k, a->L);
    fputs(", \"s\": ", f);
    json_ints(f, a->s, a->L);
    fprintf(f, ", \"end_to_end_k\": %d, \"stride_one\": %s, \"reduced\": {\"k\": ", a->kend,
            a->stride_one ? "true" : "false");
    json_ints(f, a->red_k, a->red_L);
    fputs(", \"s\": ", f);
    json_ints(f, a->red_s, a->red_L);
    fprintf(f,
            ", \"embed\": %d}, \"kind\": \"%s\", \"total_stride\": %ld, \"dimension\": %d, "
            "\"filling\": %s, \"even_filters\": %d, \"parameters\": %d}",
            a->red_embed, lcn_arch_kind(a), a->sigma, a->dim, a->filling ? "true" : "false", a->e, a->nparams);
}
