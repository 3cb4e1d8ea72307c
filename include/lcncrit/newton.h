/* lcncrit: Newton refinement of a solution of F(x; p) = 0. */
#ifndef LCNCRIT_NEWTON_H
#define LCNCRIT_NEWTON_H

#include "system.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Refine x (n entries) in place by Newton's method in MPC at precision prec
 * (bits; values < 53 are raised to 53) for F(x; p) = 0, p the m parameters
 * (NULL when m == 0). Iterates until the update is below 2^(-prec+8)
 * relative to max(1, |x|_inf) or max_iter iterations are done. x is rounded
 * back to double on return.
 * Returns LCN_OK when the iteration converged (each update at most a quarter
 * of the previous one once below 1e-3, and the last update below the bound
 * or below 1e-15 relative, which double rounding cannot improve);
 * LCN_ERR_NUMERIC when it did not (singular Jacobian, no quadratic
 * convergence): x then holds the last iterate. LCN_ERR_ARG for bad sizes.
 * *accuracy (may be NULL) receives the last update's max-norm (an
 * ESTIMATE of |x - exact|); *residual (may be NULL) max_i |F_i(x)| at the
 * returned (double) x, evaluated at precision prec. Thread-safe (own workspace). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_newton_refine(double complex *x, double *accuracy, double *residual,
                                               const lcn_system_t sys, const double complex *p, long prec,
                                               int max_iter);

/* The same in complex double with LAPACKE (ws is the caller's per-thread
 * system workspace). Converges when an update is below tol relative to
 * max(1, |x|_inf). *cond (may be NULL) receives the 1-norm condition
 * estimate of dF/dx at the returned x. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_newton_refine_d(double complex *x, double *accuracy, double *residual,
                                                 double *cond, const lcn_system_t sys, lcn_system_ws_t ws,
                                                 const double complex *p, double tol, int max_iter);

#ifdef __cplusplus
}
#endif
#endif
