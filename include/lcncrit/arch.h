/* lcncrit: LCN architectures and the end-to-end map µ (DESIGN.md §1).
 *
 * An architecture is filter sizes k = (k_1..k_L) and strides s = (s_1..s_L).
 * S_1 = 1, S_l = s_1···s_{l-1}; the end-to-end filter is
 *     π(w) = Π_l π_{S_l}(w_l),   π_S(v) = Σ_j v_j x^{S(k_l-1-j)} y^{S j},
 * of size k = k_1 + Σ_{l≥2} (k_l - 1) S_l (KMMT22 Prop. 2.2, Shahverdi eq. 2.4).
 * The last stride s_L never changes w (KMMT22 Lemma 4.9a). */
#ifndef LCNCRIT_ARCH_H
#define LCNCRIT_ARCH_H

#include <complex.h>
#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sanity limits: anything larger is refused by lcn_arch_init_set. */
#define LCN_ARCH_MAX_LAYERS 32
#define LCN_ARCH_MAX_K 4096      /* per-layer filter size */
#define LCN_ARCH_MAX_S 4096      /* per-layer stride */
#define LCN_ARCH_MAX_KEND 65536  /* end-to-end filter size */

typedef struct {
    int L;                          /* depth; 0 after init or a failed set */
    int k[LCN_ARCH_MAX_LAYERS];     /* filter sizes k_l >= 1 */
    int s[LCN_ARCH_MAX_LAYERS];     /* strides s_l >= 1 */
    long S[LCN_ARCH_MAX_LAYERS];    /* S_l = s_1···s_{l-1} (S[0] = 1) */
    int off[LCN_ARCH_MAX_LAYERS];   /* offset of layer l in θ = (w_1, .., w_L) */
    int nparams;                    /* Σ k_l: length of θ */
    int kend;                       /* end-to-end filter size k */
    long sigma;                     /* total stride s_1···s_L */
    int dim;                        /* dimension of the function space, Σ k_l - (L-1) */
    int stride_one;                 /* s_1 = … = s_{L-1} = 1 (s_L is irrelevant) */
    int reduced;                    /* all k_l > 1 and s_i > 1 for i < L (Shahverdi Def. 2.4) */
    int e;                          /* number of even filter sizes */
    int filling;                    /* function space is all of R^k (KMMT22 Thm 4.1, Prop 4.11) */
    /* The reduced architecture with the same Zariski closure (Shahverdi's
     * Observation before Def. 2.4, KMMT22 Lemma 4.9): layers with k_l = 1
     * are dropped (their stride folded into the previous layer so the later
     * S_l do not change), then layers i, i+1 with s_i = 1 are merged into one
     * of size k_i + k_{i+1} - 1; red_s[red_L-1] is set to 1. If the first
     * layer is a scalar with s_1 > 1, the end-to-end filter is the reduced
     * one spread out by red_embed = s_1 (π(w) = π_{red_embed}(w_red));
     * otherwise red_embed = 1. A stride-one architecture reduces to one
     * layer (k). */
    int red_L;
    int red_k[LCN_ARCH_MAX_LAYERS];
    int red_s[LCN_ARCH_MAX_LAYERS];
    int red_embed;
    /* After a failed lcn_arch_init_set: which argument was bad ("k", "s"
     * or "L") and why, e.g. "k[2] = 0 is not in 1..4096". */
    const char *bad_arg;
    char msg[160];
} lcn_arch_struct;
typedef lcn_arch_struct lcn_arch_t[1];

/* An empty architecture (L = 0). */
LCN_EXPORT void lcn_arch_init(lcn_arch_t arch);
/* Set from k[0..L-1] and s[0..L-1] (s may be NULL: all ones) and compute
 * every derived field. LCN_ERR_ARG if L is not in 1..LCN_ARCH_MAX_LAYERS, a
 * k_l or s_l is out of range, or the end-to-end size exceeds
 * LCN_ARCH_MAX_KEND; then arch is empty (L = 0) and arch->bad_arg/msg say
 * what was wrong. Arch must have been initialised. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_arch_init_set(lcn_arch_t arch, const int *k, const int *s, int L);
LCN_EXPORT void lcn_arch_clear(lcn_arch_t arch);
/* Copy (arrays are inline, so a struct copy; provided for symmetry). */
LCN_EXPORT void lcn_arch_set(lcn_arch_t dst, const lcn_arch_t src);
/* dst = the reduced architecture of src as an lcn_arch_t (see red_*). */
LCN_EXPORT void lcn_arch_reduce(lcn_arch_t dst, const lcn_arch_t src);
/* "stride-one", "reduced" or "mixed" (neither). A single layer is
 * stride-one. */
LCN_EXPORT const char *lcn_arch_kind(const lcn_arch_t arch);

/* Write the SPEC.md "architecture" JSON object (no trailing newline):
 * {"k": [..], "s": [..], "end_to_end_k": 5, "stride_one": true,
 *  "reduced": {"k": [..], "s": [..], "embed": 1}, "kind": "stride-one",
 *  "total_stride": 1, "dimension": 5, "filling": false, "even_filters": 2,
 *  "parameters": 7}. The library never writes to stdout on its own: f is
 * the caller's. */
LCN_EXPORT void lcn_arch_write_json(FILE *f, const lcn_arch_t arch);

/* µ: w[0..kend-1] = end-to-end filter of θ = (w_1, …, w_L) concatenated
 * (layer l at theta + arch->off[l], k_l entries). w must not alias theta.
 * Exact up to rounding of the products and sums (a convolution). */
LCN_EXPORT void lcn_arch_mu(double complex *w, const lcn_arch_t arch, const double complex *theta);
LCN_EXPORT void lcn_arch_mu_d(double *w, const lcn_arch_t arch, const double *theta);
/* Jacobian of µ at θ: J is kend × nparams, column-major (leading dimension
 * kend), column arch->off[l] + j = ∂w/∂w_l[j] = π_{S_l}(e_j) · Π_{m≠l}
 * π_{S_m}(w_m). J must not alias theta. */
LCN_EXPORT void lcn_arch_mu_jacobian(double complex *J, const lcn_arch_t arch, const double complex *theta);

/* Polynomial kernels in the π convention (coefficient j belongs to
 * x^{deg-j} y^j). _lcn_poly_mul: out[0..na+nb-2] = a * b (na, nb >= 1
 * coefficients); out must not alias a or b. _lcn_poly_mul_spread: b spread
 * by S, i.e. a * π_S(b): out has na + (nb-1)S entries. */
LCN_EXPORT void _lcn_poly_mul(double complex *out, const double complex *a, int na, const double complex *b, int nb);
LCN_EXPORT void _lcn_poly_mul_spread(double complex *out, const double complex *a, int na, const double complex *b,
                                     int nb, long S);

#ifdef __cplusplus
}
#endif
#endif
