/* Tests of the lcn module: the critical-point systems (critsys.h). */
#include <complex.h>
#include <math.h>
#include "lcncrit/lcncrit.h"
#include "lcncrit/critsys.h"
#include "lcncrit/critpoints.h"
#include "lcncrit/weights.h"
#include "lcncrit/lossdata.h"
#include "lcncrit/arch.h"
#include "lcncrit/edd.h"
#include "lcncrit/components.h"
#include "lcncrit/gcache.h"
#include "lcncrit/monodromy.h"
#include <unistd.h>
#include "test.h"

static double maxabs(const double complex *a, int n)
{
    double m = 0;
    for (int i = 0; i < n; i++) m = fmax(m, cabs(a[i]));
    return m;
}

/* Build one system of each kind for the property checks. */
static int build(lcn_critsys_t cs, int which, uint64_t seed)
{
    static const int lam[][4] = {{2, 1, 1, 0}, {3, 1, 0, 0}, {2, 2, 0, 0}, {4, 0, 0, 0}, {1, 1, 1, 0}};
    static const int lamr[] = {3, 2, 2, 1, 3};
    int k33[] = {3, 3}, s21[] = {2, 1}, k23[] = {2, 3}, k322[] = {3, 2, 2};
    if (which < 5) return lcn_critsys_init_locus(cs, lam[which], lamr[which], seed);
    if (which == 5) return lcn_critsys_init_segre(cs, k33, s21, 2, seed);
    if (which == 6) return lcn_critsys_init_params(cs, k23, NULL, 2, seed);
    return lcn_critsys_init_params(cs, k322, NULL, 3, seed);
}
#define NWHICH 8

/* ℓ(w(θ)) in the test's own words: (w − u)^T T (w − u) with T unpacked. */
static double complex loss_at(const lcn_critsys_t cs, const double complex *theta, const double complex *u,
                              const double complex *T)
{
    double complex w[64];
    lcn_critsys_w(w, NULL, cs, theta);
    double complex s = 0;
    for (int i = 0; i < cs->k; i++)
        for (int j = 0; j < cs->k; j++) s += (w[i] - u[i]) * T[i + cs->k * j] * (w[j] - u[j]);
    return s;
}

/* F equals the gradient of the loss along the parameterisation, with the
 * factor 2 and (for the t-rows) c divided out: F_0 = ½ ∂ℓ/∂c,
 * F_v = ½ c^{-1} ∂ℓ/∂t_v. ℓ is holomorphic, so a central difference with a
 * complex-free real step h has error O(h²|ℓ'''|). */
static void test_gradient(void)
{
    long iters = 3 * lcn_test_multiplier();
    for (int which = 0; which < NWHICH; which++)
        for (long it = 0; it < iters; it++) {
            lcn_critsys_t cs;
            CHECK(build(cs, which, lcn_test_seed() + (uint64_t)it) == LCN_OK, "build %d", which);
            int n = cs->n, m = cs->m, k = cs->k;
            lcn_rng_t rng;
            lcn_rng_init(rng, lcn_test_seed(), 100 + (uint64_t)(which * 1000 + it));
            double complex th[64], p[4096], F[64], u[64], T[4096];
            for (int j = 0; j < n; j++) th[j] = 0.5 * lcn_rng_cnormal(rng);
            lcn_critsys_random_params(p, cs, rng);
            lcn_critsys_unpack(u, T, cs, p);
            lcn_system_ws_t ws;
            lcn_system_ws_init(ws, cs->sys);
            lcn_system_eval_d(F, NULL, NULL, cs->sys, ws, th, p);
            double scale = 0;
            for (int v = 0; v < n; v++) {
                double h = 1e-5;
                double complex a[64], b[64];
                for (int j = 0; j < n; j++) a[j] = b[j] = th[j];
                a[v] += h;
                b[v] -= h;
                double complex d = (loss_at(cs, a, u, T) - loss_at(cs, b, u, T)) / (2 * h);
                double complex want = v == 0 ? d / 2 : d / (2 * th[0]);
                scale = fmax(scale, cabs(want));
                CHECK(cabs(F[v] - want) < 1e-6 * (1 + cabs(want)), "kind %d row %d: F=%g%+gi fd=%g%+gi", which, v,
                      creal(F[v]), cimag(F[v]), creal(want), cimag(want));
            }
            CHECK(scale > 1e-3, "kind %d: gradient vanishes at a random point (%g)", which, scale);
            (void)m;
            (void)k;
            lcn_system_ws_clear(ws);
            lcn_critsys_clear(cs);
        }
}

/* The line system at s equals the full system at pb + s (pa − pb), and the
 * monodromy system at b equals the full system at (T0^{-1} b, T0) — checked
 * through F at random θ (the full system is checked against the loss above). */
static void test_line_and_msys(void)
{
    for (int which = 0; which < NWHICH; which++) {
        lcn_critsys_t cs;
        CHECK(build(cs, which, lcn_test_seed()) == LCN_OK, "build %d", which);
        int n = cs->n, m = cs->m, k = cs->k;
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 4000 + (uint64_t)which);
        double complex th[64], pa[4096], pb[4096], ps[4096], F[64], Fl[64], s = 0.3 - 0.2 * I;
        for (int j = 0; j < n; j++) th[j] = 0.7 * lcn_rng_cnormal(rng);
        lcn_critsys_random_params(pa, cs, rng);
        lcn_critsys_random_params(pb, cs, rng);
        for (int j = 0; j < m; j++) ps[j] = pb[j] + s * (pa[j] - pb[j]);
        lcn_system_t line;
        CHECK(lcn_critsys_line_system(line, cs, pa, pb) == LCN_OK, "line system");
        CHECK(line->m == 1 && line->n == n, "line sizes");
        lcn_system_ws_t ws, lws;
        lcn_system_ws_init(ws, cs->sys);
        lcn_system_ws_init(lws, line);
        lcn_system_eval_d(F, NULL, NULL, cs->sys, ws, th, ps);
        lcn_system_eval_d(Fl, NULL, NULL, line, lws, th, &s);
        double sc = 1 + maxabs(F, n);
        for (int j = 0; j < n; j++) CHECK(cabs(F[j] - Fl[j]) < 1e-12 * sc, "kind %d: line F[%d]", which, j);
        /* msys at b = T0 u against sys at (u, T0), u random. */
        double complex u[64], b[64], Fm[64];
        for (int j = 0; j < k; j++) u[j] = lcn_rng_cnormal(rng);
        for (int i = 0; i < k; i++) {
            b[i] = 0;
            for (int j = 0; j < k; j++) b[i] += cs->T0[i + k * j] * u[j];
        }
        lcn_critsys_pack(ps, cs, u, cs->T0);
        lcn_system_eval_d(F, NULL, NULL, cs->sys, ws, th, ps);
        lcn_system_ws_t mws;
        lcn_system_ws_init(mws, cs->msys);
        lcn_system_eval_d(Fm, NULL, NULL, cs->msys, mws, th, b);
        sc = 1 + maxabs(F, n);
        for (int j = 0; j < n; j++) CHECK(cabs(F[j] - Fm[j]) < 1e-11 * sc, "kind %d: msys F[%d]", which, j);
        lcn_system_ws_clear(mws);
        lcn_system_ws_clear(ws);
        lcn_system_ws_clear(lws);
        lcn_system_clear(line);
        lcn_critsys_clear(cs);
    }
}

/* The structural double evaluator (critsys_eval.c) of F, Jx and Fdot =
 * (dF/dp) v against the SLP interpreted in MPC at 128 bits, for the three
 * parameterisations (full, monodromy, line) of every system with powers 1. */
