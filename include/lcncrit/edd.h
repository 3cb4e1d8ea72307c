/* lcncrit: expected numbers of critical points, the oracles every solver
 * result is compared with (DESIGN.md §3).
 *
 * Functions returning int give 1 when the count is known (and set *out),
 * 0 when no formula applies ("unknown": the solver's count is new data),
 * or a negative lcn_err_t. Every known value is exact. */
#ifndef LCNCRIT_EDD_H
#define LCNCRIT_EDD_H

#include <stdint.h>
#include <gmp.h>
#include "arch.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The weight matrix T of ℓ(w) = (w-u)^T T (w-u), as far as the counts care.
 * IDENTITY: T = I; BOMBIERI: T = diag(1/binom(n,j)) (KMMT22 eq. 30);
 * GENERIC: a random SPD T; MATRIX: an explicit T (from a file or from data
 * X X^T). MATRIX is treated as generic ("for almost all data", KMMT22
 * Remark 6.10, Shahverdi Thm 4.1): a special matrix may give fewer. */
typedef enum { LCN_EDD_IDENTITY = 0, LCN_EDD_BOMBIERI = 1, LCN_EDD_GENERIC = 2, LCN_EDD_MATRIX = 3 } lcn_edd_weights_t;

/* "identity", "bombieri", "generic", "matrix". */
LCN_EXPORT const char *lcn_edd_weights_name(lcn_edd_weights_t w);
/* The kind for a --weights value: the three names, anything else MATRIX
 * (a file). */
LCN_EXPORT lcn_edd_weights_t lcn_edd_weights_from_name(const char *name);

/* C_k, the generic ED degree of the Segre variety of k = (k_1..k_L)
 * (Shahverdi eq. 4.9 with m_j = k_j - 1, M = Σ m_j):
 *   C_k = Σ_{t=0}^{M} (-1)^t (2^{M+1-t} - 1) (M-t)!
 *         Σ_{i_1+…+i_L = t, i_j <= m_j} Π_j binom(m_j+1, i_j) / (m_j - i_j)!
 * computed exactly in GMP. Symmetric in k; k_j = 1 contributes nothing.
 * C_(2,2) = 6; t-model checks all of Shahverdi Table 3. LCN_ERR_ARG if
 * L < 1 or some k_j < 1, LCN_ERR_LIMIT if M > 4096. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_edd_segre(mpz_t out, const int *k, int L);
/* The same into 64 bits; LCN_ERR_LIMIT if it does not fit. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_edd_segre_u64(uint64_t *out, const int *k, int L);

/* The expected number of complex critical points of ℓ on the Zariski
 * closure of the function space of arch (system (S)): C of the reduced
 * architecture's filter sizes for GENERIC and MATRIX weights (Shahverdi
 * Thm 4.1); when the reduced architecture is a single layer the closure is
 * a linear space and the count is 1 for every weight; otherwise unknown
 * for IDENTITY and BOMBIERI. */
LCN_EXPORT int lcn_edd_arch_segre(mpz_t out, const lcn_arch_t arch, lcn_edd_weights_t w);

/* EDdeg of the multiple root locus Δ_λ ⊂ C[x,y]_n, λ a partition of n (any
 * order of parts), KMMT22 §6.2 and Ex. 6.7, 6.9:
 *   λ = (1^n): 1 (all of space);
 *   λ = (α, 1^{n-α}), 2 <= α <= n: identity (2α-1)n - 2(α-1)^2 (3n-2 for
 *       the discriminant and for the rational normal curve α = n),
 *       Bombieri n;
 *   n = 4, λ = (2,2): identity 13, Bombieri 7;
 *   anything else: unknown. GENERIC and MATRIX use the identity values
 * (KMMT22 Remark 6.10). *source (may be NULL) gets a static citation. */
LCN_EXPORT int lcn_edd_root_locus(uint64_t *out, const int *lambda, int r, lcn_edd_weights_t w, const char **source);

/* Parameter space (system (P), stride-one arch, generic data): the number of
 * nonzero critical points up to layer scaling, Σ_λ EDdeg(Δ_λ)·N(λ) over all
 * partitions λ of n = kend - 1 with N(λ) > 0 (DESIGN.md §3; KMMT22
 * Ex. 5.10: k = (2,3) gives 1·3 + 7·1 = 10). Unknown if one needed term is
 * unknown. LCN_ERR_ARG if arch is not stride-one, LCN_ERR_LIMIT if
 * n > LCN_PARTITION_MAX_N or a count overflows. */
LCN_EXPORT int lcn_edd_params_prediction(uint64_t *out, const lcn_arch_t arch, lcn_edd_weights_t w);

/* Upper bound on the number of µ(θ) over critical points θ (KMMT22 §6.2,
 * Ex. 6.6, 6.7): Σ EDdeg(Δ_λ) over the distinct λ = λ_{ρ|γ} of the real
 * patterns (ρ|γ) compatible with arch. (3,2,2): 1+10+13+12 = 36; (4,2):
 * 1+10 = 11. Unknown if one term is unknown; LCN_ERR_ARG if arch is not
 * stride-one, LCN_ERR_LIMIT if n > 30. */
LCN_EXPORT int lcn_edd_upper_bound(uint64_t *out, const lcn_arch_t arch, lcn_edd_weights_t w);

#ifdef __cplusplus
}
#endif
#endif
