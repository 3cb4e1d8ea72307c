/* Tests of src/certify: alpha-theory bounds against closed forms, point
 * certification (true, wrong, real and non-real points), distinctness of
 * certified zeros, and random dense systems with known zeros. Expected
 * values come from closed forms or from how the systems are constructed. */
#include <math.h>
#include "lcncrit/rng.h"
#include "lcncrit/slp.h"
#include "lcncrit/system.h"
#include "lcncrit/certify.h"
#include "test.h"

#define PREC 256

/* f = x^e + c0 (one variable, no parameters) */
static void sys_univariate(lcn_system_t sys, unsigned long e, long c0)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 1, 0);
    lcn_node_t F = lcn_slp_add(slp, lcn_slp_pow(slp, lcn_slp_var(slp, 0), e), lcn_slp_const_si(slp, c0, 0));
    int err = lcn_system_init_slp(sys, slp, &F, 1);
    LCN_ASSERT(err == LCN_OK);
    lcn_slp_clear(slp);
}

/* f = x^3 - 2x + 2: Newton from 0 cycles 0 -> 1 -> 0 exactly. */
static void sys_cycle(lcn_system_t sys)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 1, 0);
    lcn_node_t x = lcn_slp_var(slp, 0);
    lcn_node_t F = lcn_slp_add(slp, lcn_slp_sub(slp, lcn_slp_pow(slp, x, 3), lcn_slp_mul(slp, lcn_slp_const_si(slp, 2, 0), x)),
                               lcn_slp_const_si(slp, 2, 0));
    int err = lcn_system_init_slp(sys, slp, &F, 1);
    LCN_ASSERT(err == LCN_OK);
    lcn_slp_clear(slp);
}

/* Closed forms for f = x^3 - 1 at x: beta = |x^3 - 1| / |3x^2|, and
 * Df^{-1} D^k f/k! is 1/x (k = 2) and 1/(3x^2) (k = 3), so
 * gamma = max(1/|x|, (1/(3|x|^2))^{1/2}) = 1/|x|. */
static void test_alpha_closed_form(void)
{
    lcn_system_t sys;
    sys_univariate(sys, 3, -1);
    lcn_certifier_t c;
    lcn_certifier_init(c, sys, PREC);
    const double complex pts[] = {1.3, CMPLX(0.3, 1.1), CMPLX(-0.5, 0.8660254), 0.75, CMPLX(-2.0, -0.125)};
    mpfr_t a, b, g, j, ex, t;
    mpfr_inits2(PREC, a, b, g, j, ex, t, (mpfr_ptr)0);
    mpc_t x, z, w;
    mpc_init2(x, PREC);
    mpc_init2(z, 2 * PREC);
    mpc_init2(w, 2 * PREC);
    for (size_t k = 0; k < sizeof pts / sizeof pts[0]; k++) {
        mpc_set_dc(x, pts[k], MPC_RNDNN);
        int ok = lcn_certifier_alpha(a, b, g, j, c, NULL, (const mpc_t *)&x, PREC);
        /* exact beta at 2*PREC */
        mpc_pow_ui(z, x, 3, MPC_RNDNN);
        mpc_sub_ui(z, z, 1, MPC_RNDNN);
        mpc_sqr(w, x, MPC_RNDNN);
        mpc_mul_ui(w, w, 3, MPC_RNDNN);
        mpc_div(z, z, w, MPC_RNDNN);
        mpc_abs(ex, z, MPFR_RNDN);
        CHECK(mpfr_cmp(b, ex) >= 0, "beta bound %g below exact %g at point %zu", mpfr_get_d(b, MPFR_RNDN),
              mpfr_get_d(ex, MPFR_RNDN), k);
        mpfr_mul_d(t, ex, 1e-30, MPFR_RNDN);
        mpfr_add(t, t, ex, MPFR_RNDN); /* exact * (1 + 1e-30) */
        CHECK(mpfr_cmp(b, t) <= 0, "beta bound %g not tight (exact %g) at point %zu", mpfr_get_d(b, MPFR_RNDN),
              mpfr_get_d(ex, MPFR_RNDN), k);
        /* gamma = 1/|x| */
        mpc_abs(ex, x, MPFR_RNDN);
        mpfr_ui_div(ex, 1, ex, MPFR_RNDN);
        CHECK(mpfr_cmp(g, ex) >= 0, "gamma bound %.17g below exact %.17g at point %zu", mpfr_get_d(g, MPFR_RNDN),
              mpfr_get_d(ex, MPFR_RNDN), k);
        mpfr_mul_d(t, ex, 1 + 1e-12, MPFR_RNDN);
        CHECK(mpfr_cmp(g, t) <= 0, "gamma bound %.17g not tight (exact %.17g) at point %zu",
              mpfr_get_d(g, MPFR_RNDN), mpfr_get_d(ex, MPFR_RNDN), k);
        /* |Df^{-1}| = 1/(3|x|^2) */
        mpfr_sqr(ex, ex, MPFR_RNDN);
        mpfr_div_ui(ex, ex, 3, MPFR_RNDN);
        CHECK(mpfr_cmp(j, ex) >= 0, "||Df^-1|| bound below exact at point %zu", k);
        /* the verdict follows the exact alpha, away from the threshold 0.1576... */
        mpfr_mul(t, b, g, MPFR_RNDN);
        double al = mpfr_get_d(t, MPFR_RNDN);
        if (al < 0.15) CHECK(ok, "alpha %g should certify at point %zu", al, k);
        if (al > 0.16) CHECK(!ok, "alpha %g must not certify at point %zu", al, k);
    }
    /* x = 1.3: beta = 1.197/5.07, gamma = 1/1.3, alpha = 0.1816 > 0.1577 */
    mpc_set_d(x, 1.3, MPC_RNDNN);
    CHECK(!lcn_certifier_alpha(a, b, g, j, c, NULL, (const mpc_t *)&x, PREC), "x^3-1 at 1.3: alpha 0.18 certified");
    mpc_clear(x);
    mpc_clear(z);
    mpc_clear(w);
    mpfr_clears(a, b, g, j, ex, t, (mpfr_ptr)0);
    lcn_certifier_clear(c);
    lcn_system_clear(sys);
}