static void check_native(const lcn_system_t sys, int n, int m, lcn_rng_t rng, const char *what)
{
    CHECK(sys->native_d != NULL, "%s: no native evaluator", what);
    double complex x[64], p[4096], v[4096], F[64], Fd[64], J[4096];
    for (int j = 0; j < n; j++) x[j] = 0.8 * lcn_rng_cnormal(rng);
    for (int j = 0; j < m; j++) p[j] = lcn_rng_cnormal(rng);
    for (int j = 0; j < m; j++) v[j] = lcn_rng_cnormal(rng);
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    lcn_system_eval_dir_d(F, J, Fd, sys, ws, x, p, v);
    mpc_t *xm = malloc(sizeof(mpc_t) * (size_t)n), *pm = malloc(sizeof(mpc_t) * (size_t)m);
    mpc_t *Fm = malloc(sizeof(mpc_t) * (size_t)n), *Jm = malloc(sizeof(mpc_t) * (size_t)(n * n));
    mpc_t *Pm = malloc(sizeof(mpc_t) * (size_t)(n * m));
    for (int j = 0; j < n; j++) mpc_init2(xm[j], 128), mpc_set_dc(xm[j], x[j], MPC_RNDNN), mpc_init2(Fm[j], 128);
    for (int j = 0; j < m; j++) mpc_init2(pm[j], 128), mpc_set_dc(pm[j], p[j], MPC_RNDNN);
    for (int j = 0; j < n * n; j++) mpc_init2(Jm[j], 128);
    for (int j = 0; j < n * m; j++) mpc_init2(Pm[j], 128);
    lcn_system_eval_mp(Fm, Jm, Pm, sys, ws, (const mpc_t *)xm, (const mpc_t *)pm, 128);
    double sf = 0, sj = 0, sd = 0;
    double complex Fr[64], Jr[4096], Dr[64];
    for (int i = 0; i < n; i++) {
        Fr[i] = mpc_get_dc(Fm[i], MPC_RNDNN);
        Dr[i] = 0;
        for (int j = 0; j < m; j++) Dr[i] += mpc_get_dc(Pm[i + n * j], MPC_RNDNN) * v[j];
        sf = fmax(sf, cabs(Fr[i]));
        sd = fmax(sd, cabs(Dr[i]));
    }
    for (int i = 0; i < n * n; i++) sj = fmax(sj, cabs(Jr[i] = mpc_get_dc(Jm[i], MPC_RNDNN)));
    for (int i = 0; i < n; i++) {
        CHECK(cabs(F[i] - Fr[i]) < 1e-12 * sf, "%s: F[%d] = %g%+gi, SLP %g%+gi", what, i, creal(F[i]), cimag(F[i]),
              creal(Fr[i]), cimag(Fr[i]));
        CHECK(cabs(Fd[i] - Dr[i]) < 1e-12 * sd, "%s: Fdot[%d] = %g%+gi, SLP %g%+gi", what, i, creal(Fd[i]),
              cimag(Fd[i]), creal(Dr[i]), cimag(Dr[i]));
    }
    for (int i = 0; i < n * n; i++)
        CHECK(cabs(J[i] - Jr[i]) < 1e-12 * sj, "%s: Jx[%d,%d] = %g%+gi, SLP %g%+gi", what, i % n, i / n, creal(J[i]),
              cimag(J[i]), creal(Jr[i]), cimag(Jr[i]));
    /* Without Jx and Fdot: the same F. */
    lcn_system_eval_d(Fd, NULL, NULL, sys, ws, x, p);
    for (int i = 0; i < n; i++) CHECK(Fd[i] == F[i], "%s: F alone differs at %d", what, i);
    for (int j = 0; j < n; j++) mpc_clear(xm[j]), mpc_clear(Fm[j]);
    for (int j = 0; j < m; j++) mpc_clear(pm[j]);
    for (int j = 0; j < n * n; j++) mpc_clear(Jm[j]);
    for (int j = 0; j < n * m; j++) mpc_clear(Pm[j]);
    free(xm), free(pm), free(Fm), free(Jm), free(Pm);
    lcn_system_ws_clear(ws);
}

static void test_native(void)
{
    int k33[] = {3, 3}, k45[] = {4, 5}, k322[] = {3, 2, 2}, k23[] = {2, 3}, s21[] = {2, 1}, s221[] = {2, 2, 1};
    int ones[] = {1, 1, 1};
    for (int which = 0; which < 6; which++) {
        lcn_critsys_t cs;
        lcn_err_t err = which == 0   ? lcn_critsys_init_segre(cs, k33, s21, 2, lcn_test_seed())
                        : which == 1 ? lcn_critsys_init_segre(cs, k45, s21, 2, lcn_test_seed())
                        : which == 2 ? lcn_critsys_init_segre(cs, k322, s221, 3, lcn_test_seed())
                        : which == 3 ? lcn_critsys_init_params(cs, k23, NULL, 2, lcn_test_seed())
                        : which == 4 ? lcn_critsys_init_params(cs, k322, NULL, 3, lcn_test_seed())
                                     : lcn_critsys_init_locus(cs, ones, 3, lcn_test_seed());
        CHECK(err == LCN_OK, "build %d", which);
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 5000 + (uint64_t)which);
        char what[64];
        snprintf(what, sizeof what, "system %d full", which);
        check_native(cs->sys, cs->n, cs->m, rng, what);
        snprintf(what, sizeof what, "system %d monodromy", which);
        check_native(cs->msys, cs->n, cs->k, rng, what);
        double complex pa[4096], pb[4096];
        lcn_critsys_random_params(pa, cs, rng);
        lcn_critsys_random_params(pb, cs, rng);
        lcn_system_t line;
        CHECK(lcn_critsys_line_system(line, cs, pa, pb) == LCN_OK, "line system");
        snprintf(what, sizeof what, "system %d line", which);
        check_native(line, cs->n, 1, rng, what);
        lcn_system_clear(line);
        lcn_critsys_clear(cs);
    }
}

/* G = [p, ∂p/∂t] from lcn_critsys_w against finite differences of w. */
static void test_w(void)
{
    for (int which = 0; which < NWHICH; which++) {
        lcn_critsys_t cs;
        CHECK(build(cs, which, lcn_test_seed()) == LCN_OK, "build %d", which);
        int n = cs->n, k = cs->k;
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 7 + (uint64_t)which);
        double complex th[64], w[64], G[4096], a[64], b[64], wa[64], wb[64];
        for (int j = 0; j < n; j++) th[j] = lcn_rng_cnormal(rng);
        lcn_critsys_w(w, G, cs, th);
        for (int j = 0; j < k; j++)
            CHECK(cabs(w[j] - th[0] * G[j]) < 1e-12 * (1 + cabs(w[j])), "w = c p, kind %d", which);
        for (int v = 1; v < n; v++) {
            double h = 1e-6;
            for (int j = 0; j < n; j++) a[j] = b[j] = th[j];
            a[v] += h;
            b[v] -= h;
            lcn_critsys_w(wa, NULL, cs, a);
            lcn_critsys_w(wb, NULL, cs, b);
            for (int j = 0; j < k; j++) {
                double complex fd = (wa[j] - wb[j]) / (2 * h) / th[0];
                CHECK(cabs(fd - G[j + k * v]) < 1e-6 * (1 + cabs(fd)), "kind %d dp[%d]/dt%d", which, j, v);
            }
        }
        lcn_critsys_clear(cs);
    }
}

/* Closed forms of w: Shahverdi Ex. 2.1, k = (2,2), s = (2,1):
 * w = (a0c0, a1c0, a0c1, a1c1); root locus Δ(2,1): w = c L1^2 L2. */
static void test_w_closed_form(void)
{
    lcn_critsys_t cs;
    int k[] = {2, 2}, s[] = {2, 1};
    CHECK(lcn_critsys_init_segre(cs, k, s, 2, lcn_test_seed()) == LCN_OK, "segre (2,2)");
    CHECK(cs->k == 4 && cs->n == 3 && cs->m == 4 + 10, "sizes k=%d n=%d m=%d", cs->k, cs->n, cs->m);
    double complex th[3] = {1.5 - 0.5 * I, 0.3 + 0.2 * I, -0.7 + 1.1 * I}, av[2], cv[2], w[4];
    lcn_critsys_factor(av, cs, 0, th);
    lcn_critsys_factor(cv, cs, 1, th);
    lcn_critsys_w(w, NULL, cs, th);
    double complex want[4] = {av[0] * cv[0], av[1] * cv[0], av[0] * cv[1], av[1] * cv[1]};
    for (int j = 0; j < 4; j++)
        CHECK(cabs(w[j] - th[0] * want[j]) < 1e-13, "Shahverdi Ex 2.1 coefficient %d", j);
    lcn_critsys_clear(cs);

    int lam[] = {1, 2};
    CHECK(lcn_critsys_init_locus(cs, lam, 2, lcn_test_seed()) == LCN_OK, "locus (2,1)");
    CHECK(cs->k == 4 && cs->n == 3 && cs->symmetry == 1 && cs->fe[0] == 2, "locus sorted");
    double complex L1[2], L2[2];
    lcn_critsys_factor(L1, cs, 0, th);
    lcn_critsys_factor(L2, cs, 1, th);
    lcn_critsys_w(w, NULL, cs, th);
    /* (a x + b y)^2 (c x + d y) = a²c x³ + (a²d + 2abc) x²y + (2abd + b²c) xy² + b²d y³ */
    double complex a = L1[0], b = L1[1], c = L2[0], d = L2[1];
    double complex want2[4] = {a * a * c, a * a * d + 2 * a * b * c, 2 * a * b * d + b * b * c, b * b * d};
    for (int j = 0; j < 4; j++) CHECK(cabs(w[j] - th[0] * want2[j]) < 1e-13, "Δ(2,1) coefficient %d", j);
    lcn_critsys_clear(cs);

    int lam2[] = {2, 2, 1, 1, 1};
    CHECK(lcn_critsys_init_locus(cs, lam2, 5, lcn_test_seed()) == LCN_OK, "locus (2,2,1,1,1)");
    CHECK(cs->symmetry == 12 && cs->k == 8 && cs->n == 6, "symmetry 2!3! = %ld, k %d", cs->symmetry, cs->k);
    lcn_critsys_clear(cs);
}

