/* Tests of src/track: homotopies, the tracker, the endgame, the precision
 * switch, solve, Newton refinement and solution sets. Expected counts come
 * from Bezout's theorem and the literature (cyclic-5: 70, katsura-5: 32),
 * roots from closed forms. t runs from 1 (start) to 0 (target). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lcncrit/lcncrit.h"
#include "track/impl.h"
#include "t-track-systems.h"
#include "test.h"

static double complex rand_c(lcn_rng_t rng) { return lcn_rng_cnormal(rng); }

static void print_counts(const char *what, const lcn_result_t res)
{
    fprintf(stderr, "%s: %zu paths, %.2f s:", what, res->npaths, res->seconds);
    for (int s = 0; s < LCN_PATH_NSTATUS; s++) {
        size_t c = lcn_result_count(res, (lcn_path_status_t)s);
        if (c) fprintf(stderr, " %s %zu", lcn_path_status_string((lcn_path_status_t)s), c);
    }
    fputc('\n', stderr);
}

/* Max |F(x; p)| of a path endpoint, in double. */
static double residual_d(const lcn_system_t sys, const double complex *x, const double complex *p)
{
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    double complex *F = malloc((size_t)sys->n * sizeof *F);
    lcn_system_eval_d(F, NULL, NULL, sys, ws, x, p);
    double r = 0;
    for (int i = 0; i < sys->n; i++) r = fmax(r, cabs(F[i]));
    free(F);
    lcn_system_ws_clear(ws);
    return r;
}

/* dH/dx and dH/dt of both homotopies against central differences, and the
 * MPC evaluation against the double one, at random points and complex t. */
static void test_homotopy_jacobian(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 1);
    int d[3] = {2, 3, 2};
    lcn_system_t sys;
    CHECK(lcn_example_dense(sys, 3, d, lcn_test_seed(), 1) == LCN_OK, "build");
    const int n = 3, m = sys->m;
    double complex *p0 = malloc((size_t)m * sizeof *p0), *p1 = malloc((size_t)m * sizeof *p1);
    for (int k = 0; k < m; k++) {
        p0[k] = rand_c(rng);
        p1[k] = rand_c(rng);
    }
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    double complex *tmp = malloc((size_t)(n * m + m) * sizeof *tmp);
    double complex H[3], Hx[9], Ht[3], Hp[3], Hm[3], x[3], xp[3];
    lcn_track_mp_struct mp;
    memset(&mp, 0, sizeof mp);
    for (int kind = 0; kind < 2; kind++) {
        lcn_homotopy_t h;
        if (kind == 0)
            lcn_homotopy_init_total_degree(h, sys, p1, lcn_rng_unit(rng));
        else
            lcn_homotopy_init_parameter(h, sys, p0, p1, lcn_rng_unit(rng));
        for (long it = 0; it < 20 * lcn_test_multiplier(); it++) {
            for (int i = 0; i < n; i++) x[i] = rand_c(rng);
            double complex t = lcn_rng_uniform(rng) + 0.3 * I * lcn_rng_normal(rng);
            lcn_homotopy_eval_d(H, Hx, Ht, h, ws, tmp, x, t);
            const double eps = 1e-6;
            double scale = 0;
            for (int i = 0; i < 9; i++) scale = fmax(scale, cabs(Hx[i]));
            for (int j = 0; j < n; j++) {
                memcpy(xp, x, sizeof x);
                xp[j] += eps;
                lcn_homotopy_eval_d(Hp, NULL, NULL, h, ws, tmp, xp, t);
                xp[j] -= 2 * eps;
                lcn_homotopy_eval_d(Hm, NULL, NULL, h, ws, tmp, xp, t);
                for (int i = 0; i < n; i++) {
                    double complex fd = (Hp[i] - Hm[i]) / (2 * eps);
                    CHECK(cabs(fd - Hx[i + n * j]) < 1e-6 * (1 + scale), "kind %d dH%d/dx%d %g vs fd %g", kind, i, j,
                          cabs(Hx[i + n * j]), cabs(fd));
                }
            }
            /* t is complex: the derivative is complex-analytic, so a
               difference along any direction gives it. */
            double complex dir = lcn_rng_unit(rng);
            lcn_homotopy_eval_d(Hp, NULL, NULL, h, ws, tmp, x, t + eps * dir);
            lcn_homotopy_eval_d(Hm, NULL, NULL, h, ws, tmp, x, t - eps * dir);
            for (int i = 0; i < n; i++) {
                double complex fd = (Hp[i] - Hm[i]) / (2 * eps * dir);
                CHECK(cabs(fd - Ht[i]) < 1e-6 * (1 + cabs(Ht[i])), "kind %d dH%d/dt %g vs fd %g", kind, i,
                      cabs(Ht[i]), cabs(fd));
            }
            /* MPC at 200 bits agrees with double to double accuracy. */
            lcn_track_mp_setup(&mp, n, m, 200);
            for (int i = 0; i < n; i++) mpc_set_dc(mp.xb[i], x[i], MPC_RNDNN);
            lcn_homotopy_eval_mp(mp.k[0], mp.Hx, mp.k[1], h, ws, &mp, (const mpc_t *)mp.xb, t, 1.0 - t, 200);
            for (int i = 0; i < n; i++) {
                double complex a = mpc_get_dc(mp.k[0][i], MPC_RNDNN), b = mpc_get_dc(mp.k[1][i], MPC_RNDNN);
                CHECK(cabs(a - H[i]) < 1e-12 * (1 + cabs(H[i])), "kind %d mp H%d", kind, i);
                CHECK(cabs(b - Ht[i]) < 1e-12 * (1 + cabs(Ht[i])), "kind %d mp Ht%d", kind, i);
                for (int j = 0; j < n; j++) {
                    double complex c = mpc_get_dc(mp.Hx[i + n * j], MPC_RNDNN);
                    CHECK(cabs(c - Hx[i + n * j]) < 1e-12 * (1 + scale), "kind %d mp Hx%d%d", kind, i, j);
                }
            }
        }
        lcn_homotopy_clear(h);
    }
    lcn_track_mp_free(&mp);
    free(tmp);
    free(p0);
    free(p1);
    lcn_system_ws_clear(ws);
    lcn_system_clear(sys);
}