/* x^2 - 2: alpha-test at raw points, then certification after refinement. */
static void test_sqrt2(void)
{
    lcn_system_t sys;
    sys_univariate(sys, 2, -2);
    lcn_certifier_t c;
    lcn_certifier_init(c, sys, PREC);
    mpfr_t a, b, g, j, s2, d;
    mpfr_inits2(PREC, a, b, g, j, s2, d, (mpfr_ptr)0);
    mpc_t x;
    mpc_init2(x, PREC);
    /* at 1: beta = 1/2, gamma = 1/2, alpha = 1/4: no certificate */
    mpc_set_d(x, 1.0, MPC_RNDNN);
    CHECK(!lcn_certifier_alpha(a, b, g, j, c, NULL, (const mpc_t *)&x, PREC), "alpha-test at 1.0 passed");
    CHECK(mpfr_cmp_d(a, 0.25) >= 0, "alpha bound %g < 1/4 at 1.0", mpfr_get_d(a, MPFR_RNDN));
    /* at 1.4142135623: beta ~ 3.7e-11, gamma ~ 0.354 */
    mpc_set_d(x, 1.4142135623, MPC_RNDNN);
    CHECK(lcn_certifier_alpha(a, b, g, j, c, NULL, (const mpc_t *)&x, PREC), "alpha-test at 1.4142135623 failed");
    CHECK(mpfr_cmp_d(a, 1e-9) < 0, "alpha bound %g too large", mpfr_get_d(a, MPFR_RNDN));

    lcn_certificate_t cert;
    double complex x0 = 1.4142135623, xr;
    int err = lcn_certifier_certify(cert, &xr, c, NULL, &x0, 1);
    CHECK(err == LCN_OK, "certify returned %d", err);
    CHECK(cert->certified && cert->zero_certified, "sqrt 2 not certified (alpha %g)", cert->alpha);
    CHECK(cert->real_status == LCN_CERTIFY_REAL, "sqrt 2 real_status %d", cert->real_status);
    CHECK(cimag(xr) == 0, "real zero reported with imaginary part %g", cimag(xr));
    CHECK(cert->radius > 0 && cert->radius < 1e-15, "radius %g", cert->radius);
    mpfr_sqrt_ui(s2, 2, MPFR_RNDN);
    mpfr_set_d(d, creal(xr), MPFR_RNDN);
    mpfr_sub(d, d, s2, MPFR_RNDN);
    mpfr_abs(d, d, MPFR_RNDN);
    CHECK(mpfr_cmp_d(d, cert->radius) <= 0, "|x - sqrt 2| = %g > radius %g", mpfr_get_d(d, MPFR_RNDN), cert->radius);
    CHECK(cert->input_distance >= 1.4142135623730951 - 1.4142135623 - 1e-15, "input distance %g too small",
          cert->input_distance);
    /* (1 - 1/sqrt 2)/gamma(sqrt 2) = 0.8284; it must stay below 2 sqrt 2 since -sqrt 2 is a zero */
    CHECK(cert->unique_radius > 0.82 && cert->unique_radius < 2 * 1.4142135623730951,
          "unique radius %g (should be about 0.828)", cert->unique_radius);

    /* 1.0 is an approximate zero in Smale's sense (gamma-theorem:
     * |1 - sqrt 2| gamma(sqrt 2) = 0.146 < 0.177) although the alpha-test at
     * 1.0 fails; 0.05 is not (0.48), yet Newton from it reaches sqrt 2. */
    x0 = 1.0;
    err = lcn_certifier_certify(cert, &xr, c, NULL, &x0, 1);
    CHECK(err == LCN_OK && cert->certified && cert->zero_certified, "1.0 -> sqrt 2 certified %d", cert->certified);
    CHECK(fabs(creal(xr) - 1.4142135623730951) < 1e-15, "1.0 refined to %.17g", creal(xr));
    x0 = 0.05;
    err = lcn_certifier_certify(cert, &xr, c, NULL, &x0, 1);
    CHECK(err == LCN_OK, "certify returned %d", err);
    CHECK(!cert->certified, "0.05 certified as an approximate zero of x^2 - 2");
    CHECK(cert->zero_certified && fabs(creal(xr) - 1.4142135623730951) < 1e-15,
          "refinement from 0.05 should still find a certified zero (got %.17g, %d)", creal(xr), cert->zero_certified);
    CHECK(cert->input_distance >= 1.3642135623, "input distance %g", cert->input_distance);

    /* non-finite input */
    x0 = CMPLX(NAN, 0);
    CHECK(lcn_certifier_certify(cert, &xr, c, NULL, &x0, 0) == LCN_ERR_ARG, "NaN accepted");
    mpc_clear(x);
    mpfr_clears(a, b, g, j, s2, d, (mpfr_ptr)0);
    lcn_certifier_clear(c);
    lcn_system_clear(sys);
}

