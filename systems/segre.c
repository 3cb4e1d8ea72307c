/* System (S): critical points of the weighted squared distance on the Segre
 * neurovariety of a reduced architecture (DESIGN.md §2 (S); Shahverdi §4).
 *
 * k = (k_1..k_L), all k_l ≥ 2, strides s_l ≥ 2 for l < L (the last stride
 * never changes w). w = c Π_l π_{S_l}(E_l (1, t_l)), S_1 = 1,
 * S_l = s_1···s_{l−1}; every layer in a random complex chart and c carries
 * the scale (see critsys.h for why c rather than a free layer 1).
 * Unknowns Σ k_l − (L − 1).
 *
 * Expected count for generic T: the generic ED degree of the Segre product
 * P^{k_1−1} × ... × P^{k_L−1} (Shahverdi Thm. 4.1, eq. 4.9 read with
 * m_j = k_j − 1): C_(2,2) = 6, C_(3,3) = 39, C_(4,4) = 284, C_(5,5) = 2205.
 * Identity weights: no formula (the solver's count is new data). */
#include "lcncrit/critsys.h"

lcn_err_t lcn_critsys_init_segre(lcn_critsys_t cs, const int *k, const int *s, int L, uint64_t seed)
{
    int S[LCN_CRITSYS_MAX_FACTORS], one[LCN_CRITSYS_MAX_FACTORS];
    if (L < 1 || L > LCN_CRITSYS_MAX_FACTORS) return LCN_ERR_ARG;
    long acc = 1;
    for (int l = 0; l < L; l++) {
        if (k[l] < 2) return LCN_ERR_ARG;
        if (l < L - 1 && (!s || s[l] < 2)) return LCN_ERR_ARG;
        S[l] = (int)acc;
        one[l] = 1;
        if (l < L - 1) {
            acc *= s[l];
            if (acc > 400) return LCN_ERR_LIMIT;
        }
    }
    lcn_err_t err = lcn_critsys_init_factors(cs, LCN_CRITSYS_SEGRE, k, S, one, L, seed);
    if (err) return err;
    cs->L = L;
    for (int l = 0; l < L; l++) {
        cs->arch_k[l] = k[l];
        cs->arch_s[l] = s ? s[l] : 1;
    }
    return LCN_OK;
}
