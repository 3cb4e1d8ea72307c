/* Tests of src/slp: building, folding, differentiation, compiled evaluation
 * in complex double and MPC. */
#include <math.h>
#include "lcncrit/rng.h"
#include "lcncrit/slp.h"
#include "lcncrit/system.h"
#include "test.h"

/* A random dense system of given degree in n variables and m parameters,
 * built as F_i = sum c * x^a * p_k with c random complex, evaluated
 * directly by the test for comparison. Terms are stored for reference. */
#define MAXT 40
typedef struct {
    int n, m, nterms[8];
    double complex c[8][MAXT];
    int exps[8][MAXT][8]; /* exponents of x_0..x_{n-1} */
    int par[8][MAXT];     /* parameter index or -1 */
} poly_sys;

static void random_sys(poly_sys *ps, lcn_rng_t rng, int n, int m, int deg)
{
    ps->n = n;
    ps->m = m;
    for (int i = 0; i < n; i++) {
        ps->nterms[i] = 3 + (int)lcn_rng_below(rng, MAXT - 3);
        for (int t = 0; t < ps->nterms[i]; t++) {
            ps->c[i][t] = lcn_rng_cnormal(rng);
            int left = (int)lcn_rng_below(rng, (uint64_t)deg + 1);
            for (int j = 0; j < n; j++) ps->exps[i][t][j] = 0;
            while (left-- > 0) ps->exps[i][t][lcn_rng_below(rng, (uint64_t)n)]++;
            ps->par[i][t] = m && lcn_rng_below(rng, 2) ? (int)lcn_rng_below(rng, (uint64_t)m) : -1;
        }
    }
}

static void build_sys(lcn_node_t *F, lcn_slp_t slp, const poly_sys *ps)
{
    for (int i = 0; i < ps->n; i++) {
        lcn_node_t s = lcn_slp_const_si(slp, 0, 0);
        for (int t = 0; t < ps->nterms[i]; t++) {
            lcn_node_t term = lcn_slp_const_d(slp, ps->c[i][t]);
            for (int j = 0; j < ps->n; j++)
                term = lcn_slp_mul(slp, term, lcn_slp_pow(slp, lcn_slp_var(slp, j), (unsigned long)ps->exps[i][t][j]));
            if (ps->par[i][t] >= 0) term = lcn_slp_mul(slp, term, lcn_slp_param(slp, ps->par[i][t]));
            s = lcn_slp_add(slp, s, term);
        }
        F[i] = s;
    }
}

static double complex direct_eval(const poly_sys *ps, int i, const double complex *x, const double complex *p)
{
    double complex s = 0;
    for (int t = 0; t < ps->nterms[i]; t++) {
        double complex term = ps->c[i][t];
        for (int j = 0; j < ps->n; j++) term *= cpow(x[j], ps->exps[i][t][j]);
        if (ps->par[i][t] >= 0) term *= p[ps->par[i][t]];
        s += term;
    }
    return s;
}