/* The seed pair solves F(θ0; p0) = 0, and pack/unpack keep T symmetric. */
static void test_seed_pair(void)
{
    for (int which = 0; which < NWHICH; which++)
        for (long it = 0; it < 3 * lcn_test_multiplier(); it++) {
            lcn_critsys_t cs;
            CHECK(build(cs, which, lcn_test_seed() + (uint64_t)it) == LCN_OK, "build %d", which);
            lcn_rng_t rng;
            lcn_rng_init(rng, lcn_test_seed(), 555 + (uint64_t)it);
            double complex th[64], p[4096], F[64], u[64], T[4096], q[4096], w[64];
            double complex b0[64], Fm[64];
            CHECK(lcn_critsys_seed_pair(th, p, b0, cs, rng) == LCN_OK, "seed pair kind %d", which);
            /* The monodromy system at b0 has the same solution θ0. */
            lcn_system_ws_t mws;
            lcn_system_ws_init(mws, cs->msys);
            lcn_system_eval_d(Fm, NULL, NULL, cs->msys, mws, th, b0);
            lcn_system_ws_clear(mws);
            lcn_system_ws_t ws;
            lcn_system_ws_init(ws, cs->sys);
            lcn_system_eval_d(F, NULL, NULL, cs->sys, ws, th, p);
            lcn_critsys_unpack(u, T, cs, p);
            lcn_critsys_w(w, NULL, cs, th);
            double sc = maxabs(p, cs->m) * (1 + maxabs(w, cs->k)) * (1 + maxabs(w, cs->k));
            CHECK(maxabs(F, cs->n) < 1e-11 * sc, "kind %d: |F(θ0;p0)| = %g (scale %g)", which, maxabs(F, cs->n), sc);
            CHECK(maxabs(Fm, cs->n) < 1e-11 * sc, "kind %d: |Fm(θ0;b0)| = %g (scale %g)", which, maxabs(Fm, cs->n), sc);
            /* u0 is off the variety unless the locus fills the space (Δ(1^n)). */
            double off = 0;
            for (int j = 0; j < cs->k; j++) off = fmax(off, cabs(u[j] - w[j]));
            if (cs->n < cs->k) CHECK(off > 1e-3, "kind %d: u0 on the variety", which);
            for (int i = 0; i < cs->k; i++)
                for (int j = 0; j < cs->k; j++) CHECK(T[i + cs->k * j] == T[j + cs->k * i], "T symmetric");
            lcn_critsys_pack(q, cs, u, T);
            for (int j = 0; j < cs->m; j++) CHECK(q[j] == p[j], "pack/unpack");
            lcn_system_ws_clear(ws);
            lcn_critsys_clear(cs);
        }
}

/* The relabellings of a root-locus solution (permuted factors of equal
 * parts) are Π m_j! distinct solutions with the same w, and a parameter
 * homotopy carries a relabelled start to a relabelling of the end: what
 * lets monodromy and the final homotopy track one θ per w. */
static void test_relabellings(void)
{
    int lam[] = {1, 2, 1, 2, 1};
    for (long it = 0; it < 2 * lcn_test_multiplier(); it++) {
        lcn_critsys_t cs;
        CHECK(lcn_critsys_init_locus(cs, lam, 5, lcn_test_seed() + (uint64_t)it) == LCN_OK, "locus (2,2,1,1,1)");
        int n = cs->n, S = (int)cs->symmetry;
        CHECK(S == 12, "symmetry %d", S);
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 777 + (uint64_t)it);
        double complex th[16], p0[256], p1[256], b0[16], img[12 * 16], w0[16], w[16], F[16];
        CHECK(lcn_critsys_seed_pair(th, p0, b0, cs, rng) == LCN_OK, "seed pair");
        CHECK(lcn_critsys_relabellings(img, cs, th) == LCN_OK, "relabellings");
        lcn_critsys_w(w0, NULL, cs, th);
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, cs->sys);
        double sc = maxabs(p0, cs->m) * (1 + maxabs(w0, cs->k)) * (1 + maxabs(w0, cs->k));
        for (int i = 0; i < S; i++) {
            const double complex *x = img + (size_t)i * n;
            lcn_critsys_w(w, NULL, cs, x);
            double dw = 0;
            for (int j = 0; j < cs->k; j++) dw = fmax(dw, cabs(w[j] - w0[j]));
            CHECK(dw < 1e-12 * (1 + maxabs(w0, cs->k)), "relabelling %d: |w - w0| = %g", i, dw);
            lcn_system_eval_d(F, NULL, NULL, cs->sys, ws, x, p0);
            CHECK(maxabs(F, n) < 1e-10 * sc * pow(1 + maxabs(x, n), 4), "relabelling %d: |F| = %g", i, maxabs(F, n));
            for (int l = 0; l < i; l++) {
                double d = 0;
                for (int j = 0; j < n; j++) d = fmax(d, cabs(x[j] - img[(size_t)l * n + j]));
                CHECK(d > 1e-6, "relabellings %d and %d coincide", l, i);
            }
        }
        CHECK(!memcmp(img, th, (size_t)n * sizeof *th), "the first is θ itself");
        /* Track θ and its last relabelling to a random p1. */
        lcn_critsys_random_params(p1, cs, rng);
        double complex st[32];
        memcpy(st, th, (size_t)n * sizeof *st);
        memcpy(st + n, img + (size_t)(S - 1) * n, (size_t)n * sizeof *st);
        lcn_solve_opts_t so;
        lcn_solve_opts_init(so);
        so->threads = 1;
        lcn_result_t res;
        lcn_result_init(res);
        CHECK(lcn_solve_parameter(res, cs->sys, p0, p1, lcn_rng_unit(rng), st, 2, so) == LCN_OK, "track");
        CHECK(res->paths[0].status == LCN_PATH_SUCCESS && res->paths[1].status == LCN_PATH_SUCCESS, "statuses %d %d",
              res->paths[0].status, res->paths[1].status);
        CHECK(lcn_critsys_relabellings(img, cs, res->paths[0].x) == LCN_OK, "relabellings of the end");
        double d = 0;
        for (int j = 0; j < n; j++) d = fmax(d, cabs(res->paths[1].x[j] - img[(size_t)(S - 1) * n + j]));
        CHECK(d < 1e-8 * (1 + maxabs(img + (size_t)(S - 1) * n, n)), "end of the relabelled start: off by %g", d);
        lcn_result_clear(res);
        lcn_system_ws_clear(ws);
        lcn_critsys_clear(cs);
    }
    lcn_critsys_t cs;
    int segre_k[] = {2, 2}, s21[] = {2, 1};
    CHECK(lcn_critsys_init_segre(cs, segre_k, s21, 2, 1) == LCN_OK, "segre");
    double complex th[8] = {1, 2, 3}, img[8];
    CHECK(lcn_critsys_relabellings(img, cs, th) == LCN_ERR_ARG, "relabellings of a Segre system");
    lcn_critsys_clear(cs);
}

/* Other charts (lcn_critsys_init_rechart): a solution carried there keeps
 * its w and solves the other system, the round trip gives θ back, and a
 * path tracked there along the same gamma ends where the path in the
 * system's own charts ends (what rechart_paths in critpoints.c relies on). */