/* Newton in double and MPC converges to known roots and reports a double
 * root as not converging quadratically. */
static void test_newton(void)
{
    /* xy = 1, x^2 + y = 3 at the root x = 2 cos(2 pi/9), y = 1/x. */
    lcn_system_t sys;
    CHECK(lcn_example_infinity(sys) == LCN_OK, "build");
    const double r = 2 * cos(2 * M_PI / 9);
    double complex x[2] = {r + 1e-3 + 1e-3 * I, 1 / r - 2e-3};
    double acc, res, cond;
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    CHECK(lcn_newton_refine_d(x, &acc, &res, &cond, sys, ws, NULL, 1e-14, 10) == LCN_OK, "double newton");
    CHECK(cabs(x[0] - r) < 1e-14 && cabs(x[1] - 1 / r) < 1e-14, "double newton root %g%+gi", creal(x[0]), cimag(x[0]));
    CHECK(res < 1e-14 && acc < 1e-13 && cond >= 1 && cond < 100, "res %g acc %g cond %g", res, acc, cond);
    lcn_system_ws_clear(ws);
    lcn_system_clear(sys);
    /* prod_{i=1}^{8}(x - i) in MPC: the root 7 exactly once rounded to double. */
    CHECK(lcn_example_wilkinson(sys, 8) == LCN_OK, "build");
    x[0] = 7.01 + 0.01 * I;
    CHECK(lcn_newton_refine(x, &acc, &res, sys, NULL, 256, 20) == LCN_OK, "mp newton");
    CHECK(creal(x[0]) == 7.0 && fabs(cimag(x[0])) < 1e-200, "mp newton root %.17g%+gi", creal(x[0]), cimag(x[0]));
    CHECK(res < 1e-200 && acc <= 7 * 0x1p-52, "residual %g accuracy %g", res, acc);
    lcn_system_clear(sys);
    /* The result at prec agrees with the one at prec + 20 once rounded
       (Wilkinson-20 near its worst-conditioned roots). */
    CHECK(lcn_example_wilkinson(sys, 20) == LCN_OK, "build");
    for (int k = 14; k <= 17; k++) {
        double complex a = k + 0.003, b = a;
        CHECK(lcn_newton_refine(&a, NULL, NULL, sys, NULL, 128, 40) == LCN_OK, "root %d at 128", k);
        CHECK(lcn_newton_refine(&b, NULL, NULL, sys, NULL, 148, 40) == LCN_OK, "root %d at 148", k);
        CHECK(a == b && creal(a) == k, "root %d: %.17g vs %.17g", k, creal(a), creal(b));
    }
    lcn_system_clear(sys);
    CHECK(lcn_example_double_root(sys) == LCN_OK, "build");
    x[0] = 2.001;
    CHECK(lcn_newton_refine(x, &acc, &res, sys, NULL, 128, 30) == LCN_ERR_NUMERIC, "double root converged?");
    lcn_system_clear(sys);
}

/* A dense system of degrees (2,2,2) with random coefficients: Bezout's
 * 8 finite, regular, distinct solutions. */
static void test_dense222(void)
{
    int d[3] = {2, 2, 2};
    lcn_system_t sys;
    CHECK(lcn_example_dense(sys, 3, d, lcn_test_seed(), 0) == LCN_OK, "build");
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res;
    lcn_result_init(res);
    CHECK(lcn_solve_total_degree(res, sys, NULL, o) == LCN_OK, "solve");
    print_counts("dense222", res);
    CHECK(res->npaths == 8, "paths %zu", res->npaths);
    CHECK(lcn_result_count(res, LCN_PATH_SUCCESS) == 8, "success %zu", lcn_result_count(res, LCN_PATH_SUCCESS));
    for (size_t i = 0; i < res->npaths; i++)
        if (res->paths[i].status == LCN_PATH_SUCCESS)
            CHECK(residual_d(sys, res->paths[i].x, NULL) < 1e-10, "path %zu residual", i);
    lcn_solution_set_t set;
    lcn_solution_set_init(set, 3);
    CHECK(lcn_solution_set_from_result(set, res, sys, NULL, o) == LCN_OK, "set");
    CHECK(set->count == 8, "distinct %zu", set->count);
    lcn_solution_set_clear(set);
    lcn_result_clear(res);
    lcn_system_clear(sys);
}

