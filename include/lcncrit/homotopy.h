/* lcncrit: homotopies H(x, t) between a start system (t = 1) and the
 * target system F(x; p) (t = 0). t runs from 1 (start) to 0 (target)
 * everywhere in lcncrit; t may be complex (the Cauchy endgame loops around
 * t = 0), and both homotopies are analytic in t.
 *
 * Total degree (gamma trick):
 *     H_i(x, t) = (1 - t) F_i(x; p) + t gamma (x_i^{d_i} - 1),
 *   start points: all x with x_i^{d_i} = 1 (prod d_i of them).
 * Parameter:
 *     H(x, t) = F(x; p(t)),  p(t) = tau(t) p0 + (1 - tau(t)) p1,
 *     tau(t) = t gamma / (1 + t (gamma - 1)),
 *   so p(1) = p0, p(0) = p1; gamma = 1 is the straight segment.
 *
 * A homotopy is read-only once built and may be shared by threads. */
#ifndef LCNCRIT_HOMOTOPY_H
#define LCNCRIT_HOMOTOPY_H

#include "system.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { LCN_HOMOTOPY_TOTAL_DEGREE = 0, LCN_HOMOTOPY_PARAMETER } lcn_homotopy_kind_t;

typedef struct {
    lcn_homotopy_kind_t kind;
    const lcn_system_struct *sys; /* borrowed; must outlive the homotopy */
    int n, m;
    double complex gamma;
    double complex *p;  /* total degree: the target parameters (m entries) */
    double complex *p0, *p1, *dp; /* parameter: start, target, p0 - p1 */
} lcn_homotopy_struct;
typedef lcn_homotopy_struct lcn_homotopy_t[1];

/* p: the m parameters of the target (NULL when m == 0); copied. */
LCN_EXPORT void lcn_homotopy_init_total_degree(lcn_homotopy_t h, const lcn_system_t sys,
                                               const double complex *p, double complex gamma);
/* p0, p1: m parameters each (NULL when m == 0); copied. */
LCN_EXPORT void lcn_homotopy_init_parameter(lcn_homotopy_t h, const lcn_system_t sys, const double complex *p0,
                                            const double complex *p1, double complex gamma);
LCN_EXPORT void lcn_homotopy_clear(lcn_homotopy_t h);

/* Number of start points of the total-degree homotopy: prod d_i, or 0 when
 * it does not fit in size_t or some degree is < 1. */
LCN_EXPORT size_t lcn_homotopy_total_degree_count(const lcn_system_t sys);
/* Start point number idx (mixed radix over the degrees, x_0 fastest):
 * x_i = exp(2 pi i k_i / d_i). */
LCN_EXPORT void lcn_homotopy_total_degree_start(double complex *x, const lcn_system_t sys, size_t idx);

/* Evaluate H (n), dH/dx (n*n, column-major) and dH/dt (n) at (x, t) in
 * complex double; Hx and Ht may be NULL. ws is the caller's per-thread
 * system workspace; tmp needs n*m + m entries (may be NULL when m == 0). */
LCN_EXPORT void lcn_homotopy_eval_d(double complex *H, double complex *Hx, double complex *Ht,
                                    const lcn_homotopy_t h, lcn_system_ws_t ws, double complex *tmp,
                                    const double complex *x, double complex t);

#ifdef __cplusplus
}
#endif
#endif
