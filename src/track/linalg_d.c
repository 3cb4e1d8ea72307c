/* Dense complex double LU: an unblocked kernel for the small systems of
 * path tracking (n <= LU_SMALL), where OpenBLAS's zgetrf/zgetrs spend more
 * time in their dispatch, locking and buffer allocation than in the
 * arithmetic (about a sixth of a Segre (4,4) monodromy run); LAPACKE
 * (zgetrf/zgetrs/zgecon, _work variants: nothing is allocated per call)
 * above it. The kernel is zgetf2's algorithm: partial pivoting on
 * |re| + |im| (izamax's choice, first maximum on ties), row interchanges
 * in ipiv (1-based, as LAPACK's, so zgecon and zgetrs accept the result). */
#include "impl.h"

#define LU_SMALL 48

/* 1/(ur + i ui) without overflow or underflow in |u|^2 (u != 0). */
static inline void recip(double *rr, double *ri, double ur, double ui)
{
    const double s = fmax(fabs(ur), fabs(ui)), a = ur / s, b = ui / s, d = s * (a * a + b * b);
    *rr = a / d;
    *ri = -b / d;
}

static int lu_small(double complex *A, lapack_int *ipiv, int n)
{
    double *a = (double *)A; /* a[2 (i + n j)] = re, +1 = im */
    const size_t N = (size_t)n;
    for (int j = 0; j < n; j++) {
        double *cj = a + 2 * N * j;
        int p = j;
        double best = fabs(cj[2 * j]) + fabs(cj[2 * j + 1]);
        for (int i = j + 1; i < n; i++) {
            double v = fabs(cj[2 * i]) + fabs(cj[2 * i + 1]);
            if (v > best) {
                best = v;
                p = i;
            }
        }
        ipiv[j] = p + 1;
        if (best == 0) return 1;
        if (p != j)
            for (int c = 0; c < n; c++) {
                double *col = a + 2 * N * c, tr = col[2 * p], ti = col[2 * p + 1];
                col[2 * p] = col[2 * j];
                col[2 * p + 1] = col[2 * j + 1];
                col[2 * j] = tr;
                col[2 * j + 1] = ti;
            }
        /* l = column below the pivot / pivot */
        double rr, ri;
        recip(&rr, &ri, cj[2 * j], cj[2 * j + 1]);
        for (int i = j + 1; i < n; i++) {
            double xr = cj[2 * i], xi = cj[2 * i + 1];
            cj[2 * i] = xr * rr - xi * ri;
            cj[2 * i + 1] = xr * ri + xi * rr;
        }
        /* trailing update A[j+1:, c] -= l * A[j, c] */
        for (int c = j + 1; c < n; c++) {
            double *col = a + 2 * N * c;
            const double ur = col[2 * j], ui = col[2 * j + 1];
            for (int i = j + 1; i < n; i++) {
                const double lr = cj[2 * i], li = cj[2 * i + 1];
                col[2 * i] -= lr * ur - li * ui;
                col[2 * i + 1] -= lr * ui + li * ur;
            }
        }
    }
    return 0;
}

static void lu_solve_small(const double complex *LU, const lapack_int *ipiv, int n, double complex *bz)
{
    const double *a = (const double *)LU;
    double *b = (double *)bz;
    const size_t N = (size_t)n;
    for (int i = 0; i < n; i++) {
        int p = ipiv[i] - 1;
        if (p != i) {
            double tr = b[2 * p], ti = b[2 * p + 1];
            b[2 * p] = b[2 * i];
            b[2 * p + 1] = b[2 * i + 1];
            b[2 * i] = tr;
            b[2 * i + 1] = ti;
        }
    }
    /* L y = b, unit diagonal, by columns */
    for (int j = 0; j < n; j++) {
        const double *cj = a + 2 * N * j, yr = b[2 * j], yi = b[2 * j + 1];
        for (int i = j + 1; i < n; i++) {
            b[2 * i] -= cj[2 * i] * yr - cj[2 * i + 1] * yi;
            b[2 * i + 1] -= cj[2 * i] * yi + cj[2 * i + 1] * yr;
        }
    }
    /* U x = y, by columns from the last */
    for (int j = n - 1; j >= 0; j--) {
        const double *cj = a + 2 * N * j, br = b[2 * j], bi = b[2 * j + 1];
        double rr, ri;
        recip(&rr, &ri, cj[2 * j], cj[2 * j + 1]);
        const double xr = br * rr - bi * ri, xi = br * ri + bi * rr;
        b[2 * j] = xr;
        b[2 * j + 1] = xi;
        for (int i = 0; i < j; i++) {
            b[2 * i] -= cj[2 * i] * xr - cj[2 * i + 1] * xi;
            b[2 * i + 1] -= cj[2 * i] * xi + cj[2 * i + 1] * xr;
        }
    }
}

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
    if (n <= LU_SMALL) return lu_small(A, ipiv, n);
    lapack_int info = LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, n, n, (lapack_complex_double *)A, n, ipiv);
    LCN_ASSERT(info >= 0);
    return info > 0;
}

void lcn_lu_solve_d(const double complex *LU, const lapack_int *ipiv, int n, double complex *b)
{
    if (n <= LU_SMALL) {
        lu_solve_small(LU, ipiv, n, b);
        return;
    }
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