static void test_rechart(void)
{
    for (int which = 0; which < NWHICH; which++) {
        lcn_critsys_t cs, cs2;
        CHECK(build(cs, which, lcn_test_seed() + 3) == LCN_OK, "build %d", which);
        CHECK(lcn_critsys_init_rechart(cs2, cs, lcn_test_seed() + 99) == LCN_OK, "rechart %d", which);
        CHECK(cs2->n == cs->n && cs2->k == cs->k && cs2->kind == cs->kind && cs2->L == cs->L, "same shape");
        int n = cs->n, k = cs->k;
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 4242 + (uint64_t)which);
        double complex th[64], th2[64], back[64], p0[4096], p1[4096], b0[64], w[64], w2[64], F[64];
        CHECK(lcn_critsys_seed_pair(th, p0, b0, cs, rng) == LCN_OK, "seed pair");
        CHECK(lcn_critsys_theta_rechart(th2, cs2, cs, th) == LCN_OK, "θ to the other charts");
        lcn_critsys_w(w, NULL, cs, th);
        lcn_critsys_w(w2, NULL, cs2, th2);
        double dw = 0;
        for (int j = 0; j < k; j++) dw = fmax(dw, cabs(w[j] - w2[j]));
        CHECK(dw < 1e-12 * (1 + maxabs(w, k)), "kind %d: same w, off by %g", which, dw);
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, cs2->sys);
        lcn_system_eval_d(F, NULL, NULL, cs2->sys, ws, th2, p0);
        lcn_system_ws_clear(ws);
        double sc = maxabs(p0, cs->m) * (1 + maxabs(w, k)) * (1 + maxabs(w, k)) * pow(1 + maxabs(th2, n), 4);
        CHECK(maxabs(F, n) < 1e-10 * sc, "kind %d: |F2(θ2; p0)| = %g", which, maxabs(F, n));
        CHECK(lcn_critsys_theta_rechart(back, cs, cs2, th2) == LCN_OK, "and back");
        double d = 0;
        for (int j = 0; j < n; j++) d = fmax(d, cabs(back[j] - th[j]));
        CHECK(d < 1e-10 * (1 + maxabs(th, n)), "kind %d: round trip off by %g", which, d);
        /* The same path in both charts. */
        lcn_critsys_random_params(p1, cs, rng);
        double complex gamma = lcn_rng_unit(rng);
        lcn_solve_opts_t so;
        lcn_solve_opts_init(so);
        so->threads = 1;
        lcn_result_t r1, r2;
        lcn_result_init(r1);
        lcn_result_init(r2);
        CHECK(lcn_solve_parameter(r1, cs->sys, p0, p1, gamma, th, 1, so) == LCN_OK, "track");
        CHECK(lcn_solve_parameter(r2, cs2->sys, p0, p1, gamma, th2, 1, so) == LCN_OK, "track in other charts");
        if (r1->paths[0].status == LCN_PATH_SUCCESS && r2->paths[0].status == LCN_PATH_SUCCESS) {
            CHECK(lcn_critsys_theta_rechart(back, cs, cs2, r2->paths[0].x) == LCN_OK, "end back");
            d = 0;
            for (int j = 0; j < n; j++) d = fmax(d, cabs(back[j] - r1->paths[0].x[j]));
            CHECK(d < 1e-7 * (1 + maxabs(back, n)), "kind %d: the ends differ by %g", which, d);
        } else {
            CHECK(0, "kind %d: statuses %d %d", which, r1->paths[0].status, r2->paths[0].status);
        }
        lcn_result_clear(r1);
        lcn_result_clear(r2);
        lcn_critsys_clear(cs2);
        lcn_critsys_clear(cs);
    }
}

static void test_degenerate(void)
{
    lcn_critsys_t cs;
    int lam[] = {1, 1};
    CHECK(lcn_critsys_init_locus(cs, lam, 2, lcn_test_seed()) == LCN_OK, "locus (1,1)");
    double complex th[3] = {1, 0.3, 0}, v0[2], v1[2];
    /* Choose t_2 so that factor 2 is the same point of P^1 as factor 1:
     * e2 + t f2 ∝ v0  <=>  det[e2 + t f2, v0] = 0, linear in t. */
    lcn_critsys_factor(v0, cs, 0, th);
    const double complex *E2 = cs->E + cs->off[1];
    double complex d0 = E2[0] * v0[1] - E2[1] * v0[0], d1 = E2[2] * v0[1] - E2[3] * v0[0];
    th[2] = -d0 / d1;
    lcn_critsys_factor(v1, cs, 1, th);
    CHECK(lcn_critsys_is_degenerate(cs, th, 1e-10, 1e-10), "coinciding roots are degenerate");
    th[2] += 0.1;
    CHECK(!lcn_critsys_is_degenerate(cs, th, 1e-10, 1e-10), "distinct roots are not degenerate");
    th[0] = 0;
    CHECK(lcn_critsys_is_degenerate(cs, th, 1e-10, 1e-10), "c = 0 is degenerate");
    lcn_critsys_clear(cs);
    int bad[] = {0, 1};
    CHECK(lcn_critsys_init_locus(cs, bad, 2, 1) == LCN_ERR_ARG, "part 0 rejected");
    int k[] = {3, 3}, s[] = {1, 1};
    CHECK(lcn_critsys_init_segre(cs, k, s, 2, 1) == LCN_ERR_ARG, "segre needs stride > 1");
}


/* ---- the solver: monodromy + parameter homotopy + post-processing ---- */

/* LCN_TEST_VERBOSE=1: the solver's progress lines on stderr. */
static void log_stderr(void *data, lcn_log_level_t level, const char *line)
{
    (void)data;
    (void)level;
    fprintf(stderr, "  | %s\n", line);
}

/* Solve cs for target u and weights T (k×k), no cache, everything drawn
 * from seed. */
static void solve_seeded(lcn_critpoints_t cp, const lcn_critsys_t cs, const double *u, const double *T, int *complete,
                         uint64_t seed)
{
    double complex uc[64], Tc[4096], p1[4096];
    for (int j = 0; j < cs->k; j++) uc[j] = u[j];
    for (int j = 0; j < cs->k * cs->k; j++) Tc[j] = T[j];
    lcn_critsys_pack(p1, cs, uc, Tc);
    lcn_monodromy_opts_t mo;
    lcn_monodromy_opts_init(mo);
    mo->seed = seed;
    lcn_solve_opts_t so;
    *so = mo->track;
    so->seed = seed;
    if (getenv("LCN_TEST_VERBOSE")) {
        so->log.fn = mo->log.fn = log_stderr;
        so->log.max_level = mo->log.max_level = LCN_LOG_INFO;
    }
    lcn_critpoints_init(cp);
    CHECK(lcn_critpoints_solve_all(cp, cs, p1, "none", mo, so, complete, NULL) == LCN_OK, "solve_all");
}

static void solve(lcn_critpoints_t cp, const lcn_critsys_t cs, const double *u, const double *T, int *complete)
{
    solve_seeded(cp, cs, u, T, complete, lcn_test_seed());
}

/* Every reported point satisfies the equations after refinement. */
static void check_residuals(const lcn_critpoints_t cp, const char *what)
{
    for (size_t i = 0; i < cp->count; i++) {
        double tmax = 0;
        for (int j = 0; j < cp->n; j++) tmax = fmax(tmax, cabs(cp->pts[i].theta[j]));
        CHECK(cp->pts[i].residual < 1e-12, "%s: point %zu residual %g (|θ| %g, accuracy %g, w0 %g%+gi)", what, i,
              cp->pts[i].residual, tmax, cp->pts[i].accuracy, creal(cp->pts[i].w[0]), cimag(cp->pts[i].w[0]));
    }
}

/* Is w (exact, real) among the real points, to tol? */
static int has_point(const lcn_critpoints_t cp, const double *w, int k, double tol)
{
    for (size_t i = 0; i < cp->count; i++) {
        if (!cp->pts[i].real) continue;
        double d = 0;
        for (int j = 0; j < k; j++) d = fmax(d, cabs(cp->pts[i].w[j] - w[j]));
        if (d < tol) return 1;
    }
    return 0;
}

/* KMMT22 §7.3: u = (2,0,5,0,2), T = I, the quartic loci, with every
 * rational critical point listed in DESIGN.md §5. */
