/* Expected counts (DESIGN.md §3). */
#include <string.h>
#include "lcncrit/compat.h"
#include "lcncrit/edd.h"
#include "lcncrit/partition.h"
#include "lcncrit/rrmp.h"

#define SEGRE_MAX_M 4096

const char *lcn_edd_weights_name(lcn_edd_weights_t w)
{
    switch (w) {
    case LCN_EDD_IDENTITY: return "identity";
    case LCN_EDD_BOMBIERI: return "bombieri";
    case LCN_EDD_GENERIC: return "generic";
    case LCN_EDD_MATRIX: return "matrix";
    }
    return "unknown";
}

lcn_edd_weights_t lcn_edd_weights_from_name(const char *name)
{
    if (!name || !strcmp(name, "identity")) return LCN_EDD_IDENTITY;
    if (!strcmp(name, "bombieri")) return LCN_EDD_BOMBIERI;
    if (!strcmp(name, "generic")) return LCN_EDD_GENERIC;
    return LCN_EDD_MATRIX;
}

/* Shahverdi eq. 4.9 with m_j = k_j - 1. The inner sum has denominators;
 * multiplying factor j by m_j! makes it the integer polynomial
 *   Q_j(z) = Σ_i binom(m_j+1, i) · m_j!/(m_j-i)! z^i,
 * so S = Σ_t (-1)^t (2^{M+1-t}-1) (M-t)! [z^t] Π_j Q_j = C_k · Π_j m_j!
 * exactly, and C_k = S / Π m_j! (an exact division: C_k is an integer, the
 * generic ED degree). */
lcn_err_t lcn_edd_segre(mpz_t out, const int *k, int L)
{
    if (L < 1 || !k) return LCN_ERR_ARG;
    long M = 0;
    for (int j = 0; j < L; j++) {
        if (k[j] < 1) return LCN_ERR_ARG;
        M += k[j] - 1;
        if (M > SEGRE_MAX_M) return LCN_ERR_LIMIT;
    }
    mpz_t *prod = lcn_malloc_array((size_t)M + 1, sizeof *prod);
    mpz_t *next = lcn_malloc_array((size_t)M + 1, sizeof *next);
    mpz_t q, term, den, S, f;
    for (long t = 0; t <= M; t++) {
        mpz_init(prod[t]);
        mpz_init(next[t]);
    }
    mpz_inits(q, term, den, S, f, NULL);
    mpz_set_ui(prod[0], 1);
    mpz_set_ui(den, 1);
    long deg = 0;
    for (int j = 0; j < L; j++) {
        unsigned long m = (unsigned long)(k[j] - 1);
        for (long t = 0; t <= deg + (long)m; t++) mpz_set_ui(next[t], 0);
        mpz_set_ui(f, 1); /* m!/(m-i)!, the falling factorial */
        for (unsigned long i = 0; i <= m; i++) {
            if (i > 0) mpz_mul_ui(f, f, m - i + 1);
            mpz_bin_uiui(q, m + 1, i);
            mpz_mul(q, q, f);
            for (long t = 0; t <= deg; t++) mpz_addmul(next[t + (long)i], prod[t], q);
        }
        deg += (long)m;
        for (long t = 0; t <= deg; t++) mpz_set(prod[t], next[t]);
        mpz_fac_ui(f, m);
        mpz_mul(den, den, f);
    }
    mpz_set_ui(S, 0);
    for (long t = 0; t <= M; t++) {
        mpz_ui_pow_ui(term, 2, (unsigned long)(M + 1 - t));
        mpz_sub_ui(term, term, 1);
        mpz_fac_ui(f, (unsigned long)(M - t));
        mpz_mul(term, term, f);
        mpz_mul(term, term, prod[t]);
        if (t % 2) mpz_sub(S, S, term);
        else mpz_add(S, S, term);
    }
    LCN_ASSERT(mpz_divisible_p(S, den));
    mpz_divexact(out, S, den);
    for (long t = 0; t <= M; t++) {
        mpz_clear(prod[t]);
        mpz_clear(next[t]);
    }
    mpz_clears(q, term, den, S, f, NULL);
    lcn_free(next);
    lcn_free(prod);
    return LCN_OK;
}

lcn_err_t lcn_edd_segre_u64(uint64_t *out, const int *k, int L)
{
    mpz_t c;
    mpz_init(c);
    lcn_err_t err = lcn_edd_segre(c, k, L);
    if (!err) {
        if (mpz_sizeinbase(c, 2) > 64 || mpz_sgn(c) < 0) {
            err = LCN_ERR_LIMIT;
        } else {
            /* two 32-bit halves: unsigned long may be 32 bits */
            mpz_t hi;
            mpz_init(hi);
            mpz_tdiv_q_2exp(hi, c, 32);
            uint64_t h = mpz_get_ui(hi), l;
            mpz_tdiv_r_2exp(hi, c, 32);
            l = mpz_get_ui(hi);
            *out = (h << 32) | l;
            mpz_clear(hi);
        }
    }
    mpz_clear(c);
    return err;
}

