/* Dense complex double LU through LAPACKE (zgetrf/zgetrs/zgecon), with the
 * _work variants so that nothing is allocated per call. */
#include "impl.h"

int lcn_lu_d(double complex *A, lapack_int *ipiv, int n, double *anorm)
{
    if (anorm) {
        /* 1-norm = largest column sum, needed by zgecon. */
        double best = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += cabs(A[i + (size_t)n * j]);
            if (s > best || s != s) best = s;
        }
        *anorm = best;
    }
    for (int i = 0; i < n * n; i++)
        if (!isfinite(creal(A[i])) || !isfinite(cimag(A[i]))) return 1;
    lapack_int info = LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, n, n, (lapack_complex_double *)A, n, ipiv);
    LCN_ASSERT(info >= 0);
    return info > 0;
}

void lcn_lu_solve_d(const double complex *LU, const lapack_int *ipiv, int n, double complex *b)
{
    lapack_int info = LAPACKE_zgetrs_work(LAPACK_COL_MAJOR, 'N', n, 1, (const lapack_complex_double *)LU, n, ipiv,
                                          (lapack_complex_double *)b, n);
    LCN_ASSERT(info == 0);
}

double lcn_lu_rcond_d(const double complex *LU, int n, double anorm, double complex *zwork, double *rwork)
{
    double rcond = 0;
    if (!(anorm > 0) || !isfinite(anorm)) return 0;
    lapack_int info = LAPACKE_zgecon_work(LAPACK_COL_MAJOR, '1', n, (const lapack_complex_double *)LU, n, anorm,
                                          &rcond, (lapack_complex_double *)zwork, rwork);
    LCN_ASSERT(info >= 0);
    return rcond;
}