static void test_locus_kmmt22(void)
{
    static const int lam[4][3] = {{2, 1, 1}, {3, 1, 0}, {2, 2, 0}, {4, 0, 0}};
    static const int r[4] = {3, 2, 2, 1}, want_c[4] = {10, 12, 13, 10}, want_r[4] = {4, 4, 5, 4};
    const double u[5] = {2, 0, 5, 0, 2};
    double T[25];
    lcn_weights_identity(T, 5);
    /* rational points, per locus (0 marks the end) */
    const double q211[4][5] = {{.2, 1.8, 3.2, 1.8, .2}, {.2, -1.8, 3.2, -1.8, .2}, {0, 0, 5, 0, 2}, {2, 0, 5, 0, 0}};
    const double q22[3][5] = {{-1, 0, 2, 0, -1}, {0, 0, 5, 0, 0}, {7. / 3, 0, 14. / 3, 0, 7. / 3}};
    const double a = 17. / 35;
    const double q4[4][5] = {{0, 0, 0, 0, 2}, {2, 0, 0, 0, 0}, {a, 4 * a, 6 * a, 4 * a, a}, {a, -4 * a, 6 * a, -4 * a, a}};
    for (int i = 0; i < 4; i++) {
        lcn_critsys_t cs;
        CHECK(lcn_critsys_init_locus(cs, lam[i], r[i], lcn_test_seed()) == LCN_OK, "locus %d", i);
        lcn_critpoints_t cp;
        int complete;
        solve(cp, cs, u, T, &complete);
        CHECK(complete, "locus %d: generic set incomplete", i);
        CHECK((int)cp->count == want_c[i] && (int)cp->nreal == want_r[i], "locus %d: %zu complex / %zu real, want %d / %d",
              i, cp->count, cp->nreal, want_c[i], want_r[i]);
        CHECK(cp->degenerate == 0, "locus %d: %zu degenerate", i, cp->degenerate);
        check_residuals(cp, "kmmt22");
        if (i == 0)
            for (int q = 0; q < 4; q++) CHECK(has_point(cp, q211[q], 5, 1e-10), "Δ(2,1,1) point %d missing", q);
        if (i == 2)
            for (int q = 0; q < 3; q++) CHECK(has_point(cp, q22[q], 5, 1e-10), "Δ(2,2) point %d missing", q);
        if (i == 3)
            for (int q = 0; q < 4; q++) CHECK(has_point(cp, q4[q], 5, 1e-10), "Δ(4) point %d missing", q);
        lcn_critpoints_clear(cp);
        lcn_critsys_clear(cs);
    }
}

/* Bombieri weights, generic target: quartic Δ(2,1,1), Δ(2,2), Δ(3,1), Δ(4)
 * give 4, 7, 4, 4 (KMMT22 §6.2, Ex. 6.9); the conic discriminant Δ(2)
 * (k = (2,2)) gives 4 for T = I and 2 for Bombieri (Ex. 6.5 / 6.12). */
static void test_locus_bombieri(void)
{
    static const int lam[5][3] = {{2, 1, 1}, {2, 2, 0}, {3, 1, 0}, {4, 0, 0}, {2, 0, 0}};
    static const int r[5] = {3, 2, 2, 1, 1}, want[5] = {4, 7, 4, 4, 2};
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 4242);
    for (int i = 0; i < 5; i++) {
        lcn_critsys_t cs;
        CHECK(lcn_critsys_init_locus(cs, lam[i], r[i], lcn_test_seed()) == LCN_OK, "locus %d", i);
        double u[5], T[25];
        for (int j = 0; j < cs->k; j++) u[j] = lcn_rng_normal(rng);
        lcn_weights_bombieri(T, cs->k);
        lcn_critpoints_t cp;
        solve(cp, cs, u, T, NULL);
        CHECK((int)cp->count == want[i], "Bombieri locus %d: %zu complex, want %d", i, cp->count, want[i]);
        check_residuals(cp, "bombieri");
        lcn_critpoints_clear(cp);
        if (i == 4) {
            lcn_weights_identity(T, cs->k);
            solve(cp, cs, u, T, NULL);
            CHECK(cp->count == 4, "conic discriminant, T = I: %zu, want 4", cp->count);
            lcn_critpoints_clear(cp);
        }
        lcn_critsys_clear(cs);
    }
}

/* Shahverdi Table 3 / DESIGN §3 against the closed form, and the Segre
 * solver against it with generic weights for 2 <= k1 <= k2 <= 4 (the count
 * does not depend on the order of the k_j; s = (2,1)). */
static void segre_generic(int large)
{
    int k22[] = {2, 2}, k33[] = {3, 3}, k44[] = {4, 4}, k55[] = {5, 5}, k99[] = {9, 9};
    CHECK(lcn_segre_eddeg(k22, 2) == 6 && lcn_segre_eddeg(k33, 2) == 39 && lcn_segre_eddeg(k44, 2) == 284 &&
              lcn_segre_eddeg(k55, 2) == 2205 && lcn_segre_eddeg(k99, 2) == 10218105,
          "C_k: %ld %ld %ld %ld %ld", lcn_segre_eddeg(k22, 2), lcn_segre_eddeg(k33, 2), lcn_segre_eddeg(k44, 2),
          lcn_segre_eddeg(k55, 2), lcn_segre_eddeg(k99, 2));
    int k2345[] = {2, 3, 4, 5};
    CHECK(lcn_segre_eddeg(k2345, 4) == 2976084, "C_(2,3,4,5) = %ld", lcn_segre_eddeg(k2345, 4));
    for (int k1 = 2; k1 <= 4; k1++)
        for (int k2 = k1; k2 <= 4; k2++) {
            if ((k1 + k2 > 6 || (k1 == 3 && k2 == 3)) != large) continue; /* the larger ones: suite slow */
            int k[2] = {k1, k2}, s[2] = {2, 1};
            lcn_critsys_t cs;
            CHECK(lcn_critsys_init_segre(cs, k, s, 2, lcn_test_seed()) == LCN_OK, "segre");
            double u[64], T[4096];
            lcn_rng_t rng;
            lcn_rng_init(rng, lcn_test_seed(), 99);
            for (int j = 0; j < cs->k; j++) u[j] = lcn_rng_normal(rng);
            lcn_weights_generic(T, cs->k, lcn_test_seed());
            lcn_critpoints_t cp;
            int complete;
            solve(cp, cs, u, T, &complete);
            long want = lcn_segre_eddeg(k, 2);
            CHECK(complete && (long)cp->count == want,
                  "Segre (%d,%d): %zu, want C_k = %ld (generic complete %d; paths %zu: finite %zu, infinite %zu, "
                  "singular %zu, failed %zu, degenerate %zu)",
                  k1, k2, cp->count, want, complete, cp->tracked, cp->finite, cp->at_infinity, cp->singular, cp->failed,
                  cp->degenerate);
            check_residuals(cp, "segre");
            lcn_critpoints_clear(cp);
            lcn_critsys_clear(cs);
        }
}

static void test_segre_generic(void)
{
    segre_generic(0);
}

static void test_segre_generic_large(void)
{
    segre_generic(1);
}

/* KMMT22 Ex. 5.10: k = (2,3), u = (x+y)(x^2+y^2/10) = (1, 1, 0.1, 0.1),
 * T = I: 10 complex critical points in parameter space, 4 real, and a real
 * local minimum at a ≈ 0.0578445483987, (b, c, d) ≈ (1.0000187825172,
 * 0.941829719725, 0.0511336556138) in the chart q1 = x + a y (the printed
 * digits hold to about 1e-7, DESIGN §5). */
static void test_params_ex510(void)
{
    int k[2] = {2, 3};
    lcn_critsys_t cs;
    CHECK(lcn_critsys_init_params(cs, k, NULL, 2, lcn_test_seed()) == LCN_OK, "params (2,3)");
    const double u[4] = {1, 1, 0.1, 0.1};
    double T[16];
    lcn_weights_identity(T, 4);
    lcn_critpoints_t cp;
    int complete;
    solve(cp, cs, u, T, &complete);
    CHECK(complete, "generic sets incomplete");
    CHECK(cp->count == 10 && cp->nreal == 4, "%zu complex / %zu real, want 10 / 4", cp->count, cp->nreal);
    check_residuals(cp, "params");
    const double want[4] = {0.0578445483987, 1.0000187825172, 0.941829719725, 0.0511336556138};
    int found = 0;
    for (size_t i = 0; i < cp->count; i++) {
        if (!cp->pts[i].real) continue;
        double complex v0[2], v1[3];
        lcn_critsys_factor(v0, cs, 0, cp->pts[i].theta);
        lcn_critsys_factor(v1, cs, 1, cp->pts[i].theta);
        double complex sc = cp->pts[i].theta[0] * v0[0];
        double got[4] = {creal(v0[1] / v0[0]), creal(sc * v1[0]), creal(sc * v1[1]), creal(sc * v1[2])};
        double d = 0;
        for (int j = 0; j < 4; j++) d = fmax(d, fabs(got[j] - want[j]));
        if (d < 1e-6) found++;
    }
    CHECK(found == 1, "the local minimum of Ex. 5.10 found %d times", found);
    lcn_critpoints_clear(cp);
    lcn_critsys_clear(cs);
}

/* Random targets, several seeds: the counts match and every residual is
 * below 1e-12 (issue 4). Δ(2,1,1) with T = I: 10; Segre (2,3) generic: C. */