int lcn_edd_arch_segre(mpz_t out, const lcn_arch_t arch, lcn_edd_weights_t w)
{
    if (arch->L < 1) return LCN_ERR_ARG;
    if (arch->red_L == 1) {
        mpz_set_ui(out, 1);
        return 1;
    }
    if (w == LCN_EDD_IDENTITY || w == LCN_EDD_BOMBIERI) return 0;
    lcn_err_t err = lcn_edd_segre(out, arch->red_k, arch->red_L);
    return err ? err : 1;
}

int lcn_edd_root_locus(uint64_t *out, const int *lambda, int r, lcn_edd_weights_t w, const char **source)
{
    int n = 0, big = 0, nbig = 0;
    const char *src = NULL;
    if (r < 0) return LCN_ERR_ARG;
    for (int i = 0; i < r; i++) {
        if (lambda[i] < 1) return LCN_ERR_ARG;
        n += lambda[i];
        if (lambda[i] > 1) {
            nbig++;
            if (lambda[i] > big) big = lambda[i];
        }
    }
    int bomb = w == LCN_EDD_BOMBIERI;
    uint64_t v = 0;
    if (nbig == 0) {
        v = 1; /* Δ_(1^n) is the whole space */
        src = "Delta_(1^n) is the whole space";
    } else if (nbig == 1) {
        uint64_t a = (uint64_t)big, nn = (uint64_t)n;
        if (bomb) {
            v = nn;
            src = "KMMT22 Sec. 6.2 ([27] Thm 5.1): special ED degree n";
        } else {
            v = (2 * a - 1) * nn - 2 * (a - 1) * (a - 1);
            src = "KMMT22 Sec. 6.2 ([27] Thm 5.1): (2a-1)n-2(a-1)^2";
        }
    } else if (n == 4 && nbig == 2 && r == 2) {
        v = bomb ? 7 : 13;
        src = bomb ? "KMMT22 Ex. 6.9" : "KMMT22 Ex. 6.7";
    } else {
        if (source) *source = NULL;
        return 0;
    }
    *out = v;
    if (source) *source = src;
    return 1;
}

int lcn_edd_params_prediction(uint64_t *out, const lcn_arch_t arch, lcn_edd_weights_t w)
{
    if (arch->L < 1 || !arch->stride_one) return LCN_ERR_ARG;
    int n = arch->kend - 1;
    lcn_partitions_t parts;
    lcn_err_t err = lcn_partitions_init_set(parts, n);
    if (err) return err;
    uint64_t total = 0;
    int known = 1;
    for (size_t i = 0; i < parts->count && known == 1; i++) {
        uint64_t N, ed, t;
        err = lcn_compat_count(&N, parts->parts[i], parts->len[i], arch);
        if (err) {
            known = err;
            break;
        }
        if (N == 0) continue;
        int k = lcn_edd_root_locus(&ed, parts->parts[i], parts->len[i], w, NULL);
        if (k != 1) {
            known = k;
            break;
        }
        if (__builtin_mul_overflow(ed, N, &t) || __builtin_add_overflow(total, t, &total)) known = LCN_ERR_LIMIT;
    }
    lcn_partitions_clear(parts);
    if (known == 1) *out = total;
    return known;
}

int lcn_edd_upper_bound(uint64_t *out, const lcn_arch_t arch, lcn_edd_weights_t w)
{
    if (arch->L < 1 || !arch->stride_one) return LCN_ERR_ARG;
    int n = arch->kend - 1;
    lcn_rrmp_list_t list;
    lcn_err_t err = lcn_rrmp_list_init_set(list, n);
    if (err) return err;
    lcn_partitions_t parts;
    err = lcn_partitions_init_set(parts, n);
    LCN_ASSERT(err == LCN_OK);
    /* mark the partitions that come from a compatible real pattern, then sum
     * over the marked ones, each once */
    char *mark = lcn_calloc(parts->count, 1);
    int *lam = lcn_malloc_array((size_t)(n + 1), sizeof *lam);
    for (size_t i = 0; i < list->count; i++) {
        if (lcn_compat_real(&list->v[i], arch) != 1) continue;
        int m = lcn_rrmp_partition(lam, &list->v[i]);
        for (size_t j = 0; j < parts->count; j++)
            if (parts->len[j] == m && !memcmp(parts->parts[j], lam, (size_t)m * sizeof *lam)) mark[j] = 1;
    }
    int known = 1;
    uint64_t total = 0;
    for (size_t j = 0; j < parts->count && known == 1; j++) {
        if (!mark[j]) continue;
        uint64_t ed;
        int k = lcn_edd_root_locus(&ed, parts->parts[j], parts->len[j], w, NULL);
        if (k != 1) known = k;
        else total += ed;
    }
    lcn_free(lam);
    lcn_free(mark);
    lcn_partitions_clear(parts);
    lcn_rrmp_list_clear(list);
    if (known == 1) *out = total;
    return known;
}
