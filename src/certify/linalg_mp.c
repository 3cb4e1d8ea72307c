/* Dense LU with partial pivoting in MPC. Approximate by design: the
 * certifier uses it for Newton corrections and for an approximate inverse
 * M of the Jacobian, and then bounds ||I - M DF|| rigorously, so nothing
 * here needs an error analysis. n is small (at most a few dozen). */
#include "impl.h"

int lcn_cert_lu(lcn_cert_priv *w, int n)
{
    mpc_t *A = w->A;
    mpfr_t *best = &w->t[4], *cur = &w->t[5];
    for (int k = 0; k < n; k++) {
        int p = k;
        mpc_abs(*best, A[k + (size_t)n * k], MPFR_RNDN);
        for (int i = k + 1; i < n; i++) {
            mpc_abs(*cur, A[i + (size_t)n * k], MPFR_RNDN);
            if (mpfr_greater_p(*cur, *best)) {
                mpfr_swap(*cur, *best);
                p = i;
            }
        }
        w->piv[k] = p;
        if (mpfr_zero_p(*best)) return 0;
        if (p != k)
            for (int j = 0; j < n; j++) mpc_swap(A[k + (size_t)n * j], A[p + (size_t)n * j]);
        for (int i = k + 1; i < n; i++) {
            mpc_div(A[i + (size_t)n * k], A[i + (size_t)n * k], A[k + (size_t)n * k], MPC_RNDNN);
            for (int j = k + 1; j < n; j++) {
                mpc_mul(w->tm[2], A[i + (size_t)n * k], A[k + (size_t)n * j], MPC_RNDNN);
                mpc_sub(A[i + (size_t)n * j], A[i + (size_t)n * j], w->tm[2], MPC_RNDNN);
            }
        }
    }
    return 1;
}

void lcn_cert_lu_solve(lcn_cert_priv *w, mpc_t *b, int n)
{
    mpc_t *A = w->A;
    for (int k = 0; k < n; k++)
        if (w->piv[k] != k) mpc_swap(b[k], b[w->piv[k]]);
    for (int i = 1; i < n; i++)
        for (int j = 0; j < i; j++) {
            mpc_mul(w->tm[2], A[i + (size_t)n * j], b[j], MPC_RNDNN);
            mpc_sub(b[i], b[i], w->tm[2], MPC_RNDNN);
        }
    for (int i = n - 1; i >= 0; i--) {
        for (int j = i + 1; j < n; j++) {
            mpc_mul(w->tm[2], A[i + (size_t)n * j], b[j], MPC_RNDNN);
            mpc_sub(b[i], b[i], w->tm[2], MPC_RNDNN);
        }
        mpc_div(b[i], b[i], A[i + (size_t)n * i], MPC_RNDNN);
    }
}