/* A deliberately wrong point is never certified. */
static void test_wrong_point(void)
{
    lcn_system_t sys;
    lcn_certificate_t cert;
    double complex x0 = 0, xr;
    sys_cycle(sys);
    int err = lcn_certify_point(cert, &xr, sys, NULL, &x0, 1, PREC);
    CHECK(err == LCN_OK, "certify returned %d", err);
    CHECK(!cert->certified && !cert->zero_certified, "Newton 2-cycle point certified (alpha %g)", cert->alpha);
    CHECK(cert->real_status == LCN_CERTIFY_UNDECIDED, "uncertified point classified %d", cert->real_status);
    CHECK(isinf(cert->radius), "uncertified point has radius %g", cert->radius);
    lcn_system_clear(sys);
    /* x^2 + 1 = 0 from a real start: Newton stays real and never converges. */
    sys_univariate(sys, 2, 1);
    x0 = 0.5;
    err = lcn_certify_point(cert, &xr, sys, NULL, &x0, 1, PREC);
    CHECK(err == LCN_OK && !cert->certified && !cert->zero_certified, "real start on x^2+1 certified");
    /* the critical point x = 0: singular Jacobian */
    x0 = 0;
    err = lcn_certify_point(cert, &xr, sys, NULL, &x0, 1, PREC);
    CHECK(err == LCN_OK && !cert->certified && !cert->zero_certified, "critical point certified");
    lcn_system_clear(sys);
}

/* F = (x^2 - p0, x*y - 1) with parameter p0: zeros (+-sqrt p0, 1/(+-sqrt p0)). */
static void sys_param(lcn_system_t sys)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 2, 1);
    lcn_node_t x = lcn_slp_var(slp, 0), y = lcn_slp_var(slp, 1);
    lcn_node_t F[2];
    F[0] = lcn_slp_sub(slp, lcn_slp_pow(slp, x, 2), lcn_slp_param(slp, 0));
    F[1] = lcn_slp_sub(slp, lcn_slp_mul(slp, x, y), lcn_slp_const_si(slp, 1, 0));
    int err = lcn_system_init_slp(sys, slp, F, 2);
    LCN_ASSERT(err == LCN_OK);
    lcn_slp_clear(slp);
}

