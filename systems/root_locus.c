/* System (R): critical points of the weighted squared distance on the
 * multiple root locus Δ_λ (DESIGN.md §2 (R); KMMT22 §6).
 *
 * λ = (λ_1..λ_r) a partition of n = k − 1. Each linear factor is a point of
 * P^1 in its own random complex chart, L_i = (e_i + t_i f_i)·(x, y), and
 * w = c Π L_i^{λ_i}; unknowns θ = (c, t_1..t_r), r + 1 = dim Δ_λ (as a cone).
 *
 * Expected count: EDdeg(Δ_λ) · Π_j m_j! solutions θ (m_j = number of parts
 * equal to j; permuting equal parts gives the same w), EDdeg(Δ_λ) orbits
 * of these relabellings, one θ of which each is tracked. EDdeg for T = I and
 * for generic T (KMMT22 §6.2, Remark 6.10): Δ_(α,1^{n−α}) (α ≥ 2):
 * (2α−1)n − 2(α−1)^2; Δ_(n): 3n − 2; Δ_(1^n): 1; quartic Δ_(2,2): 13.
 * Bombieri weights: Δ_(α,1^{n−α}) and Δ_(n): n; quartic Δ_(2,2): 7. */
#include <stdlib.h>
#include <string.h>
#include "lcncrit/critsys.h"

static int cmp_desc(const void *a, const void *b)
{
    return *(const int *)b - *(const int *)a;
}

lcn_err_t lcn_critsys_init_locus(lcn_critsys_t cs, const int *lambda, int r, uint64_t seed)
{
    int lam[LCN_CRITSYS_MAX_FACTORS], two[LCN_CRITSYS_MAX_FACTORS], one[LCN_CRITSYS_MAX_FACTORS];
    if (r < 1 || r > LCN_CRITSYS_MAX_FACTORS) return LCN_ERR_ARG;
    for (int i = 0; i < r; i++) {
        if (lambda[i] < 1) return LCN_ERR_ARG;
        lam[i] = lambda[i];
        two[i] = 2;
        one[i] = 1;
    }
    qsort(lam, (size_t)r, sizeof lam[0], cmp_desc);
    lcn_err_t err = lcn_critsys_init_factors(cs, LCN_CRITSYS_LOCUS, two, one, lam, r, seed);
    if (err) return err;
    /* Π_j m_j!: runs of equal parts in the sorted partition. */
    long sym = 1;
    for (int i = 0, run = 0; i < r; i++) {
        run = (i > 0 && lam[i] == lam[i - 1]) ? run + 1 : 1;
        sym *= run;
    }
    cs->symmetry = sym;
    cs->L = r;
    for (int i = 0; i < r; i++) {
        cs->arch_k[i] = lam[i];
        cs->arch_s[i] = 1;
    }
    return LCN_OK;
}

/* The next permutation of a[0..len) in lexicographic order; 0 (and a
 * sorted again) after the last. */
static int next_permutation(int *a, int len)
{
    int i = len - 2;
    while (i >= 0 && a[i] >= a[i + 1]) i--;
    if (i < 0) {
        for (int l = 0, r = len - 1; l < r; l++, r--) { int h = a[l]; a[l] = a[r]; a[r] = h; }
        return 0;
    }
    int j = len - 1;
    while (a[j] <= a[i]) j--;
    int h = a[i]; a[i] = a[j]; a[j] = h;
    for (int l = i + 1, r = len - 1; l < r; l++, r--) { h = a[l]; a[l] = a[r]; a[r] = h; }
    return 1;
}

lcn_err_t lcn_critsys_relabellings(double complex *out, const lcn_critsys_t cs, const double complex *theta)
{
    if (cs->kind != LCN_CRITSYS_LOCUS) return LCN_ERR_ARG;
    int r = cs->r, n = cs->n, perm[LCN_CRITSYS_MAX_FACTORS];
    double complex v[2 * LCN_CRITSYS_MAX_FACTORS], pv[2 * LCN_CRITSYS_MAX_FACTORS];
    for (int i = 0; i < r; i++) {
        perm[i] = i;
        lcn_critsys_factor(v + 2 * i, cs, i, theta);
    }
    lcn_err_t err = LCN_OK;
    long count = 0;
    for (int more = 1; more && !err; count++) {
        LCN_ASSERT(count < cs->symmetry);
        double complex *th = out + (size_t)count * (size_t)n;
        if (count == 0) {
            memcpy(th, theta, (size_t)n * sizeof *th);
        } else {
            for (int i = 0; i < r; i++) memcpy(pv + 2 * i, v + 2 * perm[i], 2 * sizeof *pv);
            /* theta_from_factors scales c to Π π(v_i)^{e_i}; w(θ) = c Π π(v_i)^{e_i}. */
            err = lcn_critsys_theta_from_factors(th, cs, pv);
            th[0] *= theta[0];
        }
        /* Advance like an odometer over the runs of equal parts (the parts
         * are sorted, so each run is contiguous), the last run fastest. */
        more = 0;
        for (int end = r; end > 0 && !more;) {
            int start = end - 1;
            while (start > 0 && cs->fe[start - 1] == cs->fe[end - 1]) start--;
            more = next_permutation(perm + start, end - start);
            end = start;
        }
    }
    LCN_ASSERT(err || count == cs->symmetry);
    return err;
}