static void test_eval_d(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 1);
    for (long it = 0; it < 20 * lcn_test_multiplier(); it++) {
        int n = 1 + (int)lcn_rng_below(rng, 5), m = (int)lcn_rng_below(rng, 3), deg = 1 + (int)lcn_rng_below(rng, 4);
        poly_sys ps;
        random_sys(&ps, rng, n, m, deg);
        lcn_slp_t slp;
        lcn_slp_init(slp, n, m);
        lcn_node_t F[8];
        build_sys(F, slp, &ps);
        for (int i = 0; i < n; i++) CHECK(lcn_slp_degree(slp, F[i]) <= deg, "degree %d > %d", lcn_slp_degree(slp, F[i]), deg);
        lcn_system_t sys;
        CHECK(lcn_system_init_slp(sys, slp, F, n) == LCN_OK, "init");
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, sys);
        double complex x[8], p[8], Fv[8], Jx[64], Jp[64], Fh[8];
        for (int j = 0; j < n; j++) x[j] = lcn_rng_cnormal(rng);
        for (int j = 0; j < m; j++) p[j] = lcn_rng_cnormal(rng);
        lcn_system_eval_d(Fv, Jx, Jp, sys, ws, x, p);
        for (int i = 0; i < n; i++) {
            double complex want = direct_eval(&ps, i, x, p);
            CHECK(cabs(Fv[i] - want) <= 1e-12 * (1 + cabs(want)), "F[%d] = %g%+gi, direct %g%+gi (it %ld)", i,
                  creal(Fv[i]), cimag(Fv[i]), creal(want), cimag(want), it);
        }
        /* Jacobians against central finite differences: error O(h^2). */
        double h = 1e-5;
        for (int j = 0; j < n + m; j++) {
            double complex xp[8], xm[8], pp[8], pm[8], Fp[8], Fm[8];
            for (int k = 0; k < n; k++) xp[k] = xm[k] = x[k];
            for (int k = 0; k < m; k++) pp[k] = pm[k] = p[k];
            if (j < n) { xp[j] += h; xm[j] -= h; } else { pp[j - n] += h; pm[j - n] -= h; }
            lcn_system_eval_d(Fp, NULL, NULL, sys, ws, xp, pp);
            lcn_system_eval_d(Fm, NULL, NULL, sys, ws, xm, pm);
            for (int i = 0; i < n; i++) {
                double complex fd = (Fp[i] - Fm[i]) / (2 * h);
                double complex an = j < n ? Jx[i + n * j] : Jp[i + n * (j - n)];
                CHECK(cabs(fd - an) <= 1e-6 * (1 + cabs(an)), "dF%d/d%d: fd %g%+gi analytic %g%+gi", i, j,
                      creal(fd), cimag(fd), creal(an), cimag(an));
            }
        }
        /* The directional derivative along a random v equals Jp v. */
        double complex v[8], Fdir[8], Jxdir[64], Fdot[8];
        for (int k = 0; k < m; k++) v[k] = lcn_rng_cnormal(rng);
        lcn_system_eval_dir_d(Fdir, Jxdir, Fdot, sys, ws, x, p, v);
        for (int i = 0; i < n; i++) {
            double complex want = 0;
            for (int k = 0; k < m; k++) want += Jp[i + n * k] * v[k];
            CHECK(cabs(Fdot[i] - want) <= 1e-12 * (1 + cabs(want)), "Fdot[%d] %g%+gi, Jp v %g%+gi", i, creal(Fdot[i]),
                  cimag(Fdot[i]), creal(want), cimag(want));
            CHECK(Fdir[i] == Fv[i], "F from eval_dir_d differs at %d", i);
        }
        for (int i = 0; i < n * n; i++) CHECK(Jxdir[i] == Jx[i], "Jx from eval_dir_d differs at %d", i);
        /* F-only and F+Jx programs agree with the full one. */
        lcn_system_eval_d(Fh, NULL, NULL, sys, ws, x, p);
        for (int i = 0; i < n; i++) CHECK(Fh[i] == Fv[i], "programs disagree at %d", i);
        lcn_system_ws_clear(ws);
        lcn_system_clear(sys);
        lcn_slp_clear(slp);
    }
}

/* MPC evaluation: agrees with double to double accuracy, and the result at
 * prec agrees with the result at prec + 20 to about 2^-prec. */
