/* lcncrit: certification of approximate zeros with Smale's alpha-theory.
 *
 * For a square system F(x; p) (p complex doubles, taken as their exact
 * binary values; constants exact rationals) and an approximate zero x, the
 * certifier refines x by Newton's method in MPC, then proves at the refined
 * point x_r, with every rounding error accounted for (MPFR/MPC directed or
 * bounded rounding), that
 *   alpha = beta * gamma < (13 - 3 sqrt 17)/4,
 *   beta  = ||DF(x_r)^{-1} F(x_r)||,
 *   gamma >= sup_{k>=2} ||DF(x_r)^{-1} D^kF(x_r)/k!||^{1/(k-1)},
 * so that Newton's method from x_r converges quadratically to a zero xi with
 * ||x_r - xi|| <= 2 beta (alpha-theorem: Blum-Cucker-Shub-Smale, "Complexity
 * and Real Computation", Ch. 8; as used by Hauenstein-Sottile,
 * "alphaCertified", ACM TOMS 38(4), 2012, Thm. 1.2 of arXiv:1011.1091).
 * The other statements used (gamma-theorem, uniqueness, realness) are
 * listed with their derivations at the top of src/certify/certify.c.
 *
 * Norms are Euclidean on C^n; the norm of a k-linear map is its operator
 * norm. gamma is bounded through the Taylor coefficients of each F_i at x_r
 * (the sum of their absolute values in each degree, propagated through the
 * straight-line program as univariate majorant polynomials; see majorant.c).
 *
 * Guarantees vs estimates: alpha, beta, gamma, jinv_norm, radius,
 * input_distance are rigorous upper bounds and unique_radius a rigorous
 * lower bound (each rounded in the safe direction when converted to double);
 * the flags are proofs given the theorems cited. newton_step and the point
 * x_refined are estimates (x_refined is within `radius` of the zero).
 * Rounding: the proofs rely on MPFR/MPC being correctly rounded (their
 * documented guarantee) and on IEEE binary64 doubles in the majorant sums
 * (any rounding mode; not valid under -ffast-math); the MPFR exponent range
 * is assumed not to be exhausted. Newton's method and the approximate
 * inverse are uncontrolled on purpose: their results are checked. */
#ifndef LCNCRIT_CERTIFY_H
#define LCNCRIT_CERTIFY_H

#include <complex.h>
#include <mpfr.h>
#include <mpc.h>
#include "common.h"
#include "system.h"