static void random_targets(long iters)
{
    int lam[3] = {2, 1, 1};
    for (long it = 0; it < iters; it++) {
        lcn_critsys_t cs;
        uint64_t seed = lcn_test_seed() + 17 * (uint64_t)it;
        CHECK(lcn_critsys_init_locus(cs, lam, 3, seed) == LCN_OK, "locus");
        lcn_rng_t rng;
        lcn_rng_init(rng, seed, 31337);
        double u[5], T[25];
        for (int j = 0; j < 5; j++) u[j] = lcn_rng_normal(rng);
        lcn_weights_identity(T, 5);
        lcn_critpoints_t cp;
        solve(cp, cs, u, T, NULL);
        CHECK(cp->count == 10, "random target %ld: %zu, want 10", it, cp->count);
        check_residuals(cp, "random");
        lcn_critpoints_clear(cp);
        lcn_critsys_clear(cs);
    }
}

static void test_random_targets(void)
{
    random_targets(3 * lcn_test_multiplier());
}

static void test_random_targets_10(void)
{
    random_targets(10 * lcn_test_multiplier());
}


/* A known count that cannot be reached (one more than the 10 of Segre
 * (2,3)): after moves_stalled base-point moves that found nothing the solve
 * gives this base point up, every solution found and the set incomplete;
 * with moves_stalled = 0 it goes on to max_loops. */
static void test_monodromy_gives_up(void)
{
    int k[] = {2, 3}, s[] = {2, 1};
    lcn_critsys_t cs;
    CHECK(lcn_critsys_init_segre(cs, k, s, 2, lcn_test_seed()) == LCN_OK, "segre (2,3)");
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 777);
    double complex th[64], p[4096], b0[64];
    CHECK(lcn_critsys_seed_pair(th, p, b0, cs, rng) == LCN_OK, "seed pair");
    for (int rule = 0; rule < 2; rule++) {
        lcn_monodromy_opts_t mo;
        lcn_monodromy_opts_init(mo);
        mo->seed = lcn_test_seed();
        mo->expected = 11;
        mo->move_after = 1;
        mo->moves_stalled = rule ? 2 : 0;
        mo->max_loops = 30;
        lcn_generic_t g;
        lcn_generic_init2(g, cs->n, cs->k);
        CHECK(lcn_monodromy_solve(g, cs->msys, th, b0, mo) == LCN_OK, "solve");
        CHECK(g->sols->count == 10 && !g->complete, "moves_stalled %d: %zu solutions, complete %d", mo->moves_stalled,
              g->sols->count, g->complete);
        if (rule) /* (a loop that found nothing before the count stopped growing also moved the base) */
            CHECK(g->moves >= 2 && g->loops < 30, "moves_stalled 2: %ld moves, %ld loops (want 2 moves, then stop)",
                  g->moves, g->loops);
        else
            CHECK(g->loops == 30, "moves_stalled 0: %ld loops, want max_loops = 30", g->loops);
        lcn_generic_clear(g);
    }
    lcn_critsys_clear(cs);
}

static void trace_w(void *data, const double complex *x, double complex *w)
{
    lcn_critsys_w(w, NULL, (const lcn_critsys_struct *)data, x);
}

/* The trace test (monodromy.h). Segre (3,3) solved as if no count were
 * known: the solve must stop on a passed trace test (complete, defect below
 * the tolerance) with C_k = 39 solutions, the formula as the oracle; the
 * same set without one of its solutions (three tries) must fail the test
 * by far, and Δ(3,2), where no formula is known, must pass it with the 45
 * every seed of bench/seeds.sh found. */
static void test_monodromy_trace(void)
{
    for (int sys = 0; sys < 2; sys++) {
        int k[] = {3, 3}, s[] = {2, 1}, lam[] = {3, 2};
        lcn_critsys_t cs;
        CHECK((sys ? lcn_critsys_init_locus(cs, lam, 2, lcn_test_seed())
                   : lcn_critsys_init_segre(cs, k, s, 2, lcn_test_seed())) == LCN_OK, "system %d", sys);
        const long want = sys ? 45 : lcn_segre_eddeg(k, 2);
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 778);
        double complex th[64], p[4096], b0[64];
        CHECK(lcn_critsys_seed_pair(th, p, b0, cs, rng) == LCN_OK, "seed pair");
        lcn_monodromy_opts_t mo;
        lcn_monodromy_opts_init(mo);
        mo->seed = lcn_test_seed();
        mo->expected = 0;
        mo->trace = trace_w;
        mo->trace_data = cs;
        mo->trace_dim = cs->k;
        if (sys) {
            mo->key = trace_w; /* one θ per point w */
            mo->key_data = cs;
            mo->key_dim = cs->k;
        }
        lcn_generic_t g;
        lcn_generic_init2(g, cs->n, cs->k);
        CHECK(lcn_monodromy_solve(g, cs->msys, th, b0, mo) == LCN_OK, "solve");
        CHECK(g->complete && g->traces >= 1 && g->trace_defect >= 0 && g->trace_defect < LCN_MONODROMY_TRACE_TOL,
              "system %d: complete %d after %ld trace tests, last defect %g", sys, g->complete, g->traces,
              g->trace_defect);
        CHECK((long)g->sols->count == want, "system %d: %zu solutions, want %ld", sys, g->sols->count, want);
        fprintf(stderr, "trace test, system %d: %zu solutions, %ld loops, %ld tests, defect %.2g\n", sys,
                g->sols->count, g->loops, g->traces, g->trace_defect);
        if (!sys) {
            const int n = cs->n;
            for (size_t drop = 0; drop < 3; drop++) {
                lcn_generic_t h;
                lcn_generic_init2(h, n, cs->k);
                memcpy(h->p0, g->p0, (size_t)cs->k * sizeof *h->p0);
                for (size_t i = 0; i < g->sols->count; i++)
                    if (i != drop) lcn_solution_set_add(h->sols, g->sols->x + i * (size_t)n, 0, 0, 0, NULL);
                double defect;
                CHECK(lcn_monodromy_trace_test(&defect, h, cs->msys, mo) == LCN_OK, "trace test");
                CHECK(defect > 1e3 * LCN_MONODROMY_TRACE_TOL, "without solution %zu: defect %g, want a failed test",
                      drop, defect);
                lcn_generic_clear(h);
            }
            /* And the whole set again, along another line. */
            mo->seed++;
            double defect;
            CHECK(lcn_monodromy_trace_test(&defect, g, cs->msys, mo) == LCN_OK, "trace test");
            CHECK(defect >= 0 && defect < LCN_MONODROMY_TRACE_TOL, "whole set, another line: defect %g", defect);
            mo->trace = NULL;
            CHECK(lcn_monodromy_trace_test(&defect, g, cs->msys, mo) == LCN_ERR_ARG, "no trace function");
        }
        lcn_generic_clear(g);
        lcn_critsys_clear(cs);
    }
}

/* The merge lines of lcn_gcache_obtain: how many, and the new solutions. */
typedef struct {
    int merges;
    long added;
} merge_log;

static void capture_merges(void *data, lcn_log_level_t level, const char *line)
{
    (void)level;
    merge_log *m = data;
    const char *q = strstr(line, "carried to this one: ");
    long a;
    if (q && sscanf(q + strlen("carried to this one: "), "%ld new", &a) == 1) {
        m->merges++;
        m->added += a;
    }
}

/* Every solution of the generic set g solves the system cs at its base
 * point (relative to the size of the point: the equations have degree up
 * to 2k + 2) and no two coincide to 1e-6 relative (through a solution set
 * of that tolerance, whose sorted projection keeps the 17730 points of
 * (6,6) fast). */
static void check_generic_solves(const lcn_critsys_t cs, const lcn_generic_t g, const char *what)
{
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, cs->sys);
    lcn_solution_set_t seen;
    lcn_solution_set_init(seen, cs->n);
    seen->tol = 1e-6;
    double complex F[64];
    for (size_t i = 0; i < g->sols->count; i++) {
        const double complex *x = g->sols->x + i * (size_t)cs->n;
        lcn_system_eval_d(F, NULL, NULL, cs->sys, ws, x, g->p0);
        CHECK(maxabs(F, cs->n) < 1e-8 * fmax(1, pow(maxabs(x, cs->n), 2 * cs->k + 2)), "%s, point %zu: |F| %g", what,
              i, maxabs(F, cs->n));
        CHECK(lcn_solution_set_add(seen, x, 0, 0, 0, NULL), "%s: point %zu coincides with an earlier one", what, i);
    }
    lcn_solution_set_clear(seen);
    lcn_system_ws_clear(ws);
}

/* Base points that each stop short of the count (one loop each, no moves):
 * a later one takes the union with the best earlier set, carried to its
 * base point (gcache.c: merge_into), and every point of the union solves
 * the system there, distinct from the others. Segre (3,3): 39 solutions. */