static void test_realness(void)
{
    lcn_system_t sys;
    sys_param(sys);
    lcn_certifier_t c;
    lcn_certifier_init(c, sys, PREC);
    lcn_certificate_t cert;
    double complex x0[2], xr[2], p;
    /* p0 = 2: real zero (sqrt 2, 1/sqrt 2), start slightly complex */
    p = 2;
    x0[0] = CMPLX(1.41421356, 1e-9);
    x0[1] = CMPLX(0.70710678, -1e-9);
    int err = lcn_certifier_certify(cert, xr, c, &p, x0, 1);
    CHECK(err == LCN_OK && cert->certified, "real zero not certified");
    CHECK(cert->real_status == LCN_CERTIFY_REAL, "real zero classified %d", cert->real_status);
    CHECK(fabs(creal(xr[1]) - 0.70710678118654752) < 1e-15 && cimag(xr[1]) == 0, "y = %.17g%+.3gi", creal(xr[1]),
          cimag(xr[1]));
    /* not asked: undecided */
    err = lcn_certifier_certify(cert, xr, c, &p, x0, 0);
    CHECK(err == LCN_OK && cert->certified && cert->real_status == LCN_CERTIFY_UNDECIDED, "classified unasked");
    /* p0 = -4: conjugate pair (+-2i, -+i/2), both certified non-real */
    p = -4;
    x0[0] = CMPLX(0.001, 2.0003);
    x0[1] = CMPLX(0, -0.4999);
    err = lcn_certifier_certify(cert, xr, c, &p, x0, 1);
    CHECK(err == LCN_OK && cert->certified, "2i not certified");
    CHECK(cert->real_status == LCN_CERTIFY_NOT_REAL, "2i classified %d", cert->real_status);
    CHECK(cabs(xr[0] - 2.0 * I) <= cert->radius && cabs(xr[1] + 0.5 * I) <= cert->radius,
          "(2i, -i/2) outside radius %g", cert->radius);
    double complex first[2] = {xr[0], xr[1]}, second[2];
    double r1 = cert->radius;
    x0[0] = conj(x0[0]);
    x0[1] = conj(x0[1]);
    err = lcn_certifier_certify(cert, second, c, &p, x0, 1);
    CHECK(err == LCN_OK && cert->certified && cert->real_status == LCN_CERTIFY_NOT_REAL, "-2i not certified non-real");
    CHECK(lcn_certify_balls_disjoint(first, r1, second, cert->radius, 2), "conjugate zeros not distinct");
    /* a complex parameter with the realness question is an argument error */
    p = CMPLX(2, 1);
    CHECK(lcn_certifier_certify(cert, xr, c, &p, x0, 1) == LCN_ERR_ARG, "complex data accepted as real");
    lcn_certifier_clear(c);
    lcn_system_clear(sys);
}

