/* Shared internals of the track module. Never installed.
 *
 * t runs from 1 (start) to 0 (target) everywhere; segments of a path are
 * straight lines in the complex t-plane (the Cauchy endgame walks a polygon
 * around t = 0). */
#ifndef LCN_TRACK_IMPL_H
#define LCN_TRACK_IMPL_H

#include <complex.h>
#include <math.h>
#include <lapacke.h>
#include "lcncrit/homotopy.h"
#include "lcncrit/newton.h"
#include "lcncrit/path_result.h"
#include "lcncrit/result.h"
#include "lcncrit/solve.h"
#include "lcncrit/tracker.h"

/* Outcome of tracking one segment. */
enum {
    SEG_OK = 0,
    SEG_STEP_TOO_SMALL, /* corrector kept failing until the step fell below min_step */
    SEG_MAX_STEPS,      /* path step budget (or the finish budget) exhausted */
    SEG_DIVERGED        /* |x|_inf exceeded max_norm */
};

/* Points the Hermite predictor interpolates, at most (degree 2
 * LCN_HERMITE_POINTS - 1). Segre (4,4) cold, callgrind, one thread: 3
 * points 17.36G instructions, 4 points 16.73G, 5 points 17.19G. */
#define LCN_HERMITE_POINTS 4

/* Multiprecision scratch of one tracker, (re)sized at the working precision. */
typedef struct {
    mpfr_prec_t prec;   /* 0: not allocated yet */
    int n, m;
    mpc_t *H, *Hx, *Ht, *Jp, *pt, *dpm, *x, *xa, *xb, *dx, *k[4], *s1, *s2;
    int *piv;
    mpc_t t, dt, a, c, d;
    mpfr_t r, r2;
} lcn_track_mp_struct;

struct lcn_tracker_ws {
    int n, m;
    lcn_system_ws_t sws;
    /* double buffers: homotopy values, LU, RK4 stages (k) */
    double complex *tmp;          /* n*m + m, for lcn_homotopy_eval_d */
    double complex *H, *Hx, *Ht;  /* n, n*n, n */
    double complex *k[4], *xs, *dx, *xa, *xb, *xc, *xseg, *xprev, *sum, *est, *estp, *F, *J;
    lapack_int *ipiv;
    double complex *xh, *kh;      /* LCN_HERMITE_POINTS * n: the Hermite predictor's points, slopes */
    double complex *zwork;        /* 2n, zgecon */
    double *rwork;                /* 2n */
    double *v, *vprev;            /* endgame valuations */
    double complex *ys;           /* max_winding * n: sheets met by the Cauchy loops */
    lcn_track_mp_struct mp;
    /* state of the current path */
    long prec;                    /* 53 while in double */
    long max_prec_used;
    long steps_acc, steps_rej;
    long budget;                  /* > 0: stop a segment after this many more steps */
    long mp_left;                 /* >= 0: steps in MPC left before the endgame (max_steps_mp) */
    int allow_mp;                 /* may a failing segment raise the precision */
    double hstep;                 /* |dt| of the next step */
};

/* Shared tracking pieces. */
long lcn_track_seg_d(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                     double complex *x, double complex ta, double complex tb, double complex *treached);
long lcn_track_seg_mp(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                      double complex *x, double complex ta, double complex tb, double complex *treached);
/* Double first, then MPC with rising precision while allowed; x is kept in
 * double between segments (the MPC corrector re-converges at once). */
long lcn_track_seg(lcn_tracker_ws *w, const lcn_homotopy_struct *h, const lcn_solve_opts_struct *o,
                   double complex *x, double complex ta, double complex tb, double complex *treached);

/* Factor the n x n column-major A in place (LAPACKE zgetrf); returns 0 on
 * success, > 0 when exactly singular. anorm (may be NULL) receives the
 * 1-norm of A before factorisation. */
int lcn_lu_d(double complex *A, lapack_int *ipiv, int n, double *anorm);
void lcn_lu_solve_d(const double complex *LU, const lapack_int *ipiv, int n, double complex *b);
/* Reciprocal condition estimate in the 1-norm from a factorisation. */
double lcn_lu_rcond_d(const double complex *LU, int n, double anorm, double complex *zwork, double *rwork);