/* Paths tracked in MPC from the start (start_prec, the last round of
 * careful re-tracking in critpoints.c) end where the double ones do; the
 * cap on MPC steps (max_steps_mp) stops them. */
static void test_start_prec(void)
{
    int d[3] = {2, 2, 2};
    lcn_system_t sys;
    CHECK(lcn_example_dense(sys, 3, d, lcn_test_seed(), 0) == LCN_OK, "build");
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t rd, rm;
    lcn_result_init(rd);
    lcn_result_init(rm);
    CHECK(lcn_solve_total_degree(rd, sys, NULL, o) == LCN_OK, "solve in double");
    o->start_prec = 128;
    CHECK(lcn_solve_total_degree(rm, sys, NULL, o) == LCN_OK, "solve in MPC");
    for (size_t i = 0; i < rm->npaths && i < rd->npaths; i++) {
        CHECK(rm->paths[i].status == LCN_PATH_SUCCESS && rm->paths[i].prec >= 128, "path %zu: status %s, prec %ld", i,
              lcn_path_status_string(rm->paths[i].status), rm->paths[i].prec);
        double dmax = 0;
        for (int j = 0; j < 3; j++) dmax = fmax(dmax, cabs(rm->paths[i].x[j] - rd->paths[i].x[j]));
        CHECK(dmax < 1e-10, "path %zu: MPC and double endpoints differ by %g", i, dmax);
    }
    /* max_steps_mp: the steps in MPC before the endgame. With 3 of them a
     * path in MPC from the start stops on its step budget; the double
     * paths above never enter MPC and are unaffected by the same cap. */
    o->max_steps_mp = 3;
    CHECK(lcn_solve_total_degree(rm, sys, NULL, o) == LCN_OK, "solve in MPC, 3 steps allowed");
    for (size_t i = 0; i < rm->npaths; i++)
        CHECK(rm->paths[i].status == LCN_PATH_MAX_STEPS && rm->paths[i].steps_accepted + rm->paths[i].steps_rejected <= 3,
              "path %zu: status %s after %ld steps, want max steps after 3", i,
              lcn_path_status_string(rm->paths[i].status), rm->paths[i].steps_accepted + rm->paths[i].steps_rejected);
    o->start_prec = 53;
    CHECK(lcn_solve_total_degree(rm, sys, NULL, o) == LCN_OK, "solve in double, 3 MPC steps allowed");
    for (size_t i = 0; i < rm->npaths; i++)
        CHECK(rm->paths[i].status == rd->paths[i].status, "path %zu: status %s, in double without the cap %s", i,
              lcn_path_status_string(rm->paths[i].status), lcn_path_status_string(rd->paths[i].status));
    o->max_steps_mp = -1;
    CHECK(lcn_solve_total_degree(rm, sys, NULL, o) == LCN_ERR_ARG, "max_steps_mp < 0 refused");
    o->max_steps_mp = 0;
    o->start_prec = 1024; /* above max_prec */
    CHECK(lcn_solve_total_degree(rm, sys, NULL, o) == LCN_ERR_ARG, "start_prec > max_prec refused");
    lcn_result_clear(rd);
    lcn_result_clear(rm);
    lcn_system_clear(sys);
}

/* Solve by total degree and check the number of distinct regular
 * solutions, that every path ended as success or at infinity, and the
 * residuals. */
static void check_count(const char *name, lcn_system_t sys, size_t expected, size_t paths)
{
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res;
    lcn_result_init(res);
    CHECK(lcn_solve_total_degree(res, sys, NULL, o) == LCN_OK, "%s solve", name);
    print_counts(name, res);
    CHECK(res->npaths == paths, "%s paths %zu", name, res->npaths);
    size_t ok = lcn_result_count(res, LCN_PATH_SUCCESS), inf = lcn_result_count(res, LCN_PATH_AT_INFINITY);
    size_t total = 0;
    for (int s = 0; s < LCN_PATH_NSTATUS; s++) total += lcn_result_count(res, (lcn_path_status_t)s);
    CHECK(total == res->npaths, "%s totals %zu != %zu", name, total, res->npaths);
    CHECK(ok + inf == paths, "%s: %zu success + %zu at infinity of %zu", name, ok, inf, paths);
    lcn_solution_set_t set;
    lcn_solution_set_init(set, sys->n);
    CHECK(lcn_solution_set_from_result(set, res, sys, NULL, o) == LCN_OK, "set");
    CHECK(set->count == expected, "%s: %zu distinct solutions, expected %zu", name, set->count, expected);
    for (size_t j = 0; j < set->count; j++) {
        CHECK(set->residual[j] < 1e-10 * (1 + cabs(set->x[j * sys->n])), "%s residual %g", name, set->residual[j]);
        CHECK(set->multiplicity[j] == 1, "%s multiplicity %d", name, set->multiplicity[j]);
    }
    lcn_solution_set_clear(set);
    lcn_result_clear(res);
}

static void test_cyclic5(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_cyclic(sys, 5) == LCN_OK, "build");
    check_count("cyclic-5", sys, 70, 120);
    lcn_system_clear(sys);
}

static void test_katsura5(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_katsura(sys, 5) == LCN_OK, "build");
    check_count("katsura-5", sys, 32, 32);
    lcn_system_clear(sys);
}

