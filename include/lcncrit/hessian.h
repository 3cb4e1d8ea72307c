/* lcncrit: the type of a critical point of the loss in parameter space,
 * L(θ) = ℓ(µ(θ)) = (µ(θ) − u)^T T (µ(θ) − u), θ = (w_1, .., w_L) real.
 *
 * L is invariant under the rescalings (κ_1 w_1, .., κ_L w_L), Π κ_l = 1, so
 * at a critical point the L − 1 dimensional tangent space of that orbit,
 * {(c_1 w_1, .., c_L w_L) : Σ c_l = 0}, lies in the kernel of the Hessian
 * (the whole orbit is critical: KMMT22 Lemma 5.7). Those directions say
 * nothing about the type and are projected out: the type is read from the
 * Hessian restricted to their orthogonal complement. µ is multilinear in the
 * layers, so the Hessian is exact:
 *     ∇²L = 2 J^T T J + 2 Σ_i (T r)_i ∇²µ_i,   r = µ(θ) − u,
 * with ∇²µ_i zero within one layer and, across layers l ≠ m, the
 * coefficients of µ with layer l replaced by e_a and layer m by e_b. */
#ifndef LCNCRIT_HESSIAN_H
#define LCNCRIT_HESSIAN_H

#include "arch.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    LCN_CRIT_MINIMUM = 0,    /* restricted Hessian positive definite: strict local minimum modulo scaling */
    LCN_CRIT_SADDLE = 1,     /* some negative eigenvalue (index = how many; index = dim: a maximum) */
    LCN_CRIT_DEGENERATE = 2  /* no negative eigenvalue, some zero: second order cannot decide */
} lcn_crit_type_t;

/* "minimum", "saddle", "degenerate". */
LCN_EXPORT const char *lcn_crit_type_name(lcn_crit_type_t t);

typedef struct {
    lcn_crit_type_t type;
    int dim;            /* nparams − (L − 1): size of the restricted Hessian */
    int index;          /* number of negative eigenvalues */
    int nzero;          /* eigenvalues with |λ| <= tol · max(1, max |λ|) */
    double eig_min, eig_max;
    double grad_norm;   /* |∇L(θ)|_2: a sanity check that θ is critical */
} lcn_crit_info_struct;
typedef lcn_crit_info_struct lcn_crit_info_t[1];

/* L(θ). */
LCN_EXPORT double lcn_param_loss(const lcn_arch_t arch, const double *theta, const double *u, const double *T);
/* g = ∇L(θ) (nparams) and, if H is not NULL, H = ∇²L(θ) (nparams × nparams,
 * symmetric). T is kend × kend symmetric. */
LCN_EXPORT void lcn_param_derivs(double *g, double *H, const lcn_arch_t arch, const double *theta, const double *u,
                                 const double *T);
/* Classify θ from H = ∇²L(θ) restricted to the complement of the scaling
 * directions (tol: relative zero threshold, e.g. 1e-7). The eigenvalues are
 * estimates (the exact Hessian evaluated in double at the given θ, whose
 * own error carries over); the type is only as good as the gap between the
 * smallest |eigenvalue| and tol · max(1, max |λ|). LCN_ERR_ARG if some
 * layer of θ is zero (the scaling orbit is then not (L−1)-dimensional),
 * LCN_ERR_NUMERIC if LAPACK fails. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_param_classify(lcn_crit_info_struct *info, const lcn_arch_t arch, const double *theta,
                                                const double *u, const double *T, double tol);
/* The same from a given Hessian H (for checks with a numerical one). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_param_classify_hessian(lcn_crit_info_struct *info, const lcn_arch_t arch,
                                                        const double *theta, const double *H, double tol);

/* Normalise θ within its scaling orbit: balanced (every layer rescaled to
 * the geometric mean of the layer norms, so all layers have equal Euclidean
 * norm and µ(θ) is unchanged), then signs: the first nonzero coefficient
 * (|x| > 1e-12 · norm) of every layer but the last made positive, the
 * compensating signs collected in the last layer. No-op if a layer is 0. */
LCN_EXPORT void lcn_param_normalize(double *theta, const lcn_arch_t arch);

#ifdef __cplusplus
}
#endif
#endif
