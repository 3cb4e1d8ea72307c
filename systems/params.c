/* System (P): critical points of the loss in parameter space, θ = all the
 * layer filters (DESIGN.md §2 (P); KMMT22 §5).
 *
 * Layer l is E_l (1, t_l) in a random complex chart and one scalar c carries
 * the scale: w = µ(θ) = c Π_l π_{S_l}(E_l (1, t_l)). Layers with k_l = 1 are
 * scalars, absorbed into c. Unlike (S), the parameterisation may be singular
 * (layers sharing a root for stride one), so the solutions include the
 * spurious critical points of KMMT22 §5; they are reported per θ. µ(θ) = 0
 * is c = 0, which for generic data is not a solution of the c-divided
 * equations (critsys.h).
 *
 * Expected count (stride one, generic data; KMMT22 Cor. 5.5 and DESIGN §3):
 * Σ_λ EDdeg(Δ_λ) · N(λ). KMMT22 Ex. 5.10, k = (2,3), u = (x+y)(x^2+y^2/10),
 * T = I: 1·3 + 7·1 = 10 (3 with zero loss, 7 spurious). */
#include "lcncrit/critsys.h"

lcn_err_t lcn_critsys_init_params(lcn_critsys_t cs, const int *k, const int *s, int L, uint64_t seed)
{
    int fk[LCN_CRITSYS_MAX_FACTORS], S[LCN_CRITSYS_MAX_FACTORS], one[LCN_CRITSYS_MAX_FACTORS];
    if (L < 1 || L > LCN_CRITSYS_MAX_FACTORS) return LCN_ERR_ARG;
    long acc = 1;
    int r = 0;
    for (int l = 0; l < L; l++) {
        if (k[l] < 1 || (s && s[l] < 1)) return LCN_ERR_ARG;
        if (k[l] >= 2) {
            fk[r] = k[l];
            S[r] = (int)acc;
            one[r] = 1;
            r++;
        }
        if (l < L - 1) {
            acc *= s ? s[l] : 1;
            if (acc > 400) return LCN_ERR_LIMIT;
        }
    }
    if (r == 0) return LCN_ERR_ARG;
    lcn_err_t err = lcn_critsys_init_factors(cs, LCN_CRITSYS_PARAMS, fk, S, one, r, seed);
    if (err) return err;
    cs->L = L;
    for (int l = 0; l < L; l++) {
        cs->arch_k[l] = k[l];
        cs->arch_s[l] = s ? s[l] : 1;
    }
    return LCN_OK;
}