static void test_cyclic6(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_cyclic(sys, 6) == LCN_OK, "build");
    check_count("cyclic-6", sys, 156, 720);
    lcn_system_clear(sys);
}

static void test_katsura6(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_katsura(sys, 6) == LCN_OK, "build");
    check_count("katsura-6", sys, 64, 64);
    lcn_system_clear(sys);
}

/* prod_{i=1}^{20} (x - i), expanded: coefficients up to 20! > 2^53 held
 * exactly; every root found to 1e-10, which double evaluation cannot give
 * near x = 15 (terms of size 1e25 cancel), so the precision switch and the
 * MPC refinement must work. */
static void test_wilkinson(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_wilkinson(sys, 20) == LCN_OK, "build");
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res;
    lcn_result_init(res);
    CHECK(lcn_solve_total_degree(res, sys, NULL, o) == LCN_OK, "solve");
    print_counts("wilkinson-20", res);
    CHECK(res->npaths == 20, "paths");
    int found[21] = {0};
    long maxprec = 53;
    for (size_t i = 0; i < res->npaths; i++) {
        const lcn_path_result_struct *r = &res->paths[i];
        if (r->prec > maxprec) maxprec = r->prec;
        CHECK(r->status == LCN_PATH_SUCCESS, "path %zu: %s at t=%g x=%g%+gi", i, lcn_path_status_string(r->status),
              r->t_end, creal(r->x[0]), cimag(r->x[0]));
        double re = creal(r->x[0]);
        int k = (int)lround(re);
        if (k >= 1 && k <= 20 && cabs(r->x[0] - k) < 1e-10) found[k]++;
    }
    for (int k = 1; k <= 20; k++) CHECK(found[k] == 1, "root %d found %d times", k, found[k]);
    CHECK(maxprec > 53, "no path needed more than double (prec %ld)", maxprec);
    lcn_result_clear(res);
    lcn_system_clear(sys);
}

/* (x-2)^2 (x+3): the two paths to the double root are singular with
 * winding number 2 (the Puiseux series of x(t) is in t^(1/2)); -3 regular. */
static void test_double_root(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_double_root(sys) == LCN_OK, "build");
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res;
    lcn_result_init(res);
    CHECK(lcn_solve_total_degree(res, sys, NULL, o) == LCN_OK, "solve");
    print_counts("double root", res);
    int sing = 0, reg = 0;
    for (size_t i = 0; i < res->npaths; i++) {
        const lcn_path_result_struct *r = &res->paths[i];
        if (r->status == LCN_PATH_SINGULAR) {
            sing++;
            CHECK(r->winding == 2, "winding %d", r->winding);
            CHECK(cabs(r->x[0] - 2) < 1e-6, "singular endpoint %g%+gi", creal(r->x[0]), cimag(r->x[0]));
        } else if (r->status == LCN_PATH_SUCCESS) {
            reg++;
            CHECK(cabs(r->x[0] + 3) < 1e-12, "regular endpoint %g%+gi", creal(r->x[0]), cimag(r->x[0]));
        } else {
            CHECK(0, "path %zu: %s", i, lcn_path_status_string(r->status));
        }
    }
    CHECK(sing == 2 && reg == 1, "%d singular, %d regular", sing, reg);
    /* The two singular ends are one solution of multiplicity 2. */
    lcn_solution_set_t set;
    lcn_solution_set_init(set, 1);
    CHECK(lcn_solution_set_from_result2(set, res, sys, NULL, o, 1) == LCN_OK, "set");
    CHECK(set->count == 2, "distinct %zu", set->count);
    for (size_t j = 0; j < set->count; j++)
        if (cabs(set->x[j] - 2) < 1e-6) CHECK(set->multiplicity[j] == 2, "multiplicity %d", set->multiplicity[j]);
    lcn_solution_set_clear(set);
    lcn_result_clear(res);
    lcn_system_clear(sys);
}

/* (x-2)^3 (x+3): three paths of one cycle end at 2 with winding 3. */
static void test_triple_root(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_multiple_root(sys, 2, 3, -3) == LCN_OK, "build");
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res;
    lcn_result_init(res);
    CHECK(lcn_solve_total_degree(res, sys, NULL, o) == LCN_OK, "solve");
    print_counts("triple root", res);
    CHECK(lcn_result_count(res, LCN_PATH_SINGULAR) == 3, "singular %zu", lcn_result_count(res, LCN_PATH_SINGULAR));
    CHECK(lcn_result_count(res, LCN_PATH_SUCCESS) == 1, "success %zu", lcn_result_count(res, LCN_PATH_SUCCESS));
    for (size_t i = 0; i < res->npaths; i++) {
        const lcn_path_result_struct *r = &res->paths[i];
        if (r->status == LCN_PATH_SINGULAR)
            CHECK(r->winding == 3 && cabs(r->x[0] - 2) < 1e-6, "path %zu: winding %d at %g%+gi", i, r->winding,
                  creal(r->x[0]), cimag(r->x[0]));
    }
    lcn_result_clear(res);
    lcn_system_clear(sys);
}

/* xy = 1, x^2 + y = 3: 3 finite roots (x^3 - 3x + 1 = 0, all real:
 * 2 cos(2 pi k/9 + ...)), one of the 4 total-degree paths diverges. */
