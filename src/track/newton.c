/* Newton refinement at the target system F(x; p) = 0, in complex double
 * (LAPACKE) and in MPC at a chosen precision.
 *
 * Convergence test (both arithmetics): an update below tol relative to
 * max(1, |x|_inf). A regular root makes Newton converge quadratically, so
 * once updates are below 1e-3 each must be at most a quarter of the one
 * before; a singular root shows linear convergence (ratio 1/2 for a double
 * root) and fails this test, which is how singular endpoints are told
 * apart from regular ones even for n = 1 where a condition number means
 * nothing. */
#include <string.h>
#include "impl.h"

int lcn_newton_d_kernel(double complex *x, double *accuracy, double *residual, double *cond,
                        const lcn_system_struct *sys, lcn_system_ws_struct *ws, const double complex *p, double tol,
                        int max_iter, double complex *F, double complex *J, lapack_int *ipiv,
                        double complex *zwork, double *rwork, double complex *dx)
{
    const int n = sys->n;
    double prev = INFINITY, nd = INFINITY, anorm = 0;
    int converged = 0;
    /* Double rounding of x alone limits updates to about 1e-16 relative. */
    tol = lcn_dmax(tol, 4e-16);
    for (int it = 0; it < max_iter; it++) {
        lcn_system_eval_d(F, J, NULL, sys, ws, x, p);
        if (lcn_lu_d(J, ipiv, n, &anorm)) break;
        memcpy(dx, F, (size_t)n * sizeof *dx);
        lcn_lu_solve_d(J, ipiv, n, dx);
        double scale = lcn_dmax(1.0, lcn_norm_inf_d(x, n));
        nd = lcn_norm_inf_d(dx, n) / scale;
        if (!(nd < INFINITY)) break;
        for (int i = 0; i < n; i++) x[i] -= dx[i];
        if (accuracy) *accuracy = nd * scale;
        if (nd <= tol) {
            converged = 1;
            break;
        }
        if (prev < 1e-3 && nd > 0.25 * prev) break;
        prev = nd;
    }
    lcn_system_eval_d(F, J, NULL, sys, ws, x, p);
    if (residual) *residual = lcn_norm_inf_d(F, n);
    if (cond) {
        int sing = lcn_lu_d(J, ipiv, n, &anorm);
        double rc = sing ? 0 : lcn_lu_rcond_d(J, n, anorm, zwork, rwork);
        *cond = rc > 0 ? 1.0 / rc : INFINITY;
    }
    if (accuracy && !(nd < INFINITY)) *accuracy = INFINITY;
    return converged;
}

lcn_err_t lcn_newton_refine_d(double complex *x, double *accuracy, double *residual, double *cond,
                              const lcn_system_t sys, lcn_system_ws_t ws, const double complex *p, double tol,
                              int max_iter)
{
    if (!x || sys->n < 1 || max_iter < 1 || (sys->m > 0 && !p)) return LCN_ERR_ARG;
    size_t n = (size_t)sys->n;
    double complex *F = lcn_malloc_array(n * (n + 4), sizeof *F);
    double complex *J = F + n, *zwork = J + n * n, *dx = zwork + 2 * n;
    lapack_int *ipiv = lcn_malloc_array(n, sizeof *ipiv);
    double *rwork = lcn_malloc_array(2 * n, sizeof *rwork);
    int ok = lcn_newton_d_kernel(x, accuracy, residual, cond, sys, ws, p, tol, max_iter, F, J, ipiv, zwork, rwork,
                                 dx);
    lcn_free(F);
    lcn_free(ipiv);
    lcn_free(rwork);
    return ok ? LCN_OK : LCN_ERR_NUMERIC;
}