static void test_distinct(void)
{
    /* geometry */
    double complex a[2] = {0, 0}, b[2] = {1, 0};
    CHECK(lcn_certify_balls_disjoint(a, 0.4, b, 0.4, 2), "distance 1, radii 0.4 not disjoint");
    CHECK(!lcn_certify_balls_disjoint(a, 0.5, b, 0.5, 2), "touching closed balls declared disjoint");
    CHECK(!lcn_certify_balls_disjoint(a, NAN, b, 0.1, 2), "NaN radius declared disjoint");
    b[0] = CMPLX(0.375, 0.5); /* distance 0.625, all exact in binary */
    CHECK(lcn_certify_balls_disjoint(a, 0.25, b, 0.3749999, 2), "0.625 > 0.6249999 not found");
    CHECK(!lcn_certify_balls_disjoint(a, 0.25, b, 0.375, 2), "0.625 > 0.625 claimed");
    b[0] = 0;
    b[1] = CMPLX(0, 0.625);
    CHECK(!lcn_certify_balls_disjoint(a, 0.3125, b, 0.3125, 2), "touching balls in the imaginary direction");

    /* certified zeros of x^2 - 2: two approximations of one zero, and the other zero */
    lcn_system_t sys;
    sys_univariate(sys, 2, -2);
    lcn_certifier_t c;
    lcn_certifier_init(c, sys, PREC);
    lcn_certificate_t cert;
    const double complex starts[3] = {1.41421356, 1.4142135, -1.41421};
    double complex pts[3];
    double radii[3];
    for (int i = 0; i < 3; i++) {
        int err = lcn_certifier_certify(cert, &pts[i], c, NULL, &starts[i], 1);
        CHECK(err == LCN_OK && cert->certified, "start %d not certified", i);
        radii[i] = cert->radius;
    }
    int overlap[3];
    size_t nd = 99;
    CHECK(!lcn_certify_distinct(overlap, &nd, pts, radii, 3, 1), "two copies of sqrt 2 called distinct");
    CHECK(nd == 1 && overlap[0] == 1 && overlap[1] == 0 && overlap[2] == -1, "nd %zu overlap %d %d %d", nd,
          overlap[0], overlap[1], overlap[2]);
    double complex two[2] = {pts[0], pts[2]};
    double r2[2] = {radii[0], radii[2]};
    CHECK(lcn_certify_distinct(NULL, &nd, two, r2, 2, 1) && nd == 2, "sqrt 2 and -sqrt 2 not distinct");

    /* random balls on a line of spacing 1: radii below 1/2 are disjoint,
     * a pair with radii summing past the spacing is not */
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 7);
    enum { K = 200 };
    static double complex line[K * 2];
    static double rr[K];
    for (int i = 0; i < K; i++) {
        int slot = (i * 37) % K; /* scrambled order */
        line[2 * i] = slot;
        line[2 * i + 1] = CMPLX(0, 0);
        rr[i] = 0.49 * lcn_rng_uniform(rng);
    }
    CHECK(lcn_certify_distinct(NULL, &nd, line, rr, K, 2) && nd == K, "line of disjoint balls: %zu distinct", nd);
    rr[5] = 0.75; /* slot 185 */
    rr[6] = 0.4;  /* slot 222 % 200 = 22: no neighbour overlap */
    int ov[K];
    for (int i = 0; i < K; i++) {
        if ((i * 37) % K == 186) rr[i] = 0.3; /* 0.75 + 0.3 > 1 */
        if ((i * 37) % K == 184) rr[i] = 0.2; /* 0.75 + 0.2 < 1 */
    }
    lcn_certify_distinct(ov, &nd, line, rr, K, 2);
    CHECK(nd == K - 2 && ov[5] >= 0, "one overlapping pair expected: %zu distinct", nd);
    /* realness by conjugation of the complete zero set of x^3 - 1, whose
     * balls come from the certificates */
    {
        lcn_system_t s3;
        sys_univariate(s3, 3, -1);
        double complex z[3] = {1.0000001, CMPLX(-0.5, 0.866), CMPLX(-0.5, -0.866)}, zr[3];
        double zrad[3];
        int st[3];
        for (int i = 0; i < 3; i++) {
            int err = lcn_certify_point(cert, &zr[i], s3, NULL, &z[i], 0, PREC);
            CHECK(err == LCN_OK && cert->certified, "cube root %d not certified", i);
            zrad[i] = cert->radius;
        }
        CHECK(lcn_certify_distinct(NULL, NULL, zr, zrad, 3, 1), "cube roots not distinct");
        CHECK(lcn_certify_conjugates(st, zr, zrad, 3, 1, 1) == 0, "complete set left undecided");
        CHECK(st[0] == LCN_CERTIFY_REAL && st[1] == LCN_CERTIFY_NOT_REAL && st[2] == LCN_CERTIFY_NOT_REAL,
              "conjugation: %d %d %d", st[0], st[1], st[2]);
        CHECK(lcn_certify_conjugates(st, zr, zrad, 3, 1, 0) == 1 && st[0] == LCN_CERTIFY_UNDECIDED,
              "incomplete set: the real root must stay undecided");
        lcn_system_clear(s3);
    }
    /* the conjugate ball of a real-looking point meets a neighbour: undecided.
     * Balls B(0.01i, 0.02) and B(-0.04i, 0.015) are disjoint (0.05 > 0.035);
     * the conjugate B(-0.01i, 0.02) of the first meets the second (0.03). */
    {
        double complex z[2] = {CMPLX(0, 0.01), CMPLX(0, -0.04)};
        double zrad[2] = {0.02, 0.015};
        int st[2];
        CHECK(lcn_certify_distinct(NULL, NULL, z, zrad, 2, 1), "precondition");
        CHECK(lcn_certify_conjugates(st, z, zrad, 2, 1, 1) == 1 && st[0] == LCN_CERTIFY_UNDECIDED &&
                  st[1] == LCN_CERTIFY_NOT_REAL,
              "neighbour case: %d %d", st[0], st[1]);
        z[1] = CMPLX(0, -0.06); /* now 0.05 > 0.035: the first is real */
        CHECK(lcn_certify_conjugates(st, z, zrad, 2, 1, 1) == 0 && st[0] == LCN_CERTIFY_REAL, "far neighbour: %d",
              st[0]);
    }
    lcn_certifier_clear(c);
    lcn_system_clear(sys);
}

/* Random dense systems of degrees (2,2,2) with two known zeros xi and eta:
 * F_i = (A_i . (x - xi)) (B_i . (x - eta)) + (C_i . (x - xi)) (D_i . (x - eta)). */