static void test_infinity(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_infinity(sys) == LCN_OK, "build");
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res;
    lcn_result_init(res);
    CHECK(lcn_solve_total_degree(res, sys, NULL, o) == LCN_OK, "solve");
    print_counts("infinity", res);
    CHECK(lcn_result_count(res, LCN_PATH_SUCCESS) == 3, "success %zu", lcn_result_count(res, LCN_PATH_SUCCESS));
    CHECK(lcn_result_count(res, LCN_PATH_AT_INFINITY) == 1, "at infinity %zu",
          lcn_result_count(res, LCN_PATH_AT_INFINITY));
    lcn_solution_set_t set;
    lcn_solution_set_init(set, 2);
    CHECK(lcn_solution_set_from_result(set, res, sys, NULL, o) == LCN_OK, "set");
    CHECK(set->count == 3, "count %zu", set->count);
    /* x^3 - 3x + 1 = 0 has roots 2 cos(2 pi/9), 2 cos(4 pi/9), 2 cos(8 pi/9). */
    double roots[3] = {2 * cos(2 * M_PI / 9), 2 * cos(4 * M_PI / 9), 2 * cos(8 * M_PI / 9)};
    for (int k = 0; k < 3; k++) {
        double complex x[2] = {roots[k], 1.0 / roots[k]};
        size_t j = lcn_solution_set_find(set, x);
        CHECK(j != (size_t)-1, "root %g missing", roots[k]);
        if (j != (size_t)-1) CHECK(set->real[j], "root %g not classified real", roots[k]);
    }
    lcn_solution_set_clear(set);
    lcn_result_clear(res);
    lcn_system_clear(sys);
}

/* Solve a dense (2,2) system with parameters at p0, move the solutions to
 * p1 (straight segment and gamma trick), check each endpoint by
 * substitution, and track back p1 -> p0 to the starts. */
static void test_parameter(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 3);
    int d[2] = {2, 3};
    lcn_system_t sys;
    CHECK(lcn_example_dense(sys, 2, d, 0, 1) == LCN_OK, "build");
    const int n = 2, m = sys->m;
    double complex *p0 = malloc((size_t)m * sizeof *p0), *p1 = malloc((size_t)m * sizeof *p1);
    for (int k = 0; k < m; k++) {
        p0[k] = rand_c(rng);
        p1[k] = rand_c(rng);
    }
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res, res2, res3;
    lcn_result_init(res);
    lcn_result_init(res2);
    lcn_result_init(res3);
    CHECK(lcn_solve_total_degree(res, sys, p0, o) == LCN_OK, "solve p0");
    lcn_solution_set_t set;
    lcn_solution_set_init(set, n);
    CHECK(lcn_solution_set_from_result(set, res, sys, p0, o) == LCN_OK, "set");
    CHECK(set->count == 6, "p0: %zu solutions", set->count);
    for (int g = 0; g < 2; g++) {
        double complex gamma = g ? lcn_rng_unit(rng) : 1.0;
        CHECK(lcn_solve_parameter(res2, sys, p0, p1, gamma, set->x, set->count, o) == LCN_OK, "param");
        print_counts(g ? "parameter (gamma)" : "parameter (segment)", res2);
        CHECK(res2->npaths == set->count, "npaths");
        for (size_t j = 0; j < res2->npaths; j++) {
            CHECK(res2->paths[j].status == LCN_PATH_SUCCESS, "path %zu %s", j,
                  lcn_path_status_string(res2->paths[j].status));
            double r = residual_d(sys, res2->paths[j].x, p1);
            CHECK(r < 1e-10, "path %zu residual at p1 %g", j, r);
        }
        lcn_solution_set_t set1;
        lcn_solution_set_init(set1, n);
        CHECK(lcn_solution_set_from_result(set1, res2, sys, p1, o) == LCN_OK, "set1");
        CHECK(set1->count == 6, "p1: %zu distinct", set1->count);
        lcn_solution_set_clear(set1);
        /* Back along the same path: p(t) for p1 -> p0 with 1/gamma is the
           reverse parametrisation of the arc, so endpoint j returns to start j. */
        double complex *ends = malloc(res2->npaths * n * sizeof *ends);
        for (size_t j = 0; j < res2->npaths; j++) memcpy(ends + j * n, res2->paths[j].x, n * sizeof *ends);
        CHECK(lcn_solve_parameter(res3, sys, p1, p0, 1.0 / gamma, ends, res2->npaths, o) == LCN_OK, "back");
        for (size_t j = 0; j < res3->npaths; j++) {
            double dd = 0;
            for (int i = 0; i < n; i++) dd = fmax(dd, cabs(res3->paths[j].x[i] - set->x[j * n + i]));
            CHECK(dd < 1e-8, "path %zu does not return to its start (%g)", j, dd);
        }
        free(ends);
    }
    /* A start that solves nothing is reported, not tracked. */
    double complex bad[2] = {10.0, -7.0};
    CHECK(lcn_solve_parameter(res2, sys, p0, p1, 1.0, bad, 1, o) == LCN_OK, "bad start");
    CHECK(res2->paths[0].status == LCN_PATH_INVALID_START, "bad start: %s",
          lcn_path_status_string(res2->paths[0].status));
    lcn_solution_set_clear(set);
    lcn_result_clear(res);
    lcn_result_clear(res2);
    lcn_result_clear(res3);
    free(p0);
    free(p1);
    lcn_system_clear(sys);
}

