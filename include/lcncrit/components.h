/* lcncrit: the components of a critical-point system and their expected
 * generic counts.
 *
 * Monodromy only moves solutions within one irreducible component of the
 * incidence variety {(θ, p) : F(θ; p) = 0}, so each component needs its own
 * seed. Root loci and Segre systems have one (the degenerate solutions with
 * coinciding factors form another component, which is not wanted). For (P)
 * in a stride-one architecture, the spurious critical points of KMMT22 §5
 * form further components: θ whose layers share roots, where the
 * parameterisation is singular. A component is then a partition λ of
 * n = k − 1 (the root multiplicities of w) and a placement of the roots into
 * the layers: a 0/1 matrix M (r × L', row i = root i with multiplicity λ_i,
 * column l = layer l with k_l − 1 roots, no layer holding a root twice),
 * up to permuting roots of equal multiplicity (KMMT22 Cor. 5.5, DESIGN §3).
 * Its generic count is EDdeg(Δ_λ) times the number of distinct matrices in
 * the orbit; summed over all components this is Σ_λ EDdeg(Δ_λ) N(λ). */
#ifndef LCNCRIT_COMPONENTS_H
#define LCNCRIT_COMPONENTS_H

#include "critsys.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LCN_COMPONENT_MAX_ROOTS 32

typedef struct {
    char label[96];      /* "main", or "λ=2,1 M=10|11" for (P) placements */
    int r;               /* number of distinct roots (0: the whole system, random θ0) */
    int lambda[LCN_COMPONENT_MAX_ROOTS];
    unsigned long long M[LCN_COMPONENT_MAX_ROOTS]; /* bit l of M[i]: root i in factor l */
    long orbit;          /* distinct matrices in the orbit (θ per point w) */
    long expected;       /* generic number of solutions θ; 0 when unknown */
} lcn_component_struct;

typedef struct {
    size_t count;
    lcn_component_struct *c;
} lcn_components_struct;
typedef lcn_components_struct lcn_components_t[1];

LCN_EXPORT void lcn_components_init(lcn_components_t cc);
LCN_EXPORT void lcn_components_clear(lcn_components_t cc);
/* The components of cs wanted for generic data, with their generic counts. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_components_init_set(lcn_components_t cc, const lcn_critsys_t cs);

/* A seed pair on component c: θ0 random on it, p0 (full parameters) and b0
 * (those of cs->msys, may be NULL) making θ0 critical (lcn_critsys_seed_params). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_component_seed(double complex *theta0, double complex *p0, double complex *b0,
                                                const lcn_critsys_t cs, const lcn_component_struct *c, lcn_rng_t rng);

/* EDdeg(Δ_λ) of a root locus (λ non-increasing, Σ λ = n) for the weights
 * "identity" or "generic" (equal: KMMT22 Remark 6.10) or "bombieri", from
 * the closed forms of KMMT22 §6 (DESIGN §3); 0 when no formula is known.
 * *source (may be NULL) names the formula. */
LCN_EXPORT long lcn_locus_eddeg(const int *lambda, int r, const char *weights, const char **source);
/* C_k, the generic ED degree of the Segre product P^{k_1−1} × ... (Shahverdi
 * eq. 4.9 with m_j = k_j − 1), exact (GMP); 0 if it does not fit in a long. */
LCN_EXPORT long lcn_segre_eddeg(const int *k, int L);
/* The expected number of points (w for loci and Segre, θ for (P)) for the
 * given weights name ("identity", "bombieri", "generic", anything else: a
 * specific matrix, unknown), 0 when unknown. */
LCN_EXPORT long lcn_critsys_expected(const lcn_critsys_t cs, const char *weights, const char **source);

#ifdef __cplusplus
}
#endif
#endif