#ifdef __cplusplus
extern "C" {
#endif

/* real_status values */
#define LCN_CERTIFY_NOT_REAL 0
#define LCN_CERTIFY_REAL 1
#define LCN_CERTIFY_UNDECIDED (-1)

typedef struct {
    /* 1: proven that a zero xi of F(.; p) satisfies ||x_refined - xi|| <= radius
     * (alpha-test at the refined point). Use this flag for counting zeros. */
    int zero_certified;
    /* 1: zero_certified, and in addition the INPUT point x is proven to be an
     * approximate zero (in Smale's sense) of that same xi, by the gamma-theorem
     * (BCSS Ch. 8: ||x - xi|| gamma(F, xi) < (3 - sqrt 7)/2).
     * A point that is not an approximate zero is never certified, even if
     * Newton's method started from it happens to converge somewhere. */
    int certified;
    /* For a real system (see lcn_certifier_certify): LCN_CERTIFY_REAL when xi is
     * proven real, LCN_CERTIFY_NOT_REAL when xi is proven non-real, otherwise
     * (or when not asked, or not zero_certified) LCN_CERTIFY_UNDECIDED. */
    int real_status;
    double alpha, beta, gamma;   /* upper bounds at the refined MPC point x_r (+Inf: DF(x_r) not
                                  * proven invertible, or a bound overflowed) */
    double jinv_norm;            /* upper bound of ||DF(x_r)^{-1}|| */
    double radius;               /* upper bound of ||x_refined - xi||, x_refined the returned doubles */
    double unique_radius;        /* xi is the only zero within this distance of x_refined (0: unknown) */
    double input_distance;       /* upper bound of ||x - xi|| for the input x (inf if not certified) */
    double newton_step;          /* estimate: norm of the last Newton correction */
    int newton_steps;            /* Newton steps taken in the final attempt */
    long prec;                   /* precision (bits) of the final attempt */
} lcn_certificate_struct;
typedef lcn_certificate_struct lcn_certificate_t[1];

/* Per-thread certification workspace for one system: MPC/MPFR temporaries
 * and system workspace. The system must outlive the certifier and stay
 * unchanged. prec (bits, >= 64) is the starting precision; a failed attempt
 * is retried at 2*prec and 4*prec (Ziv-style), the final one recorded. */
typedef struct {
    const lcn_system_struct *sys;
    lcn_system_ws_t ws;
    long prec, prec_alloc;
    int max_newton;                /* Newton steps per attempt (default 40) */
    int attempts;                  /* precision doublings allowed + 1 (default 3) */
    void *priv;                    /* buffers at prec_alloc, owned */
} lcn_certifier_struct;
typedef lcn_certifier_struct lcn_certifier_t[1];

LCN_EXPORT void lcn_certifier_init(lcn_certifier_t c, const lcn_system_t sys, long prec);
LCN_EXPORT void lcn_certifier_clear(lcn_certifier_t c);

/* Refine x (n = sys->n doubles) at the certifier's precision and certify.
 * p: sys->m parameter values (may be NULL when m == 0). x_refined (n
 * entries, may alias x, or NULL to discard) receives the refined point
 * rounded to double; for a zero proven real its imaginary parts are set to 0
 * (the radius still holds since projecting onto R^n does not increase the
 * distance to a real point). system_is_real != 0 asks for the realness
 * classification; the call then checks that every constant of sys and every
 * p is real and returns LCN_ERR_ARG if not. Non-finite input returns
 * LCN_ERR_ARG. A point that cannot be certified is not an error: the call
 * returns LCN_OK with cert->certified == 0. On error cert is undefined. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_certifier_certify(lcn_certificate_struct *cert, double complex *x_refined,
                                                   lcn_certifier_t c, const double complex *p,
                                                   const double complex *x, int system_is_real);

/* One-shot convenience: a certifier for one call. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_certify_point(lcn_certificate_struct *cert, double complex *x_refined,
                                               const lcn_system_t sys, const double complex *p,
                                               const double complex *x, int system_is_real, long prec);

/* The alpha-test at an exact point, without refinement: rigorous upper
 * bounds alpha, beta, gamma and ||DF(x)^{-1}|| (outputs initialised mpfr_t;
 * set to +Inf when DF(x) cannot be proven invertible at precision prec).
 * x: n mpc_t taken exactly; p as above. Returns 1 when alpha is proven
 * < (13 - 3 sqrt 17)/4, else 0. Uses c's workspace; prec >= 64. */
LCN_EXPORT int lcn_certifier_alpha(mpfr_t alpha, mpfr_t beta, mpfr_t gamma, mpfr_t jinv,
                                   lcn_certifier_t c, const double complex *p, const mpc_t *x, long prec);

/* 1 if the closed balls B(a, ra) and B(b, rb) in C^n are proven disjoint,
 * i.e. ||a - b|| > ra + rb with the distance rounded down and the radii
 * rounded up; 0 otherwise (overlapping, or too close to decide). */
LCN_EXPORT int lcn_certify_balls_disjoint(const double complex *a, double ra, const double complex *b, double rb,
                                          int n);

/* Pairwise distinctness of k certified points (point i is pts[i*n .. i*n+n),
 * with radius radii[i], e.g. cert.radius; any coordinates, e.g. the system's
 * own or the images w of the points with radii bounding the image balls).
 * overlap[i] (may be NULL) receives the smallest j != i whose ball is not
 * proven disjoint from ball i, or -1. *ndistinct (may be NULL) receives the
 * number of points whose ball is proven disjoint from all others. Returns 1
 * when all balls are pairwise disjoint (so, with each ball containing a
 * zero, the k zeros are distinct), 0 otherwise. A non-finite radius
 * overlaps everything. */
LCN_EXPORT int lcn_certify_distinct(int *overlap, size_t *ndistinct, const double complex *pts, const double *radii,
                                    size_t k, int n);

/* Realness by conjugation, in any coordinates where the zero set is closed
 * under complex conjugation (e.g. the filters w of an LCN system with real
 * data, even though its theta-charts are complex). Input: k balls B(pts_i,
 * radii_i), each containing a zero, pairwise disjoint (lcn_certify_distinct).
 * real_status[i] = LCN_CERTIFY_NOT_REAL when ||Im pts_i|| > radii_i (no real
 * point in the ball; needs nothing else); = LCN_CERTIFY_REAL when complete
 * != 0 and the conjugate ball B(conj pts_i, radii_i) meets no ball j != i:
 * the conjugate zero lies in that conjugate ball and, the list being
 * complete, in some ball j, so j = i and the zero is its own conjugate.
 * complete != 0 asserts that the balls hold ALL zeros of a conjugation-
 * invariant set (e.g. the count met a proven upper bound); the REAL verdicts
 * are only as good as that claim. Otherwise LCN_CERTIFY_UNDECIDED.
 * Returns the number of undecided points. */
LCN_EXPORT size_t lcn_certify_conjugates(int *real_status, const double complex *pts, const double *radii, size_t k,
                                         int n, int complete);

/* Certify k points (point i at xs + i*n, n = sys->n; refined points likewise
 * in xs_refined, which may be NULL or alias xs) in parallel with OpenMP
 * (threads <= 0: the OpenMP default), one certifier per thread; certs[i]
 * depends only on point i, never on the thread count. Returns the first
 * error met (certs[i] of a failed point is then uncertified, radius Inf);
 * other points are still processed. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_certify_points(lcn_certificate_struct *certs, double complex *xs_refined,
                                                const lcn_system_t sys, const double complex *p,
                                                const double complex *xs, size_t k, int system_is_real,
                                                long prec, int threads);

typedef struct {
    size_t npoints;          /* k */
    size_t ncertified;       /* points with zero_certified */
    size_t nzeros;           /* classes of certified points proven to share a zero */
    size_t nreal, nnonreal;  /* classes whose zero is proven real / non-real */
    size_t nundecided_real;  /* classes whose realness is undecided */
    /* Pairs of certified points neither proven distinct nor proven equal.
     * When 0, nzeros is exactly the number of distinct zeros the certified
     * points approximate (a proven count); otherwise it is an upper bound. */
    size_t nundecided_pairs;
} lcn_certify_summary_struct;