static void test_eval_mp(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 2);
    for (long it = 0; it < 10 * lcn_test_multiplier(); it++) {
        int n = 1 + (int)lcn_rng_below(rng, 4), m = 1 + (int)lcn_rng_below(rng, 2);
        poly_sys ps;
        random_sys(&ps, rng, n, m, 3);
        lcn_slp_t slp;
        lcn_slp_init(slp, n, m);
        lcn_node_t F[8];
        build_sys(F, slp, &ps);
        lcn_system_t sys;
        CHECK(lcn_system_init_slp(sys, slp, F, n) == LCN_OK, "init");
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, sys);
        double complex x[8], p[8], Fd[8], Jxd[64], Jpd[64];
        for (int j = 0; j < n; j++) x[j] = lcn_rng_cnormal(rng);
        for (int j = 0; j < m; j++) p[j] = lcn_rng_cnormal(rng);
        lcn_system_eval_d(Fd, Jxd, Jpd, sys, ws, x, p);
        mpc_t xm[8], pm[8], F1[8], F2[8], Jx[64], Jp[64];
        for (int j = 0; j < n; j++) { mpc_init2(xm[j], 200); mpc_set_dc(xm[j], x[j], MPC_RNDNN); }
        for (int j = 0; j < m; j++) { mpc_init2(pm[j], 200); mpc_set_dc(pm[j], p[j], MPC_RNDNN); }
        for (int i = 0; i < n; i++) { mpc_init2(F1[i], 2); mpc_init2(F2[i], 2); }
        for (int i = 0; i < n * n; i++) mpc_init2(Jx[i], 2);
        for (int i = 0; i < n * m; i++) mpc_init2(Jp[i], 2);
        lcn_system_eval_mp(F1, Jx, Jp, sys, ws, (const mpc_t *)xm, (const mpc_t *)pm, 100);
        lcn_system_eval_mp(F2, NULL, NULL, sys, ws, (const mpc_t *)xm, (const mpc_t *)pm, 120);
        for (int i = 0; i < n; i++) {
            double complex a = mpc_get_dc(F1[i], MPC_RNDNN), b = mpc_get_dc(F2[i], MPC_RNDNN);
            CHECK(cabs(a - Fd[i]) <= 1e-12 * (1 + cabs(a)), "mp vs double F[%d]", i);
            mpc_t d;
            mpc_init2(d, 120);
            mpc_sub(d, F1[i], F2[i], MPC_RNDNN);
            mpfr_t ad;
            mpfr_init2(ad, 53);
            mpc_abs(ad, d, MPFR_RNDN);
            CHECK(mpfr_get_d(ad, MPFR_RNDN) <= ldexp(1.0, -90) * (1 + cabs(b)) * 100, "prec 100 vs 120 differ by %g",
                  mpfr_get_d(ad, MPFR_RNDN));
            mpfr_clear(ad);
            mpc_clear(d);
        }
        for (int i = 0; i < n * n; i++)
            CHECK(cabs(mpc_get_dc(Jx[i], MPC_RNDNN) - Jxd[i]) <= 1e-11 * (1 + cabs(Jxd[i])), "mp vs double Jx[%d]", i);
        for (int i = 0; i < n * m; i++)
            CHECK(cabs(mpc_get_dc(Jp[i], MPC_RNDNN) - Jpd[i]) <= 1e-11 * (1 + cabs(Jpd[i])), "mp vs double Jp[%d]", i);
        for (int j = 0; j < n; j++) mpc_clear(xm[j]);
        for (int j = 0; j < m; j++) mpc_clear(pm[j]);
        for (int i = 0; i < n; i++) { mpc_clear(F1[i]); mpc_clear(F2[i]); }
        for (int i = 0; i < n * n; i++) mpc_clear(Jx[i]);
        for (int i = 0; i < n * m; i++) mpc_clear(Jp[i]);
        lcn_system_ws_clear(ws);
        lcn_system_clear(sys);
        lcn_slp_clear(slp);
    }
}

/* Exact constants: 1/10 * 10 - 1 folds to the zero node; x + y and y + x
 * are one node; derivatives of x^3 y are 3 x^2 y and x^3. */
static void test_build(void)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 2, 0);
    mpq_t a, z;
    mpq_inits(a, z, NULL);
    mpq_set_si(a, 1, 10);
    lcn_node_t tenth = lcn_slp_const_q(slp, a, z);
    lcn_node_t r = lcn_slp_sub(slp, lcn_slp_mul(slp, tenth, lcn_slp_const_si(slp, 10, 0)), lcn_slp_const_si(slp, 1, 0));
    CHECK(lcn_slp_is_zero(slp, r), "1/10*10-1 is not exactly zero");
    /* The double 0.1 is not 1/10: its exact value must survive. */
    lcn_node_t d = lcn_slp_sub(slp, lcn_slp_mul(slp, lcn_slp_const_d(slp, 0.1), lcn_slp_const_si(slp, 10, 0)),
                               lcn_slp_const_si(slp, 1, 0));
    CHECK(!lcn_slp_is_zero(slp, d), "double 0.1 was rounded to 1/10");
    lcn_node_t x = lcn_slp_var(slp, 0), y = lcn_slp_var(slp, 1);
    CHECK(lcn_slp_add(slp, x, y) == lcn_slp_add(slp, y, x), "x+y != y+x");
    CHECK(lcn_slp_mul(slp, x, lcn_slp_const_si(slp, 1, 0)) == x, "x*1 != x");
    lcn_node_t f = lcn_slp_mul(slp, lcn_slp_pow(slp, x, 3), y);
    CHECK(lcn_slp_degree(slp, f) == 4, "degree %d", lcn_slp_degree(slp, f));
    lcn_node_t fx = lcn_slp_diff(slp, f, 0), fy = lcn_slp_diff(slp, f, 1), fxx = lcn_slp_diff(slp, fx, 0);
    lcn_node_t outs[3] = {fx, fy, fxx};
    double complex vals[3], pt[2] = {2.0 + 1.0 * I, -3.0};
    lcn_slp_eval_d(vals, slp, outs, 3, pt, NULL);
    CHECK(cabs(vals[0] - 3.0 * cpow(pt[0], 2) * pt[1]) < 1e-12, "d/dx");
    CHECK(cabs(vals[1] - cpow(pt[0], 3)) < 1e-12, "d/dy");
    CHECK(cabs(vals[2] - 6.0 * pt[0] * pt[1]) < 1e-12, "d2/dx2");
    /* Constant powers fold exactly: (1/10)^3 = 1/1000. */
    lcn_node_t c3 = lcn_slp_pow(slp, tenth, 3);
    mpq_set_si(a, 1, 1000);
    CHECK(c3 == lcn_slp_const_q(slp, a, z), "(1/10)^3 folded wrongly");
    mpq_clears(a, z, NULL);
    lcn_slp_clear(slp);
}