static void test_dense_random(void)
{
    enum { N = 3 };
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 11);
    long iters = 10 * lcn_test_multiplier();
    for (long it = 0; it < iters; it++) {
        double complex xi[N], eta[N];
        for (int j = 0; j < N; j++) {
            xi[j] = lcn_rng_cnormal(rng);
            eta[j] = lcn_rng_cnormal(rng);
        }
        lcn_slp_t slp;
        lcn_slp_init(slp, N, 0);
        lcn_node_t dx[N], de[N], F[N];
        for (int j = 0; j < N; j++) {
            dx[j] = lcn_slp_sub(slp, lcn_slp_var(slp, j), lcn_slp_const_d(slp, xi[j]));
            de[j] = lcn_slp_sub(slp, lcn_slp_var(slp, j), lcn_slp_const_d(slp, eta[j]));
        }
        for (int i = 0; i < N; i++) {
            lcn_node_t co[4][N];
            for (int q = 0; q < 4; q++)
                for (int j = 0; j < N; j++) co[q][j] = lcn_slp_const_d(slp, lcn_rng_cnormal(rng));
            lcn_node_t t1 = lcn_slp_mul(slp, lcn_slp_dot(slp, co[0], dx, N), lcn_slp_dot(slp, co[1], de, N));
            lcn_node_t t2 = lcn_slp_mul(slp, lcn_slp_dot(slp, co[2], dx, N), lcn_slp_dot(slp, co[3], de, N));
            F[i] = lcn_slp_add(slp, t1, t2);
        }
        lcn_system_t sys;
        int err = lcn_system_init_slp(sys, slp, F, N);
        LCN_ASSERT(err == LCN_OK);
        lcn_slp_clear(slp);
        lcn_certifier_t c;
        lcn_certifier_init(c, sys, PREC);
        lcn_certificate_t cx, ce;
        double complex s[N], rx[N], re[N];
        for (int j = 0; j < N; j++) s[j] = xi[j] + 1e-7 * lcn_rng_cnormal(rng);
        err = lcn_certifier_certify(cx, rx, c, NULL, s, 0);
        CHECK(err == LCN_OK && cx->certified, "iteration %ld: xi not certified (alpha %g, beta %g, gamma %g)", it,
              cx->alpha, cx->beta, cx->gamma);
        for (int j = 0; j < N; j++) s[j] = eta[j] + 1e-7 * lcn_rng_cnormal(rng);
        err = lcn_certifier_certify(ce, re, c, NULL, s, 0);
        CHECK(err == LCN_OK && ce->certified, "iteration %ld: eta not certified (alpha %g)", it, ce->alpha);
        /* the known zeros lie in the certified balls (both sides exact doubles) */
        double dxi = 0, deta = 0;
        for (int j = 0; j < N; j++) {
            dxi += cabs(rx[j] - xi[j]) * cabs(rx[j] - xi[j]);
            deta += cabs(re[j] - eta[j]) * cabs(re[j] - eta[j]);
        }
        CHECK(sqrt(dxi) <= cx->radius, "iteration %ld: |x - xi| = %g > radius %g", it, sqrt(dxi), cx->radius);
        CHECK(sqrt(deta) <= ce->radius, "iteration %ld: |x - eta| = %g > radius %g", it, sqrt(deta), ce->radius);
        CHECK(cx->radius < 1e-14 && cx->gamma < 1e6, "iteration %ld: radius %g gamma %g", it, cx->radius, cx->gamma);
        CHECK(lcn_certify_balls_disjoint(rx, cx->radius, re, ce->radius, N), "iteration %ld: xi, eta not distinct", it);
        /* same verdict and nearly the same bounds at prec + 20 */
        lcn_certifier_t c2;
        lcn_certifier_init(c2, sys, PREC + 20);
        lcn_certificate_t c3;
        double complex r3[N];
        for (int j = 0; j < N; j++) s[j] = rx[j];
        err = lcn_certifier_certify(c3, r3, c2, NULL, s, 0);
        CHECK(err == LCN_OK && c3->certified, "iteration %ld: not certified at prec + 20", it);
        CHECK(fabs(c3->gamma - cx->gamma) <= 1e-6 * cx->gamma, "iteration %ld: gamma %g vs %g at prec + 20", it,
              c3->gamma, cx->gamma);
        for (int j = 0; j < N; j++) CHECK(r3[j] == rx[j], "iteration %ld: refined point moved at prec + 20", it);
        lcn_certifier_clear(c2);
        lcn_certifier_clear(c);
        lcn_system_clear(sys);
    }
}

/* Two zeros 2^-40 apart: at 64 bits the Newton corrections stall at the
 * rounding floor (condition ~2^40), so the certifier must raise the
 * precision (Ziv-style) and then certify; the uniqueness radius can never
 * reach the neighbouring zero. */