/* Monodromy's building block: a loop p0 -> p1 -> p2 -> p0 of straight
 * segments between generic complex parameters maps the solution set at p0
 * onto itself (a permutation), every path ending regular. */
static void test_monodromy_loop(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 5);
    int d[3] = {2, 2, 3};
    lcn_system_t sys;
    CHECK(lcn_example_dense(sys, 3, d, 0, 1) == LCN_OK, "build");
    const int n = 3, m = sys->m;
    double complex *p[3];
    for (int j = 0; j < 3; j++) {
        p[j] = malloc((size_t)m * sizeof *p[j]);
        for (int k = 0; k < m; k++) p[j][k] = rand_c(rng);
    }
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    lcn_result_t res;
    lcn_result_init(res);
    CHECK(lcn_solve_total_degree(res, sys, p[0], o) == LCN_OK, "solve");
    lcn_solution_set_t s0, s1;
    lcn_solution_set_init(s0, n);
    lcn_solution_set_init(s1, n);
    CHECK(lcn_solution_set_from_result(s0, res, sys, p[0], o) == LCN_OK, "set");
    CHECK(s0->count == 12, "p0: %zu solutions (Bezout 12)", s0->count);
    size_t N = s0->count;
    double complex *x = malloc(N * n * sizeof *x);
    memcpy(x, s0->x, N * n * sizeof *x);
    for (int leg = 0; leg < 3; leg++) {
        CHECK(lcn_solve_parameter(res, sys, p[leg], p[(leg + 1) % 3], 1.0, x, N, o) == LCN_OK, "leg %d", leg);
        for (size_t j = 0; j < N; j++) {
            CHECK(res->paths[j].status == LCN_PATH_SUCCESS, "leg %d path %zu: %s", leg, j,
                  lcn_path_status_string(res->paths[j].status));
            memcpy(x + j * n, res->paths[j].x, n * sizeof *x);
        }
    }
    for (size_t j = 0; j < N; j++) lcn_solution_set_add(s1, x + j * n, 0, 0, 0, NULL);
    CHECK(s1->count == N, "loop ends: %zu distinct of %zu", s1->count, N);
    for (size_t j = 0; j < N; j++)
        CHECK(lcn_solution_set_find(s0, x + j * n) != (size_t)-1, "loop end %zu is not a solution at p0", j);
    free(x);
    for (int j = 0; j < 3; j++) free(p[j]);
    lcn_solution_set_clear(s0);
    lcn_solution_set_clear(s1);
    lcn_result_clear(res);
    lcn_system_clear(sys);
}

/* Same seed: bit-identical results for 1 and 2 threads. */
static void test_threads(void)
{
    lcn_system_t sys;
    CHECK(lcn_example_cyclic(sys, 5) == LCN_OK, "build");
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed() + 1;
    lcn_result_t a, b;
    lcn_result_init(a);
    lcn_result_init(b);
    o->threads = 1;
    CHECK(lcn_solve_total_degree(a, sys, NULL, o) == LCN_OK, "1 thread");
    o->threads = 2;
    CHECK(lcn_solve_total_degree(b, sys, NULL, o) == LCN_OK, "2 threads");
    fprintf(stderr, "cyclic-5: 1 thread %.2f s, 2 threads %.2f s\n", a->seconds, b->seconds);
    CHECK(a->npaths == b->npaths, "npaths");
    for (size_t i = 0; i < a->npaths && i < b->npaths; i++) {
        CHECK(a->paths[i].status == b->paths[i].status, "path %zu status", i);
        CHECK(memcmp(a->paths[i].x, b->paths[i].x, (size_t)sys->n * sizeof *a->paths[i].x) == 0, "path %zu x", i);
        CHECK(a->paths[i].steps_accepted == b->paths[i].steps_accepted, "path %zu steps", i);
    }
    lcn_solution_set_t sa, sb;
    lcn_solution_set_init(sa, sys->n);
    lcn_solution_set_init(sb, sys->n);
    CHECK(lcn_solution_set_from_result(sa, a, sys, NULL, o) == LCN_OK, "set a");
    CHECK(lcn_solution_set_from_result(sb, b, sys, NULL, o) == LCN_OK, "set b");
    CHECK(sa->count == sb->count && memcmp(sa->x, sb->x, sa->count * sys->n * sizeof *sa->x) == 0, "sets differ");
    lcn_solution_set_clear(sa);
    lcn_solution_set_clear(sb);
    lcn_result_clear(a);
    lcn_result_clear(b);
    lcn_system_clear(sys);
}

static int sets_equal(const lcn_solution_set_t a, const lcn_solution_set_t b)
{
    if (a->n != b->n || a->count != b->count) return 0;
    if (a->count && memcmp(a->x, b->x, a->count * (size_t)a->n * sizeof *a->x)) return 0;
    for (size_t j = 0; j < a->count; j++)
        if (a->real[j] != b->real[j] || a->multiplicity[j] != b->multiplicity[j] ||
            a->accuracy[j] != b->accuracy[j] || a->residual[j] != b->residual[j] || a->winding[j] != b->winding[j])
            return 0;
    return 1;
}