/* lcn_homotopy_eval_d with u = 1 - t given separately: near the start t
 * is within 1e-16 of 1, where 1 - t cannot be formed from t in double, yet
 * a badly scaled total-degree homotopy (the Wilkinson polynomial: the
 * target is 1e18 times the start system) moves its paths at 1 - t ~ 1e-18. */
void lcn_homotopy_eval2_d(double complex *H, double complex *Hx, double complex *Ht, const lcn_homotopy_struct *h,
                          lcn_system_ws_struct *ws, double complex *tmp, const double complex *x, double complex t,
                          double complex u);

/* MPC helpers (track_mp.c). */
void lcn_track_mp_setup(lcn_track_mp_struct *mp, int n, int m, mpfr_prec_t prec);
void lcn_track_mp_free(lcn_track_mp_struct *mp);
/* In-place LU with partial pivoting (pivot: largest |a|, compared in
 * double). Returns 0, or 1 when a pivot is exactly zero. */
int lcn_lu_mp(mpc_t *A, int *piv, int n, mpc_t tmp);
void lcn_lu_solve_mp(mpc_t *b, const mpc_t *LU, const int *piv, int n, mpc_t tmp);
/* Homotopy in MPC: H (n), Hx (n*n, may be NULL), Ht (n, may be NULL) at
 * (x, t), t given in double (exact as a point of the t-plane). */
void lcn_homotopy_eval_mp(mpc_t *H, mpc_t *Hx, mpc_t *Ht, const lcn_homotopy_struct *h, lcn_system_ws_t ws,
                          lcn_track_mp_struct *mp, const mpc_t *x, double complex t, double complex u,
                          mpfr_prec_t prec);

/* Newton in double at the target (newton.c); returns 1 when converged. */
int lcn_newton_d_kernel(double complex *x, double *accuracy, double *residual, double *cond,
                        const lcn_system_struct *sys, lcn_system_ws_struct *ws, const double complex *p, double tol,
                        int max_iter, double complex *F, double complex *J, lapack_int *ipiv,
                        double complex *zwork, double *rwork, double complex *dx);

static inline double lcn_norm_inf_d(const double complex *x, int n)
{
    /* max |x_i|^2, then one square root: hypot per entry was 3% of a
       Segre (4,4) run. Squares that may over- or underflow go to cabs. */
    double s2 = 0;
    for (int i = 0; i < n; i++) {
        const double re = creal(x[i]), im = cimag(x[i]), a2 = re * re + im * im;
        if (!(a2 < 1e300) || (a2 < 1e-300 && a2 > 0)) {
            double s = sqrt(s2);
            for (int j = i; j < n; j++) {
                double a = cabs(x[j]);
                if (a > s || a != a) s = a;
            }
            return s;
        }
        if (a2 > s2) s2 = a2;
    }
    return sqrt(s2);
}

/* a*b without the C99 Annex G NaN/infinity recovery (GCC calls __muldc3
 * for every complex product otherwise): in the hot loops the operands
 * are finite, and non-finite results are caught by the callers anyway. */
static inline double complex lcn_cmul(double complex a, double complex b)
{
    double ar = creal(a), ai = cimag(a), br = creal(b), bi = cimag(b);
    return CMPLX(ar * br - ai * bi, ar * bi + ai * br);
}

static inline double lcn_dmax(double a, double b) { return a > b ? a : b; }
static inline double lcn_dmin(double a, double b) { return a < b ? a : b; }

/* The corrector has converged after the update of relative size nd (the
 * previous one prev, iteration j from 0): nd is below tol, or, from the
 * second update on, the error left after it is. Newton with a fixed
 * Jacobian contracts linearly, by q = nd / prev, so what is left after an
 * update is about nd q / (1 - q): with a first update of 1e-4 and a second
 * of 1e-7 it is 1e-10, and a third evaluation would only confirm it. */
static inline int lcn_corrector_done(double nd, double prev, int j, double tol)
{
    if (nd <= tol) return 1;
    if (j == 0 || !(nd < 0.5 * prev)) return 0;
    const double q = nd / prev;
    return nd * q / (1 - q) <= tol;
}

#endif
