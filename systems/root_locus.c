/* System (R): critical points of the weighted squared distance on the
 * multiple root locus Δ_λ (DESIGN.md §2 (R); KMMT22 §6).
 *
 * λ = (λ_1..λ_r) a partition of n = k − 1. Each linear factor is a point of
 * P^1 in its own random complex chart, L_i = (e_i + t_i f_i)·(x, y), and
 * w = c Π L_i^{λ_i}; unknowns θ = (c, t_1..t_r), r + 1 = dim Δ_λ (as a cone).
 *
 * Expected count: EDdeg(Δ_λ) · Π_j m_j! solutions θ (m_j = number of parts
 * equal to j; permuting equal parts gives the same w). EDdeg for T = I and
 * for generic T (KMMT22 §6.2, Remark 6.10): Δ_(α,1^{n−α}) (α ≥ 2):
 * (2α−1)n − 2(α−1)^2; Δ_(n): 3n − 2; Δ_(1^n): 1; quartic Δ_(2,2): 13.
 * Bombieri weights: Δ_(α,1^{n−α}) and Δ_(n): n; quartic Δ_(2,2): 7. */
#include <stdlib.h>
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