static void test_ill_conditioned(void)
{
    const double a = 1.0 + 0x1p-40;
    lcn_slp_t slp;
    lcn_slp_init(slp, 1, 0);
    lcn_node_t x = lcn_slp_var(slp, 0);
    /* expanded, so that evaluation cancels: x^2 - (1 + a) x + a */
    lcn_node_t F = lcn_slp_add(slp, lcn_slp_sub(slp, lcn_slp_pow(slp, x, 2), lcn_slp_mul(slp, lcn_slp_const_d(slp, 1 + a), x)),
                               lcn_slp_const_d(slp, a));
    lcn_system_t sys;
    int err = lcn_system_init_slp(sys, slp, &F, 1);
    LCN_ASSERT(err == LCN_OK);
    lcn_slp_clear(slp);
    lcn_certificate_t cert;
    double complex x0 = a + 0x1p-48, xr;
    err = lcn_certify_point(cert, &xr, sys, NULL, &x0, 1, 64);
    CHECK(err == LCN_OK && cert->zero_certified, "1 + 2^-40 not certified (alpha %g, prec %ld)", cert->alpha,
          cert->prec);
    CHECK(cert->prec > 64, "certified at prec %ld, expected a precision increase", cert->prec);
    CHECK(cert->real_status == LCN_CERTIFY_REAL, "real_status %d", cert->real_status);
    CHECK(fabs(creal(xr) - a) <= cert->radius, "|x - (1 + 2^-40)| = %g > radius %g", fabs(creal(xr) - a),
          cert->radius);
    CHECK(cert->unique_radius > 0 && cert->unique_radius <= 0x1p-40 + cert->radius,
          "uniqueness radius %g reaches the other zero at distance 2^-40", cert->unique_radius);
    /* gamma(F, a) = |F''/(2F')| = 1/2^-40 exactly */
    CHECK(cert->gamma >= 0x1p40, "gamma bound %g below the exact 2^40", cert->gamma);
    lcn_system_clear(sys);
}

/* Image balls: g(z) = z^2 maps B(1, r) onto a set whose farthest point from
 * 1 is (1 + r)^2, at distance 2r + r^2; and a 2-variable map checked at
 * random points of the ball against MPC evaluation. */
static void test_image(void)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 2, 1);
    lcn_node_t x = lcn_slp_var(slp, 0), y = lcn_slp_var(slp, 1), q = lcn_slp_param(slp, 0);
    lcn_node_t g[3];
    g[0] = lcn_slp_pow(slp, x, 2);
    g[1] = lcn_slp_sub(slp, lcn_slp_mul(slp, lcn_slp_mul(slp, x, y), q), lcn_slp_pow(slp, y, 3));
    g[2] = lcn_slp_add(slp, lcn_slp_mul(slp, lcn_slp_const_si(slp, 1, 3), x), lcn_slp_const_d(slp, 0.1));
    double complex p = CMPLX(0.5, -2), gx[3], pt[2] = {1, 0};
    double rad;
    const double rs[] = {0, 1e-12, 1e-3, 0.5};
    for (size_t k = 0; k < 4; k++) {
        int err = lcn_certify_image(gx, &rad, slp, g, 1, &p, pt, rs[k], PREC);
        double r = rs[k], sup = 2 * r + r * r;
        CHECK(err == LCN_OK && gx[0] == 1, "z^2 at 1: %d %g", err, creal(gx[0]));
        CHECK(rad >= sup && rad <= sup * (1 + 1e-12) + 1e-300, "image radius %.17g vs exact %.17g", rad, sup);
    }
    CHECK(lcn_certify_image(gx, &rad, slp, g, 1, &p, pt, -1, PREC) == LCN_ERR_ARG, "negative radius accepted");
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 13);
    mpc_t xm[2], pm, vals[3];
    mpc_init2(xm[0], PREC);
    mpc_init2(xm[1], PREC);
    mpc_init2(pm, PREC);
    for (int i = 0; i < 3; i++) mpc_init2(vals[i], PREC);
    mpc_set_dc(pm, p, MPC_RNDNN);
    mpfr_t d, t;
    mpfr_inits2(PREC, d, t, (mpfr_ptr)0);
    for (long it = 0; it < 50 * lcn_test_multiplier(); it++) {
        double complex c[2] = {lcn_rng_cnormal(rng), lcn_rng_cnormal(rng)};
        double r = 0.3 * lcn_rng_uniform(rng);
        int err = lcn_certify_image(gx, &rad, slp, g, 3, &p, c, r, PREC);
        CHECK(err == LCN_OK && isfinite(rad), "image failed");
        for (int s = 0; s < 10; s++) {
            /* a random point of the ball, pulled 1e-9 inside against rounding */
            double complex h[2] = {lcn_rng_cnormal(rng), lcn_rng_cnormal(rng)};
            double hn = sqrt(cabs(h[0]) * cabs(h[0]) + cabs(h[1]) * cabs(h[1]));
            double sc = (s == 0 ? 1.0 : lcn_rng_uniform(rng)) * r * (1 - 1e-9) / hn;
            for (int j = 0; j < 2; j++) mpc_set_dc(xm[j], c[j] + sc * h[j], MPC_RNDNN);
            lcn_slp_eval_mp(vals, slp, g, 3, (const mpc_t *)xm, (const mpc_t *)&pm, PREC);
            mpfr_set_zero(d, 1);
            for (int i = 0; i < 3; i++) {
                mpc_t gd;
                mpc_init2(gd, PREC);
                mpc_set_dc(gd, gx[i], MPC_RNDNN);
                mpc_sub(gd, vals[i], gd, MPC_RNDNN);
                mpc_abs(t, gd, MPFR_RNDN);
                mpfr_sqr(t, t, MPFR_RNDN);
                mpfr_add(d, d, t, MPFR_RNDN);
                mpc_clear(gd);
            }
            mpfr_sqrt(d, d, MPFR_RNDN);
            CHECK(mpfr_cmp_d(d, rad) <= 0, "iteration %ld: point of the ball maps %g from gx, radius %g", it,
                  mpfr_get_d(d, MPFR_RNDN), rad);
        }
    }
    mpfr_clears(d, t, (mpfr_ptr)0);
    mpc_clear(xm[0]);
    mpc_clear(xm[1]);
    mpc_clear(pm);
    for (int i = 0; i < 3; i++) mpc_clear(vals[i]);
    lcn_slp_clear(slp);
}