lcn_err_t lcn_newton_refine(double complex *x, double *accuracy, double *residual, const lcn_system_t sys,
                            const double complex *p, long prec, int max_iter)
{
    if (!x || sys->n < 1 || max_iter < 1 || (sys->m > 0 && !p)) return LCN_ERR_ARG;
    if (prec < 53) prec = 53;
    const int n = sys->n, m = sys->m;
    const mpfr_prec_t pr = (mpfr_prec_t)prec;
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    mpc_t *X = lcn_malloc_array((size_t)n, sizeof *X), *F = lcn_malloc_array((size_t)n, sizeof *F);
    mpc_t *J = lcn_malloc_array((size_t)n * n, sizeof *J), *P = lcn_malloc_array((size_t)(m ? m : 1), sizeof *P);
    int *piv = lcn_malloc_array((size_t)n, sizeof *piv);
    mpc_t tmp;
    mpfr_t r;
    mpc_init2(tmp, pr);
    mpfr_init2(r, 53);
    for (int i = 0; i < n; i++) {
        mpc_init2(X[i], pr);
        mpc_init2(F[i], pr);
        mpc_set_dc(X[i], x[i], MPC_RNDNN);
    }
    for (int i = 0; i < n * n; i++) mpc_init2(J[i], pr);
    for (int k = 0; k < m; k++) {
        mpc_init2(P[k], pr);
        mpc_set_dc(P[k], p[k], MPC_RNDNN);
    }
    /* The bound 2^(8-prec): a few bits above the rounding of the last
       Newton step, which is all a converged iteration can show. */
    const double tol = ldexp(1.0, 8 - (int)prec);
    double prev = INFINITY, nd = INFINITY, scale = 1;
    int converged = 0;
    for (int it = 0; it < max_iter; it++) {
        lcn_system_eval_mp(F, J, NULL, sys, ws, (const mpc_t *)X, (const mpc_t *)P, pr);
        if (lcn_lu_mp(J, piv, n, tmp)) break;
        lcn_lu_solve_mp(F, (const mpc_t *)J, piv, n, tmp);
        scale = 1;
        nd = 0;
        for (int i = 0; i < n; i++) {
            mpc_abs(r, X[i], MPFR_RNDN);
            scale = lcn_dmax(scale, mpfr_get_d(r, MPFR_RNDN));
            mpc_abs(r, F[i], MPFR_RNDN);
            double a = mpfr_get_d(r, MPFR_RNDN);
            if (a > nd || a != a) nd = a;
            mpc_sub(X[i], X[i], F[i], MPC_RNDNN);
        }
        nd /= scale;
        if (!(nd < INFINITY)) break;
        /* Updates below 1e-15 relative cannot change the double result. */
        if (nd <= tol || (prev < 1e-3 && nd <= 1e-15 && nd <= 0.25 * prev)) {
            converged = 1;
            if (nd <= tol) break;
        }
        if (prev < 1e-3 && nd > 0.25 * prev) {
            converged = converged && nd <= 1e-15;
            break;
        }
        prev = nd;
    }
    double err_round = 0;
    for (int i = 0; i < n; i++) {
        x[i] = mpc_get_dc(X[i], MPC_RNDNN);
        err_round = lcn_dmax(err_round, cabs(x[i]) * 0x1p-53);
        mpc_set_dc(X[i], x[i], MPC_RNDNN);
    }
    if (accuracy) *accuracy = nd < INFINITY ? lcn_dmax(nd * scale, err_round) : INFINITY;
    if (residual) {
        lcn_system_eval_mp(F, NULL, NULL, sys, ws, (const mpc_t *)X, (const mpc_t *)P, pr);
        double res = 0;
        for (int i = 0; i < n; i++) {
            mpc_abs(r, F[i], MPFR_RNDN);
            double a = mpfr_get_d(r, MPFR_RNDN);
            if (a > res || a != a) res = a;
        }
        *residual = res;
    }
    for (int i = 0; i < n; i++) {
        mpc_clear(X[i]);
        mpc_clear(F[i]);
    }
    for (int i = 0; i < n * n; i++) mpc_clear(J[i]);
    for (int k = 0; k < m; k++) mpc_clear(P[k]);
    mpc_clear(tmp);
    mpfr_clear(r);
    lcn_free(X);
    lcn_free(F);
    lcn_free(J);
    lcn_free(P);
    lcn_free(piv);
    lcn_system_ws_clear(ws);
    return converged ? LCN_OK : LCN_ERR_NUMERIC;
}