static void test_gcache_merge(void)
{
    int k[] = {3, 3}, s[] = {2, 1};
    lcn_critsys_t cs;
    CHECK(lcn_critsys_init_segre(cs, k, s, 2, lcn_test_seed()) == LCN_OK, "segre (3,3)");
    lcn_components_t cc;
    lcn_components_init(cc);
    CHECK(lcn_components_init_set(cc, cs) == LCN_OK && cc->count == 1, "components");
    lcn_monodromy_opts_t mo;
    lcn_monodromy_opts_init(mo);
    mo->seed = lcn_test_seed();
    mo->max_loops = 1;
    mo->move_after = 0;
    merge_log ml = {0, 0};
    mo->log.fn = capture_merges;
    mo->log.data = &ml;
    mo->log.max_level = LCN_LOG_INFO;
    lcn_generic_t g;
    lcn_generic_init2(g, cs->n, cs->m);
    CHECK(lcn_gcache_obtain(g, cs, cc, 0, "none", mo, NULL) == LCN_OK, "obtain");
    CHECK(ml.merges == 2 && ml.added > 0, "%d merges adding %ld solutions (want 2 merges and some new)", ml.merges,
          ml.added);
    CHECK(g->sols->count <= 39, "%zu solutions, more than C_k = 39", g->sols->count);
    check_generic_solves(cs, g, "merged (3,3)");
    fprintf(stderr, "gcache merge: %zu of 39 after %d merges (%ld new)\n", g->sols->count, ml.merges, ml.added);
    lcn_generic_clear(g);
    lcn_components_clear(cc);
    lcn_critsys_clear(cs);
}

/* One shipped set obtained for Segre (k1,k2), s = (2,1), with the seed:
 * from the shipped sets (no loops allowed, so the monodromy cannot supply
 * them), complete, C_k distinct solutions, each solving the seed's system
 * at the base point. */
static void check_shipped(int k1, int k2, uint64_t seed, const char *dir)
{
    int k[] = {k1, k2}, s[] = {2, 1};
    lcn_critsys_t cs;
    CHECK(lcn_critsys_init_segre(cs, k, s, 2, seed) == LCN_OK, "segre (%d,%d)", k1, k2);
    lcn_components_t cc;
    lcn_components_init(cc);
    CHECK(lcn_components_init_set(cc, cs) == LCN_OK && cc->count == 1, "components");
    lcn_monodromy_opts_t mo;
    lcn_monodromy_opts_init(mo);
    mo->seed = seed;
    mo->max_loops = 0;
    lcn_generic_t g;
    lcn_generic_init2(g, cs->n, cs->m);
    int from = 0;
    CHECK(lcn_gcache_obtain(g, cs, cc, 0, dir, mo, &from) == LCN_OK, "obtain (%d,%d), seed %llu", k1, k2,
          (unsigned long long)seed);
    long want = lcn_segre_eddeg(k, 2);
    CHECK(from == 2 && g->complete && (long)g->sols->count == want,
          "Segre (%d,%d), seed %llu: %zu solutions (want C_k = %ld), from the shipped set %d, complete %d", k1, k2,
          (unsigned long long)seed, g->sols->count, want, from, g->complete);
    char what[64];
    snprintf(what, sizeof what, "Segre (%d,%d), seed %llu", k1, k2, (unsigned long long)seed);
    check_generic_solves(cs, g, what);
    lcn_generic_clear(g);
    lcn_components_clear(cc);
    lcn_critsys_clear(cs);
}

/* The generic sets shipped in data/generic (bench/generic-data.sh): Segre
 * (k1,k2), s = (2,1), seed 1, 2 <= k1, k2 <= 6, and for seed 5 (3,3) and
 * (4,4) carried into that seed's charts. Fails when a change to the charts,
 * T0 or p0 leaves the shipped files stale (regenerate them with the
 * script). */
static void test_gcache_shipped(void)
{
    char tmpl[] = "/tmp/lcn-shipped-XXXXXX";
    CHECK(mkdtemp(tmpl) != NULL, "mkdtemp");
    for (int k1 = 2; k1 <= 6; k1++)
        for (int k2 = 2; k2 <= 6; k2++) check_shipped(k1, k2, 1, tmpl);
    /* Another seed (other charts and T0): the shipped set of seed 1 carried
     * into its charts (gcache.h). */
    for (int k1 = 3; k1 <= 4; k1++) check_shipped(k1, k1, 5, tmpl);
    /* Nothing was written to the cache directory: it is still empty. */
    CHECK(rmdir(tmpl) == 0, "the cache directory %s is not empty", tmpl);
}

/* No lost solutions (issue 6), the small set of bench/seeds.sh: over
 * several seeds (charts, monodromy base point, gamma and target all drawn
 * from the seed, nothing cached), the root loci of n = 4 with a closed
 * form (identity weights) and Segre (2,3), (3,3) with generic weights
 * reach their counts with no failed path. */
static void test_seeds_small(void)
{
    static const int parts[][4] = {{2, 1, 1}, {3, 1}, {2, 2}, {4}};
    static const int nparts[] = {3, 2, 2, 1};
    long nseeds = 5 * lcn_test_multiplier();
    for (long si = 0; si < nseeds; si++) {
        uint64_t seed = lcn_test_seed() + 1000 * (uint64_t)si;
        for (int i = 0; i < 6; i++) {
            lcn_critsys_t cs;
            long want;
            int segre = i >= 4, k2[2] = {2 + (i == 5), 3}, s2[2] = {2, 1};
            if (segre) {
                CHECK(lcn_critsys_init_segre(cs, k2, s2, 2, seed) == LCN_OK, "segre");
                want = lcn_segre_eddeg(k2, 2);
            } else {
                CHECK(lcn_critsys_init_locus(cs, parts[i], nparts[i], seed) == LCN_OK, "locus");
                /* The closed forms of DESIGN §3, as in generic_weights(). */
                want = nparts[i] == 2 && parts[i][1] == 2 ? 13 : (2L * parts[i][0] - 1) * 4 - 2L * (parts[i][0] - 1) * (parts[i][0] - 1);
            }
            double u[16], T[256];
            lcn_rng_t rng;
            lcn_rng_init(rng, seed, 4242);
            for (int j = 0; j < cs->k; j++) u[j] = lcn_rng_normal(rng);
            if (segre) lcn_weights_generic(T, cs->k, seed);
            else lcn_weights_identity(T, cs->k);
            lcn_critpoints_t cp;
            int complete;
            solve_seeded(cp, cs, u, T, &complete, seed);
            CHECK(complete && (long)cp->count == want && cp->failed == 0,
                  "seed %llu, case %d: %zu, want %ld (generic complete %d; paths %zu: finite %zu, infinite %zu, "
                  "singular %zu, failed %zu (jumped %zu), degenerate %zu; re-tracked %zu, %d new gammas, %zu "
                  "recovered)",
                  (unsigned long long)seed, i, cp->count, want, complete, cp->tracked, cp->finite, cp->at_infinity,
                  cp->singular, cp->failed, cp->jumped, cp->degenerate, cp->retracked, cp->extra_gammas,
                  cp->recovered);
            CHECK(cp->finite + cp->at_infinity + cp->singular + cp->failed + cp->degenerate == cp->tracked,
                  "seed %llu, case %d: path totals add up", (unsigned long long)seed, i);
            /* Every point refined to full precision. Not check_residuals():
               the residual of θ rounded to double is at least about
               eps |F_θ| |θ|, above 1e-12 for some points of Δ(4) with
               |θ| ≈ 8 (seed 20225123: 1.7e-12 at accuracy 9e-16). */
            for (size_t pi = 0; pi < cp->count; pi++) {
                double tmax = 1;
                for (int j = 0; j < cp->n; j++) tmax = fmax(tmax, cabs(cp->pts[pi].theta[j]));
                CHECK(cp->pts[pi].accuracy <= 1e-12 * tmax && cp->pts[pi].residual < 1e-12 * pow(tmax, 4),
                      "seed %llu, case %d, point %zu: accuracy %g, residual %g, |θ| %g", (unsigned long long)seed, i,
                      pi, cp->pts[pi].accuracy, cp->pts[pi].residual, tmax);
            }
            lcn_critpoints_clear(cp);
            lcn_critsys_clear(cs);
        }
    }
}

/* KMMT22 Remark 6.10: generic weights give the identity counts on root
 * loci. For every partition of n with a closed form (DESIGN §3: (1^n),
 * (α, 1^{n−α}), quartic (2,2)), a random SPD T and a random target must
 * give exactly the formula's count. n = 3 here, n = 4, 5 in suite slow. */