/* Dedup, canonical order, JSON and binary round trips (bit-exact). */
static void test_solution_set(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 4);
    const int n = 3;
    lcn_solution_set_t s, r;
    lcn_solution_set_init(s, n);
    lcn_solution_set_init(r, n);
    double complex x[3];
    size_t N = 500;
    double complex *pts = malloc(N * n * sizeof *pts);
    for (size_t j = 0; j < N; j++) {
        for (int i = 0; i < n; i++) pts[j * n + i] = j % 5 == 0 ? lcn_rng_normal(rng) : rand_c(rng);
        CHECK(lcn_solution_set_add(s, pts + j * n, 1e-15, 1e-14, j % 5 == 0, NULL) == 1, "new point %zu", j);
    }
    /* Perturbed copies (well inside the tolerance) are duplicates; copies
       moved well outside it are new. */
    for (size_t j = 0; j < N; j++) {
        for (int i = 0; i < n; i++) x[i] = pts[j * n + i] + 1e-9 * rand_c(rng);
        CHECK(lcn_solution_set_add(s, x, 0, 0, 0, NULL) == 0, "duplicate %zu", j);
    }
    CHECK(s->count == N, "count %zu", s->count);
    for (int i = 0; i < n; i++) x[i] = pts[i] + 1e-4;
    CHECK(lcn_solution_set_add(s, x, 0, 0, 0, NULL) == 1, "distinct point taken for duplicate");
    lcn_solution_set_sort(s);
    for (size_t j = 1; j < s->count; j++) CHECK(s->real[j - 1] >= s->real[j], "real first");
    for (size_t j = 0; j < N; j++) CHECK(lcn_solution_set_find(s, pts + j * n) != (size_t)-1, "find after sort %zu", j);
    FILE *f = tmpfile();
    CHECK(lcn_solution_set_write_json(f, s) == LCN_OK, "write json");
    rewind(f);
    CHECK(lcn_solution_set_read_json(r, f) == LCN_OK, "read json");
    CHECK(sets_equal(s, r), "json round trip");
    fclose(f);
    f = tmpfile();
    CHECK(lcn_solution_set_write_binary(f, s) == LCN_OK, "write binary");
    rewind(f);
    lcn_solution_set_clear(r);
    lcn_solution_set_init(r, 1);
    CHECK(lcn_solution_set_read_binary(r, f) == LCN_OK, "read binary");
    CHECK(sets_equal(s, r), "binary round trip");
    fclose(f);
    /* Truncated or foreign files are parse errors, not crashes. */
    f = tmpfile();
    fputs("{\"n\": 2, \"solutions\": [{\"x\": [[1, 2]]}]}", f);
    rewind(f);
    CHECK(lcn_solution_set_read_json(r, f) == LCN_ERR_PARSE, "short x accepted");
    fclose(f);
    f = tmpfile();
    fputs("LCNSOLX", f);
    rewind(f);
    CHECK(lcn_solution_set_read_binary(r, f) == LCN_ERR_PARSE, "bad magic accepted");
    fclose(f);
    free(pts);
    lcn_solution_set_clear(s);
    lcn_solution_set_clear(r);
}

/* lcn_lu_d / lcn_lu_solve_d (the unblocked kernel below 48 unknowns, LAPACK
 * above) against LAPACKE_zgesv on random matrices, including a badly scaled
 * one; an exactly singular matrix is reported. */
static void test_lu(void)
{
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 77);
    long iters = 2 * lcn_test_multiplier();
    for (long it = 0; it < iters; it++)
        for (int n = 1; n <= 60; n += (n < 12 ? 1 : 7)) {
            size_t N = (size_t)n;
            double complex *A = malloc(N * N * sizeof *A), *B = malloc(N * N * sizeof *B), *x = malloc(N * sizeof *x);
            double complex *y = malloc(N * sizeof *y);
            lapack_int *ip = malloc(N * sizeof *ip), *ip2 = malloc(N * sizeof *ip2);
            double scale = it % 2 ? 1e-150 : 1.0;
            for (size_t i = 0; i < N * N; i++) A[i] = B[i] = scale * lcn_rng_cnormal(rng);
            for (size_t i = 0; i < N; i++) x[i] = y[i] = lcn_rng_cnormal(rng);
            CHECK(lcn_lu_d(A, ip, n, NULL) == 0, "n = %d: random matrix reported singular", n);
            lcn_lu_solve_d(A, ip, n, x);
            CHECK(LAPACKE_zgesv(LAPACK_COL_MAJOR, n, 1, (lapack_complex_double *)B, n, ip2, (lapack_complex_double *)y,
                                n) == 0, "zgesv");
            double d = 0, ymax = 0;
            for (size_t i = 0; i < N; i++) {
                d = fmax(d, cabs(x[i] - y[i]));
                ymax = fmax(ymax, cabs(y[i]));
            }
            CHECK(d <= 1e-9 * ymax, "n = %d, scale %g: LU solution differs from zgesv by %g (|x| %g)", n, scale, d, ymax);
            for (size_t i = 0; i < N * N; i++) A[i] = lcn_rng_cnormal(rng);
            for (size_t i = 0; i < N; i++) A[i + N * (size_t)(n / 2)] = 0;
            CHECK(lcn_lu_d(A, ip, n, NULL) == 1, "n = %d: a zero column not reported singular", n);
            free(A), free(B), free(x), free(y), free(ip), free(ip2);
        }
}