/* Wilkinson's polynomial prod (x - i), i = 1..20, expanded: its coefficients
 * exceed 2^53, so in double the value at x = 20 is far from 0, while at
 * 200 bits the exact constants give 0 to within rounding. */
static void test_exact_constants(void)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 1, 0);
    mpz_t coef[21];
    for (int i = 0; i <= 20; i++) mpz_init(coef[i]);
    mpz_set_ui(coef[0], 1); /* coef[j] multiplies x^j */
    for (int r = 1; r <= 20; r++)
        for (int j = r; j >= 0; j--) {
            mpz_mul_si(coef[j], coef[j], -r);
            if (j > 0) mpz_add(coef[j], coef[j], coef[j - 1]);
        }
    lcn_node_t x = lcn_slp_var(slp, 0), s = lcn_slp_const_si(slp, 0, 0);
    mpq_t q, z;
    mpq_inits(q, z, NULL);
    for (int j = 0; j <= 20; j++) {
        mpq_set_z(q, coef[j]);
        s = lcn_slp_add(slp, s, lcn_slp_mul(slp, lcn_slp_const_q(slp, q, z), lcn_slp_pow(slp, x, (unsigned long)j)));
    }
    lcn_system_t sys;
    CHECK(lcn_system_init_slp(sys, slp, &s, 1) == LCN_OK, "init");
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    mpc_t xm, F, J;
    mpc_init2(xm, 200);
    mpc_init2(F, 200);
    mpc_init2(J, 200);
    for (int root = 1; root <= 20; root += 19) {
        mpc_set_ui(xm, (unsigned long)root, MPC_RNDNN);
        lcn_system_eval_mp(&F, &J, NULL, sys, ws, (const mpc_t *)&xm, NULL, 200);
        CHECK(mpfr_zero_p(mpc_realref(F)) && mpfr_zero_p(mpc_imagref(F)), "W(%d) != 0 at 200 bits", root);
        /* W'(20) = 19! */
        if (root == 20) CHECK(fabs(mpfr_get_d(mpc_realref(J), MPFR_RNDN) / 1.21645100408832e17 - 1) < 1e-12, "W'(20)");
    }
    mpc_clear(xm);
    mpc_clear(F);
    mpc_clear(J);
    mpq_clears(q, z, NULL);
    for (int i = 0; i <= 20; i++) mpz_clear(coef[i]);
    lcn_system_ws_clear(ws);
    lcn_system_clear(sys);
    lcn_slp_clear(slp);
}

static void test_init_errors(void)
{
    lcn_slp_t slp;
    lcn_slp_init(slp, 2, 0);
    lcn_node_t F[2] = {lcn_slp_var(slp, 0), lcn_slp_var(slp, 1)};
    lcn_system_t sys;
    CHECK(lcn_system_init_slp(sys, slp, F, 1) == LCN_ERR_ARG, "non-square accepted");
    lcn_system_clear(sys);
    F[1] = 12345;
    CHECK(lcn_system_init_slp(sys, slp, F, 2) == LCN_ERR_ARG, "bad node accepted");
    lcn_system_clear(sys);
    lcn_slp_clear(slp);
}

LCN_TEST_MAIN({"eval_d", test_eval_d}, {"eval_mp", test_eval_mp}, {"build", test_build},
              {"exact_constants", test_exact_constants}, {"init_errors", test_init_errors})