static void generic_weights(int nmin, int nmax)
{
    static const int parts[][5] = {{1, 1, 1}, {2, 1}, {3}, {1, 1, 1, 1}, {2, 1, 1}, {2, 2}, {3, 1}, {4},
                                   {1, 1, 1, 1, 1}, {2, 1, 1, 1}, {3, 1, 1}, {4, 1}, {5}};
    static const int nparts[] = {3, 2, 1, 4, 3, 2, 2, 1, 5, 4, 3, 2, 1};
    for (size_t i = 0; i < sizeof nparts / sizeof nparts[0]; i++) {
        int n = 0, r = nparts[i];
        for (int j = 0; j < r; j++) n += parts[i][j];
        if (n < nmin || n > nmax) continue;
        /* The closed forms, written out here from DESIGN §3. */
        long want;
        if (parts[i][0] == 1) want = 1;
        else if (n == 4 && r == 2 && parts[i][1] == 2) want = 13;
        else want = (2L * parts[i][0] - 1) * n - 2L * (parts[i][0] - 1) * (parts[i][0] - 1);
        lcn_critsys_t cs;
        CHECK(lcn_critsys_init_locus(cs, parts[i], r, lcn_test_seed()) == LCN_OK, "locus");
        double u[8], T[64];
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 610 + i);
        for (int j = 0; j < cs->k; j++) u[j] = lcn_rng_normal(rng);
        lcn_weights_generic(T, cs->k, lcn_test_seed() + i);
        lcn_critpoints_t cp;
        solve(cp, cs, u, T, NULL);
        CHECK((long)cp->count == want, "partition %zu (n = %d): generic weights give %zu, identity formula %ld", i, n,
              cp->count, want);
        check_residuals(cp, "generic weights");
        lcn_critpoints_clear(cp);
        lcn_critsys_clear(cs);
    }
}

static void test_locus_generic_weights(void)
{
    generic_weights(3, 3);
}

static void test_locus_generic_weights_large(void)
{
    generic_weights(4, 5);
}

/* (P) for stride-one architectures, random target, T = I: the number of
 * nonzero critical points equals the model's Σ_λ EDdeg(Δ_λ) N(λ)
 * (lcn_edd_params_prediction, KMMT22 Cor. 5.5), computed there
 * independently of the components enumerated here. */
static void test_params_prediction(void)
{
    static const int ks[][3] = {{2, 3, 0}, {4, 2, 0}, {2, 2, 2}, {3, 2, 2}};
    static const int Ls[] = {2, 2, 3, 3};
    for (int i = 0; i < 4; i++) {
        lcn_arch_t arch;
        lcn_arch_init(arch);
        CHECK(lcn_arch_init_set(arch, ks[i], NULL, Ls[i]) == LCN_OK, "arch");
        uint64_t want = 0;
        CHECK(lcn_edd_params_prediction(&want, arch, LCN_EDD_IDENTITY) == 1, "prediction known");
        lcn_critsys_t cs;
        CHECK(lcn_critsys_init_params(cs, ks[i], NULL, Ls[i], lcn_test_seed()) == LCN_OK, "params");
        double u[16], T[256];
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), 77 + i);
        for (int j = 0; j < cs->k; j++) u[j] = lcn_rng_normal(rng);
        lcn_weights_identity(T, cs->k);
        lcn_critpoints_t cp;
        int complete;
        solve(cp, cs, u, T, &complete);
        CHECK(complete && cp->count == want,
              "arch %d: %zu nonzero critical points, predicted %llu (generic complete %d; paths %zu: finite %zu, "
              "infinite %zu, singular %zu, failed %zu, degenerate %zu)",
              i, cp->count, (unsigned long long)want, complete, cp->tracked, cp->finite, cp->at_infinity, cp->singular,
              cp->failed, cp->degenerate);
        check_residuals(cp, "params");
        lcn_critpoints_clear(cp);
        lcn_critsys_clear(cs);
        lcn_arch_clear(arch);
    }
}

/* Data -> (T, u, const): ‖α_w X − Y‖² = (w − u)^T T (w − u) + const for
 * random filters w (DESIGN §1), for strides 1 and 2; T symmetric positive
 * definite passes the weights check. */
static void test_lossdata(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 808);
    for (int sigma = 1; sigma <= 2; sigma++) {
        int k = 5, dL = 3, N = 40, d0 = k + (dL - 1) * sigma;
        double X[40 * 40], Y[3 * 40], T[25], u[5], cst, w[5];
        for (int a = 0; a < d0 * N; a++) X[a] = lcn_rng_normal(rng);
        for (int a = 0; a < dL * N; a++) Y[a] = lcn_rng_normal(rng);
        CHECK(lcn_lossdata_weights(T, u, &cst, k, sigma, dL, X, d0, N, Y) == LCN_OK, "weights from data");
        CHECK(lcn_weights_check(T, k, NULL, 0) == LCN_OK, "A is SPD");
        CHECK(lcn_lossdata_weights(T, u, &cst, k, sigma, dL, X, d0 + 1, N, Y) == LCN_ERR_ARG, "d0 checked");
        CHECK(lcn_lossdata_weights(T, u, &cst, k, sigma, dL, X, d0, N, Y) == LCN_OK, "again");
        for (int it = 0; it < 10; it++) {
            for (int j = 0; j < k; j++) w[j] = lcn_rng_normal(rng);
            double direct = lcn_lossdata_loss(w, k, sigma, dL, X, d0, N, Y), q = cst;
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) q += (w[i] - u[i]) * T[i + k * j] * (w[j] - u[j]);
            CHECK(fabs(direct - q) < 1e-9 * (1 + fabs(direct)), "σ=%d: loss %g vs quadratic form %g", sigma, direct, q);
        }
    }
}

static void test_weights(void)
{
    double T[36];
    lcn_weights_bombieri(T, 5);
    const double want[5] = {1, 1. / 4, 1. / 6, 1. / 4, 1};
    for (int j = 0; j < 5; j++) CHECK(fabs(T[j + 5 * j] - want[j]) < 1e-15, "Bombieri diagonal %d", j);
    lcn_weights_generic(T, 6, lcn_test_seed());
    CHECK(lcn_weights_check(T, 6, NULL, 0) == LCN_OK, "generic weights are SPD");
    lcn_weights_identity(T, 3);
    T[1] = 0.5;
    char msg[200];
    CHECK(lcn_weights_check(T, 3, msg, sizeof msg) == LCN_ERR_ARG, "asymmetric rejected");
    lcn_weights_identity(T, 2);
    T[0] = -1;
    CHECK(lcn_weights_check(T, 2, msg, sizeof msg) == LCN_ERR_ARG, "indefinite rejected");
    char path[] = "/tmp/lcn-weights-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    FILE *f = fdopen(fd, "w");
    fprintf(f, "# a 3x3 matrix\n2, 1, 0\n1 2 1\n0 1 2\n");
    fclose(f);
    CHECK(lcn_weights_read(T, 3, path, msg, sizeof msg) == LCN_OK, "read: %s", msg);
    CHECK(T[1] == 1 && T[4] == 2 && T[8] == 2 && T[2] == 0, "read values");
    CHECK(lcn_weights_read(T, 4, path, msg, sizeof msg) == LCN_ERR_PARSE, "wrong size rejected");
    remove(path);
}

LCN_TEST_MAIN({"critsys_gradient", test_gradient}, {"critsys_line_msys", test_line_and_msys}, {"critsys_w", test_w}, {"critsys_native", test_native},
              {"critsys_w_closed_form", test_w_closed_form}, {"critsys_seed_pair", test_seed_pair},
              {"critsys_degenerate", test_degenerate}, {"critsys_relabellings", test_relabellings},
              {"critsys_rechart", test_rechart},
              {"monodromy_gives_up", test_monodromy_gives_up},
              {"monodromy_trace", test_monodromy_trace}, {"gcache_merge", test_gcache_merge},
              {"gcache_shipped", test_gcache_shipped}, {"locus_kmmt22", test_locus_kmmt22},
              {"locus_bombieri", test_locus_bombieri}, {"segre_generic", test_segre_generic},
              {"segre_generic_large", test_segre_generic_large}, {"random_targets_10", test_random_targets_10},
              {"locus_generic_weights", test_locus_generic_weights},
              {"params_prediction", test_params_prediction}, {"seeds_small", test_seeds_small},
              {"locus_generic_weights_large", test_locus_generic_weights_large},
              {"params_ex510", test_params_ex510}, {"random_targets", test_random_targets},
              {"lossdata", test_lossdata}, {"weights", test_weights})