/* The Hermite predictor (tracker_d.c) against RK4.
 * - x = a^5 along a -> 2a is a path of degree 5 in t, which the quintic
 *   through three points and their slopes reproduces to rounding: with a
 *   tight predictor_tol it takes few steps, RK4 (exact only to degree 4)
 *   many more.
 * - cyclic-5 by total degree: both predictors end every path at the same
 *   point (the same homotopy, so path i is the same path). */
static void test_predictors(void)
{
    lcn_parsed_system_t ps;
    lcn_parsed_system_init(ps);
    lcn_parse_error_t perr;
    static const char text[] = "variables x; parameters a; x - a^5;";
    CHECK(lcn_parse_system(ps, text, sizeof text - 1, perr) == LCN_OK, "parse");
    lcn_system_t sys;
    CHECK(lcn_parsed_system_compile(sys, ps, perr) == LCN_OK, "compile");
    double complex p0 = 1, p1 = 2, x0 = 1;
    lcn_solve_opts_t o;
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    o->predictor_tol = 1e-10;
    lcn_result_t res;
    lcn_result_init(res);
    long steps[2], rejected[2];
    for (int pr = 0; pr < 2; pr++) {
        o->predictor = pr ? LCN_PREDICTOR_HERMITE : LCN_PREDICTOR_RK4;
        CHECK(lcn_solve_parameter(res, sys, &p0, &p1, 1.0, &x0, 1, o) == LCN_OK, "solve");
        const lcn_path_result_struct *r = &res->paths[0];
        CHECK(r->status == LCN_PATH_SUCCESS && cabs(r->x[0] - 32) < 1e-12 * 32, "%s: %s, x = %.17g%+.3gi",
              pr ? "hermite" : "rk4", lcn_path_status_string(r->status), creal(r->x[0]), cimag(r->x[0]));
        steps[pr] = r->steps_accepted;
        rejected[pr] = r->steps_rejected;
    }
    fprintf(stderr, "x = a^5: steps accepted/rejected RK4 %ld/%ld, Hermite %ld/%ld\n", steps[0], rejected[0], steps[1],
            rejected[1]);
    /* (Each segment starts with two RK4 steps; the first of the endgame's
       may be rejected, as with RK4.) */
    CHECK(rejected[1] <= 2 && steps[1] <= 16, "Hermite: %ld steps, %ld rejected (an exact predictor doubles its steps)",
          steps[1], rejected[1]);
    CHECK(steps[0] > 2 * steps[1], "RK4 %ld steps against Hermite's %ld", steps[0], steps[1]);
    lcn_result_clear(res);
    lcn_system_clear(sys);
    lcn_parsed_system_clear(ps);

    CHECK(lcn_example_cyclic(sys, 5) == LCN_OK, "cyclic-5");
    lcn_result_t rr, rh;
    lcn_result_init(rr);
    lcn_result_init(rh);
    lcn_solve_opts_init(o);
    o->seed = lcn_test_seed();
    o->predictor = LCN_PREDICTOR_RK4;
    CHECK(lcn_solve_total_degree(rr, sys, NULL, o) == LCN_OK, "rk4");
    o->predictor = LCN_PREDICTOR_HERMITE;
    CHECK(lcn_solve_total_degree(rh, sys, NULL, o) == LCN_OK, "hermite");
    long sr = 0, sh = 0;
    size_t same = 0;
    for (size_t i = 0; i < rr->npaths; i++) {
        const lcn_path_result_struct *a = &rr->paths[i], *b = &rh->paths[i];
        sr += a->steps_accepted + a->steps_rejected;
        sh += b->steps_accepted + b->steps_rejected;
        CHECK(a->status == b->status, "path %zu: %s with RK4, %s with Hermite", i, lcn_path_status_string(a->status),
              lcn_path_status_string(b->status));
        if (a->status != LCN_PATH_SUCCESS || b->status != LCN_PATH_SUCCESS) continue;
        double d = 0;
        for (int j = 0; j < sys->n; j++) d = fmax(d, cabs(a->x[j] - b->x[j]));
        CHECK(d < 1e-8, "path %zu ends %g apart", i, d);
        same++;
    }
    CHECK(same == 70, "%zu paths end at the same regular point (cyclic-5 has 70)", same);
    fprintf(stderr, "cyclic-5: steps RK4 %ld, Hermite %ld\n", sr, sh);
    lcn_result_clear(rr);
    lcn_result_clear(rh);
    lcn_system_clear(sys);
}

LCN_TEST_MAIN({"lu", test_lu}, {"homotopy_jacobian", test_homotopy_jacobian}, {"newton", test_newton},
              {"dense222", test_dense222}, {"start_prec", test_start_prec},
              {"cyclic5", test_cyclic5}, {"katsura5", test_katsura5}, {"wilkinson", test_wilkinson},
              {"double_root", test_double_root},
              {"triple_root", test_triple_root}, {"infinity", test_infinity}, {"parameter", test_parameter},
              {"monodromy_loop", test_monodromy_loop}, {"cyclic6", test_cyclic6}, {"katsura6", test_katsura6},
              {"threads", test_threads}, {"solution_set", test_solution_set}, {"predictors", test_predictors})