/* Set-level certification of k certified points in C^n (point i at
 * xs_refined + i*n with certs[i] from lcn_certifier_certify): two points are
 * proven to approximate distinct zeros when their balls (radius) are
 * disjoint, and the same zero when one ball lies inside the other's
 * uniqueness ball (unique_radius). zero_of[i] (may be NULL) receives the
 * smallest index of a point proven to share point i's zero (i itself for a
 * class representative), or -1 for a point that is not zero_certified.
 * LCN_ERR_ARG on NULL inputs with k > 0. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_certify_set(lcn_certify_summary_struct *sum, long *zero_of,
                                             const lcn_certificate_struct *certs,
                                             const double complex *xs_refined, size_t k, int n);

/* Image of a ball under a polynomial map, for comparing certified zeros in
 * other coordinates (e.g. the filter w(theta) of an LCN system): with g the
 * ng nodes of slp (polynomials in its variables, parameters p), x (nvars
 * doubles, exact) and rho >= 0, computes gx (ng doubles, approximately g(x))
 * and *radius such that ||g(y; p) - gx|| <= *radius for every y with
 * ||y - x|| <= rho (Euclidean; a guarantee: g(x) is enclosed by ball
 * arithmetic at prec bits, the variation over the ball bounded by Taylor-
 * coefficient majorants; *radius is +Inf on overflow). Feed (gx, *radius) of
 * each certified point (x = x_refined, rho = cert.radius) to
 * lcn_certify_distinct. slp is read only. LCN_ERR_ARG for invalid nodes,
 * non-finite x or p, or rho < 0, NaN or Inf. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_certify_image(double complex *gx, double *radius, const lcn_slp_t slp,
                                               const lcn_node_t *g, size_t ng, const double complex *p,
                                               const double complex *x, double rho, long prec);

#ifdef __cplusplus
}
#endif
#endif