/* A solution list for x^3 - 1 with a duplicate and a wrong point: three
 * distinct zeros, one real, a proven count; the same for 1 and 2 threads. */
static void test_set(void)
{
    lcn_system_t sys;
    sys_univariate(sys, 3, -1);
    const double s3 = 0.86602540378443865;
    double complex xs[6] = {1.0000001, CMPLX(-0.5, s3 + 1e-9), CMPLX(0.9999999, 1e-8), CMPLX(-0.5, -s3), 0,
                            CMPLX(-0.50001, 0.866)};
    lcn_certificate_struct certs[6], certs1[6];
    double complex xr[6], xr1[6];
    int err = lcn_certify_points(certs, xr, sys, NULL, xs, 6, 1, PREC, 2);
    CHECK(err == LCN_OK, "certify_points returned %d", err);
    err = lcn_certify_points(certs1, xr1, sys, NULL, xs, 6, 1, PREC, 1);
    CHECK(err == LCN_OK, "certify_points returned %d", err);
    for (int i = 0; i < 6; i++) {
        CHECK(certs[i].zero_certified == certs1[i].zero_certified && certs[i].radius == certs1[i].radius &&
                  certs[i].alpha == certs1[i].alpha && xr[i] == xr1[i],
              "point %d differs between 1 and 2 threads", i);
        CHECK(certs[i].zero_certified == (i != 4), "point %d zero_certified %d", i, certs[i].zero_certified);
    }
    lcn_certify_summary_struct sum;
    long zero_of[6];
    err = lcn_certify_set(&sum, zero_of, certs, xr, 6, 1);
    CHECK(err == LCN_OK, "certify_set returned %d", err);
    CHECK(sum.npoints == 6 && sum.ncertified == 5, "npoints %zu ncertified %zu", sum.npoints, sum.ncertified);
    CHECK(sum.nzeros == 3 && sum.nundecided_pairs == 0, "nzeros %zu undecided pairs %zu", sum.nzeros,
          sum.nundecided_pairs);
    CHECK(sum.nreal == 1 && sum.nnonreal == 2 && sum.nundecided_real == 0, "real %zu nonreal %zu undecided %zu",
          sum.nreal, sum.nnonreal, sum.nundecided_real);
    const long expect[6] = {0, 1, 0, 3, -1, 1};
    for (int i = 0; i < 6; i++) CHECK(zero_of[i] == expect[i], "zero_of[%d] = %ld, expected %ld", i, zero_of[i], expect[i]);
    lcn_system_clear(sys);
}

LCN_TEST_MAIN({"alpha_closed_form", test_alpha_closed_form}, {"sqrt2", test_sqrt2},
              {"wrong_point", test_wrong_point}, {"realness", test_realness}, {"distinct", test_distinct},
              {"dense_random", test_dense_random}, {"ill_conditioned", test_ill_conditioned},
              {"image", test_image}, {"set", test_set})
