/* Monodromy: the generic solution set from one seed pair (monodromy.h). */
#include <math.h>
#include <string.h>
#include <time.h>
#include "lcncrit/monodromy.h"
#include "lcncrit/newton.h"
#include "lcncrit/rng.h"

/* Stream of the loops' randomness. */
#define MONODROMY_STREAM 0x4d4f4e4fu

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void lcn_generic_init2(lcn_generic_t g, int n, int m)
{
    memset(g, 0, sizeof *g);
    g->n = n;
    g->m = m;
    g->p0 = lcn_calloc((size_t)(m ? m : 1), sizeof *g->p0);
    g->trace_defect = -1;
    lcn_solution_set_init(g->sols, n);
}

void lcn_generic_clear(lcn_generic_t g)
{
    lcn_free(g->p0);
    lcn_solution_set_clear(g->sols);
    memset(g, 0, sizeof *g);
}

void lcn_monodromy_opts_init(lcn_monodromy_opts_t o)
{
    memset(o, 0, sizeof *o);
    o->expected = 0;
    o->max_stall = 4;
    o->max_loops = 100;
    o->batch = 256;
    o->seed = 1;
    lcn_solve_opts_init(&o->track);
    lcn_log_init(&o->log);
    /* Monodromy only needs some solution at the end of each leg (a jump to
     * another path still yields a solution), so a looser predictor than the
     * final homotopy's is safe and halves the steps. */
    o->track.predictor_tol = 1e-4;
    /* A leg is one of many ways to reach a solution. A path that passes
     * close to a branch point, or close to a chart's hyperplane at infinity
     * (|θ| grows like 1/distance), can take thousands of steps: on Segre
     * (4,4) 1.7% of the legs took 31% of all steps. Such a leg is cut short
     * and counted as failed; a later loop reaches what it would have.
     * Loops that move T (gcache.c) take legs 2-3 times as long: with T
     * drawn afresh and a cap of 300, Segre (6,6) lost 743 of the third
     * loop's 53k legs to the cap, and the 3 solutions they would have
     * reached took a fourth loop (150 s of monodromy; 109 s and 3 loops
     * with 600). */
    o->leg_max_steps = 600;
    /* Segre (6,6), seed 1: the loops stalled at all but four solutions for
     * 12 loops at one base point (see move_base). */
    o->move_after = 3;
    /* Segre (5,5), seed 3: 2204 of 2205 solutions after 12 loops, and no
     * new one in the next 66 loops and 18 base-point moves (stopped by
     * hand; at stop 10 the run went on to max_loops, 100, then solved a
     * second base point: 1112 s in all). */
    o->moves_stalled = 3;
    /* Triangles. Polygons were measured on Segre (4,4), seeds 1-10: 1.82M
     * steps in all with K = 2, 1.86M with K = 4 (and mixed on (5,5)). */
    o->corners = 2;
}

/* Where the legs' endgame starts (see lcn_monodromy_solve). */
#define LEG_ENDGAME_START 1e-3

/* What the legs of one solve share. */
typedef struct {
    const lcn_monodromy_opts_struct *opts;
    double complex *kbuf;               /* scratch of key_of (opts->key_dim) */
    const lcn_system_struct *sys;
    lcn_generic_struct *g;              /* its counters (paths, failures, steps) */
    lcn_result_struct *res;             /* the results of a leg */
    const lcn_solve_opts_struct *track; /* the legs' options, with their step cap */
    double complex *x;                  /* n: scratch */
    long rescued;                       /* "singular" ends kept as regular (see leg) */
} leg_ctx;

/* Track nin points from pa to pb on the straight segment (gamma = 1) or
 * the circular arc of gamma (homotopy.c); the regular
 * endpoints are compacted into out (which may alias in), their accuracy and
 * residual into acc and resid (both may be NULL). by_status (may be NULL)
 * tallies the failed paths.
 *
 * (Failed legs are not what makes the tail: on Segre (4,4), seeds 1-4,
 * legs without any cap failed 1-5 times instead of 53-137, and the solve
 * needed exactly as many loops, with 1.6 times the steps. What makes it is
 * that a loop moves few solutions: about 70% of those carried round a
 * random triangle come back to themselves, so the last few are reached
 * only by the rare loop that moves them.) */
static size_t leg(leg_ctx *c, double complex *out, double *acc, double *resid, const double complex *pa,
                  const double complex *pb, double complex gamma, const double complex *in, size_t nin,
                  long *by_status)
{
    int n = c->sys->n;
    if (nin == 0) return 0;
    lcn_err_t err = lcn_solve_parameter(c->res, c->sys, pa, pb, gamma, in, nin, c->track);
    c->g->paths += (long)nin;
    if (err) {
        c->g->failures += (long)nin;
        return 0;
    }
    size_t j = 0;
    for (size_t i = 0; i < c->res->npaths; i++) {
        const lcn_path_result_struct *q = &c->res->paths[i];
        c->g->steps += q->steps_accepted + q->steps_rejected;
        double a = q->accuracy, r = q->residual;
        if (q->status == LCN_PATH_SINGULAR) {
            /* At generic parameters every solution is regular, so a
             * "singular" end is a badly conditioned regular one (far out
             * in the chart, where the endgame never sees cond(H_x)
             * settle below 1e8): keep it if Newton converges
             * quadratically in MPC from the endgame's estimate. */
            memcpy(c->x, q->x, (size_t)n * sizeof *c->x);
            if (lcn_newton_refine(c->x, &a, &r, c->sys, pb, 128, 30) == LCN_OK) {
                memcpy(out + j * n, c->x, (size_t)n * sizeof *out);
                if (acc) acc[j] = a;
                if (resid) resid[j] = r;
                j++;
                c->rescued++;
                continue;
            }
        }
        if (q->status != LCN_PATH_SUCCESS) {
            c->g->failures++;
            if (by_status) by_status[q->status]++;
            continue;
        }
        memcpy(out + j * n, q->x, (size_t)n * sizeof *out);
        if (acc) acc[j] = a;
        if (resid) resid[j] = r;
        j++;
    }
    return j;
}

/* The orbit key of x: x itself without a symmetry. */
static const double complex *key_of(leg_ctx *c, const double complex *x)
{
    if (!c->opts->key) return x;
    c->opts->key(c->opts->key_data, x, c->kbuf);
    return c->kbuf;
}

/* Add x to sols (its key to keys) unless its orbit is there already; like
 * lcn_solution_set_add, 1 if it was new. */
static int orbit_add(leg_ctx *c, lcn_solution_set_struct *sols, lcn_solution_set_struct *keys,
                     const double complex *x, double acc, double resid)
{
    if (!lcn_solution_set_add(keys, key_of(c, x), 0, 0, 0, NULL)) return 0;
    return lcn_solution_set_add(sols, x, acc, resid, 0, NULL);
}

/* Carry the known solutions from g->p0 to the new base point pb (one
 * straight segment, the legs' step control without their cap) and make pb
 * the base; known (the orbit keys of g->sols) is rebuilt. A solution whose
 * path fails is dropped from the set: the loops at pb reach it again.
 * Returns the number dropped. */
static size_t move_base(leg_ctx *c, lcn_generic_struct *g, lcn_solution_set_struct *known, const double complex *pb,
                        double complex *buf, double *acc, double *resid, size_t B, const lcn_monodromy_opts_struct *opts)
{
    int n = g->n;
    size_t N = g->sols->count;
    lcn_solution_set_t moved;
    lcn_solution_set_init(moved, n);
    lcn_solution_set_reset(known);
    for (size_t pos = 0; pos < N; pos += B) {
        size_t nb = N - pos < B ? N - pos : B;
        memcpy(buf, g->sols->x + pos * (size_t)n, nb * (size_t)n * sizeof *buf);
        nb = leg(c, buf, acc, resid, g->p0, pb, 1.0, buf, nb, NULL);
        for (size_t i = 0; i < nb; i++) {
            const double complex *xi = buf + i * (size_t)n;
            if (opts->accept && !opts->accept(opts->accept_data, xi)) continue;
            orbit_add(c, moved, known, xi, acc[i], resid[i]);
        }
    }
    size_t dropped = N - moved->count;
    lcn_solution_set_struct old = *g->sols; /* swap: g takes moved's arrays */
    *g->sols = *moved;
    *moved = old;
    lcn_solution_set_clear(moved);
    memcpy(g->p0, pb, (size_t)g->m * sizeof *pb);
    g->moves++;
    return dropped;
}

/* Stream of the trace tests' directions, and the lines tried at one stall
 * before a test counts as inconclusive. */
#define TRACE_STREAM 0x54524143u
#define TRACE_ATTEMPTS 3

/* The trace test (monodromy.h): the known set carried along p0 -> p0 + v
 * -> p0 + 2v (v random, of the size of p0; straight segments, with the
 * caller's c->track, step cap included), and the second difference of the sums
 * of trace() at the three points, relative to the largest coordinate
 * summed. -1 when a path failed or two paths ended at one point: then the
 * test says nothing either way. */
static double trace_test(leg_ctx *c, lcn_generic_struct *g, double complex *buf, size_t B,
                         const lcn_monodromy_opts_struct *opts, int attempt, size_t *nfailed, size_t *nmet)
{
    const int n = g->n, m = g->m, d = opts->trace_dim;
    const size_t N = g->sols->count, mm = (size_t)(m ? m : 1);
    lcn_rng_t r;
    lcn_rng_init(r, opts->seed ^ (uint64_t)g->loops, TRACE_STREAM + (uint64_t)attempt);
    double complex *p1 = lcn_malloc_array(2 * mm, sizeof *p1), *p2 = p1 + mm;
    double complex *sum = lcn_calloc(3 * (size_t)d, sizeof *sum), *tv = lcn_malloc_array((size_t)d, sizeof *tv);
    double scale = 0, wmax = 0, defect = -1;
    const int mv = opts->trace_params > 0 && opts->trace_params < m ? opts->trace_params : m;
    for (int i = 0; i < mv; i++) scale += creal(g->p0[i] * conj(g->p0[i]));
    scale = mv && scale > 0 ? sqrt(scale / mv) : 1;
    for (int i = 0; i < m; i++) {
        double complex v = i < mv ? scale * lcn_rng_cnormal(r) : 0;
        p1[i] = g->p0[i] + v;
        p2[i] = g->p0[i] + 2.0 * v;
    }
    lcn_solution_set_t ends[2];
    lcn_solution_set_init(ends[0], n);
    lcn_solution_set_init(ends[1], n);
    int ok = 1;
    *nfailed = *nmet = 0;
    for (size_t pos = 0; pos < N && ok; pos += B) {
        size_t nb = N - pos < B ? N - pos : B;
        memcpy(buf, g->sols->x + pos * (size_t)n, nb * (size_t)n * sizeof *buf);
        for (int s = 0; s < 3 && ok; s++) {
            if (s > 0) {
                size_t got = leg(c, buf, NULL, NULL, s == 1 ? g->p0 : p1, s == 1 ? p1 : p2, 1.0, buf, nb, NULL);
                *nfailed = nb - got;
                ok = got == nb;
                if (!ok) break;
            }
            for (size_t i = 0; i < nb && ok; i++) {
                const double complex *xi = buf + i * (size_t)n;
                /* (Distinct ends: a path that jumped onto another one.) */
                if (s > 0 && !lcn_solution_set_add(ends[s - 1], xi, 0, 0, 0, NULL)) {
                    ok = 0;
                    *nmet = 1;
                }
                opts->trace(opts->trace_data, xi, tv);
                for (int j = 0; j < d; j++) {
                    sum[(size_t)s * d + j] += tv[j];
                    wmax = fmax(wmax, cabs(tv[j]));
                }
            }
        }
    }
    if (ok) {
        double dmax = 0;
        for (int j = 0; j < d; j++) dmax = fmax(dmax, cabs(sum[j] - 2.0 * sum[d + j] + sum[2 * d + j]));
        defect = dmax / (wmax > 0 ? wmax : 1);
    }
    g->traces++;
    lcn_solution_set_clear(ends[0]);
    lcn_solution_set_clear(ends[1]);
    lcn_free(p1);
    lcn_free(sum);
    lcn_free(tv);
    return defect;
}

/* The arcs of a lens loop p0 -> c -> p0 (corners = 1): gamma = e^{±iφ}
 * on both legs, φ uniform in [LENS_PHI_MIN, LENS_PHI_MAX] and one sign
 * per loop, so that the arcs bulge to opposite sides of the segment and
 * enclose a lens. Drawn from the corner's bits: the corner alone defines
 * the loop (and is all the checkpoint saves). */
#define LENS_PHI_MIN 1.2
#define LENS_PHI_MAX 2.5
static void lens_gammas(double complex *gamma_out, double complex *gamma_back, const double complex *c, int m)
{
    uint64_t h = UINT64_C(0x9e3779b97f4a7c15);
    for (int i = 0; i < m; i++) {
        double re = creal(c[i]), im = cimag(c[i]);
        uint64_t a, b;
        memcpy(&a, &re, sizeof a);
        memcpy(&b, &im, sizeof b);
        h = (h ^ a) * UINT64_C(0xff51afd7ed558ccd);
        h = (h ^ b) * UINT64_C(0xc4ceb9fe1a85ec53);
        h ^= h >> 33;
    }
    lcn_rng_t r;
    lcn_rng_init(r, h, 0x6c656e73u); /* "lens" */
    double sign = lcn_rng_uniform(r) < 0.5 ? -1 : 1;
    double phi_out = LENS_PHI_MIN + (LENS_PHI_MAX - LENS_PHI_MIN) * lcn_rng_uniform(r);
    double phi_back = LENS_PHI_MIN + (LENS_PHI_MAX - LENS_PHI_MIN) * lcn_rng_uniform(r);
    *gamma_out = cexp(I * sign * phi_out);
    *gamma_back = cexp(I * sign * phi_back);
}

/* The loops in use and their bookkeeping (the state's arrays, grown as
 * loops are drawn), with each loop's endpoints so far: a loop maps
 * distinct solutions to distinct solutions, so two of its paths ending at
 * one point prove that one of them jumped. (After a resume only the
 * endpoints tracked since are seen.) */
typedef struct {
    int m, n, K, nloops, alloc;
    double complex *corners; /* loop j's K corners, corner i at corners + (j*K + i)*m */
    size_t *pos;
    lcn_solution_set_struct *image; /* the orbit keys of loop j's endpoints */
} loops_t;

static void loops_add(loops_t *L, const double complex *corners, size_t pos, int kdim)
{
    if (L->nloops == L->alloc) {
        int a = L->alloc ? 2 * L->alloc : 4;
        size_t mm = (size_t)(L->m ? L->m : 1);
        L->corners = lcn_realloc(L->corners, (size_t)a * (size_t)L->K * mm * sizeof *L->corners);
        L->pos = lcn_realloc(L->pos, (size_t)a * sizeof *L->pos);
        L->image = lcn_realloc(L->image, (size_t)a * sizeof *L->image);
        L->alloc = a;
    }
    int j = L->nloops++;
    size_t km = (size_t)L->K * (size_t)L->m;
    memcpy(L->corners + (size_t)j * km, corners, km * sizeof *corners);
    L->pos[j] = pos;
    lcn_solution_set_init(&L->image[j], kdim);
}

static void loops_reset(loops_t *L)
{
    for (int j = 0; j < L->nloops; j++) lcn_solution_set_clear(&L->image[j]);
    L->nloops = 0;
}

static void loops_clear(loops_t *L)
{
    loops_reset(L);
    lcn_free(L->corners);
    lcn_free(L->pos);
    lcn_free(L->image);
}

lcn_err_t lcn_monodromy_solve(lcn_generic_t g, const lcn_system_t sys, const double complex *x0,
                              const double complex *p0, const lcn_monodromy_opts_t opts)
{
    int n = sys->n, m = sys->m;
    if (g->n != n || g->m != m || n < 1) return LCN_ERR_ARG;
    double t0 = now();
    lcn_err_t err = LCN_OK;
    size_t B = opts->batch ? opts->batch : 256, mm = (size_t)(m ? m : 1);
    double complex *x = lcn_malloc_array((size_t)n, sizeof *x);
    double complex *buf = lcn_malloc_array(B * (size_t)n, sizeof *buf);
    double *acc = lcn_malloc_array(B, sizeof *acc), *resid = lcn_malloc_array(B, sizeof *resid);
    double complex *origin = lcn_malloc_array(mm, sizeof *origin);
    int K = opts->corners >= 1 ? opts->corners : 2;
    double complex *draw = lcn_malloc_array(mm * (size_t)K, sizeof *draw); /* a new loop's corners, or a new base */
    lcn_result_t res;
    lcn_result_init(res);
    lcn_rng_t rng;
    lcn_rng_init(rng, opts->seed, MONODROMY_STREAM);
    loops_t L = {.m = m, .n = n, .K = K};
    lcn_solve_opts_struct trk = opts->track, *track = &trk;
    /* The legs end at generic parameters, where every solution is regular:
     * a converging Newton proves an end regular, whatever its condition
     * number (ends far out in the chart reach 1e11 and more). */
    trk.singular_cond = INFINITY;
    /* Nor is there a singular end to approach with care: one segment to
     * t = 1e-3, then the endgame's straight finish (from t = 0.1 the finish
     * segment started over with two RK4 steps). bench-loops 4 4 --loops 2
     * under callgrind: 6.88G instructions -> 6.42G, the same permutations. */
    if (trk.endgame_start > LEG_ENDGAME_START) trk.endgame_start = LEG_ENDGAME_START;
    int kdim = opts->key ? opts->key_dim : n;
    double complex *kbuf = lcn_malloc_array((size_t)kdim, sizeof *kbuf);
    leg_ctx lc = {.opts = opts, .kbuf = kbuf, .sys = sys, .g = g, .res = res, .track = track, .x = x};
    /* The orbit keys of the known solutions, in their order. */
    lcn_solution_set_t known;
    lcn_solution_set_init(known, kdim);
    int stall = 0, traced = 0;
    size_t before = 0, jumps = 0;
    /* Failed legs since the last progress line, by leg (out of p0, between
       corners, back to p0) and status. */
    long lfail[3][LCN_PATH_NSTATUS];
    memset(lfail, 0, sizeof lfail);
    const lcn_monodromy_state_struct *rs = opts->resume;
    double seconds0 = 0;

    if (rs) {
        /* Continue between two batches, exactly as saved. */
        if (rs->m != m || memcmp(rs->origin, p0, (size_t)m * sizeof *p0) || rs->nloops < 0 || rs->corners != K) {
            err = LCN_ERR_ARG;
            goto cleanup;
        }
        for (int j = 0; j < rs->nloops; j++) {
            if (rs->pos[j] > g->sols->count) {
                err = LCN_ERR_ARG;
                goto cleanup;
            }
            loops_add(&L, rs->vertices + (size_t)j * K * m, rs->pos[j], kdim);
        }
        for (size_t i = 0; i < g->sols->count; i++)
            lcn_solution_set_add(known, key_of(&lc, g->sols->x + i * (size_t)n), 0, 0, 0, NULL);
        if (known->count != g->sols->count) {
            err = LCN_ERR_ARG; /* two saved solutions of one orbit */
            goto cleanup;
        }
        *rng = rs->rng;
        before = rs->before;
        stall = rs->stall;
        trk.predictor_tol = rs->predictor_tol;
        trk.max_step = rs->max_step;
        seconds0 = g->seconds;
    } else {
        memcpy(g->p0, p0, (size_t)m * sizeof *p0);
        lcn_solution_set_reset(g->sols);
        memcpy(x, x0, (size_t)n * sizeof *x);
        double a, r;
        if (lcn_newton_refine(x, &a, &r, sys, p0, 128, 30) != LCN_OK) {
            err = LCN_ERR_ARG;
            goto cleanup;
        }
        orbit_add(&lc, g->sols, known, x, a, r);
        g->loops = g->paths = g->failures = g->steps = g->moves = g->traces = 0;
        g->trace_defect = -1;
    }
    memcpy(origin, p0, (size_t)m * sizeof *p0);

    /* The legs' step cap (leg_max_steps), raised with each tightening of
     * the predictor below (so also after a resume, from predictor_tol),
     * and doubled for each loop in a row without a new solution: the last
     * solutions can be far out in the chart, reached only by long legs.
     * Derived from (predictor_tol, stall), both in the saved state, so a
     * resumed run uses the same caps. */
    long cap = opts->leg_max_steps > 0 ? opts->leg_max_steps : trk.max_steps;
    for (double tol = opts->track.predictor_tol; tol > 1.5 * trk.predictor_tol; tol /= 4) cap = cap / 3 * 4;

    long expected = opts->expected;
    for (;;) {
        size_t N = g->sols->count;
        if (expected > 0 && (long)N >= expected) break;
        /* The first loop with solutions not yet carried round it. */
        int j = 0;
        while (j < L.nloops && L.pos[j] >= N) j++;
        if (j == L.nloops) {
            /* The orbit under the loops drawn so far is closed. */
            if (L.nloops > 0) {
                /* Progress is a count above the best so far: after a
                 * base-point move that dropped solutions, finding them
                 * again is none. */
                stall = N > before ? 0 : stall + 1;
                lcn_logf(&opts->log, LCN_LOG_INFO,
                         "monodromy: %ld loops, %zu solutions%s%ld (%ld legs, %ld steps, %ld failed, %ld "
                         "\"singular\" ends kept as regular so far; %zu jumps)",
                         g->loops, N, expected > 0 ? " of " : "", expected > 0 ? expected : 0L, g->paths, g->steps,
                         g->failures, lc.rescued, jumps);
                long nfail = 0;
                for (int l = 0; l < 3; l++)
                    for (int st = 0; st < LCN_PATH_NSTATUS; st++) nfail += lfail[l][st];
                if (nfail > 0) {
#define LEGS3(st) lfail[0][st], lfail[1][st], lfail[2][st]
                    lcn_logf(&opts->log, LCN_LOG_INFO,
                             "monodromy: failed legs out/between/back: step cap %ld/%ld/%ld, singular "
                             "%ld/%ld/%ld, at infinity %ld/%ld/%ld, ill-conditioned %ld/%ld/%ld, step too small "
                             "%ld/%ld/%ld",
                             LEGS3(LCN_PATH_MAX_STEPS), LEGS3(LCN_PATH_SINGULAR), LEGS3(LCN_PATH_AT_INFINITY),
                             LEGS3(LCN_PATH_ILL_CONDITIONED), LEGS3(LCN_PATH_STEP_TOO_SMALL));
#undef LEGS3
                    memset(lfail, 0, sizeof lfail);
                }
                /* Two paths of one loop that ended at one point prove path
                 * jumping (the missing solutions are then likely badly
                 * conditioned ones that their paths jumped away from):
                 * track more carefully from now on. Few new solutions
                 * alone are no evidence of it: on Segre (4,4) the last
                 * ones are far out in the chart and reached by long legs,
                 * with no jump at all, and tightening there tripled the
                 * steps. */
                if (jumps > 0 && expected > 0 && track->predictor_tol > 1e-7) {
                    track->predictor_tol /= 4;
                    track->max_step /= 2;
                    /* steps grow like predictor_tol^(-1/5) (RK4) or ^(-1/6) (Hermite):
                       4^(1/5) = 1.32 */
                    cap = cap / 3 * 4;
                }
                jumps = 0;
            }
            /* The set is known to be incomplete: short of the expected
             * count, or (no count known) it failed the trace test below. */
            int short_of = expected > 0;
            /* No count known and a loop that found nothing: a complete set
             * passes the trace test, and then there is no need to wait
             * for max_stall such loops (nor, in lcn_gcache_obtain, for a
             * second base point to agree); one that fails it goes on like
             * a set short of a known count (base-point moves, no max_stall:
             * Segre (3,3) solved without its count stopped at 38 and 37 of
             * 39 on test seeds 3 and 6 when max_stall applied). */
            if (expected <= 0 && opts->trace && stall > 0) {
                /* The legs' cap: a path that needs more makes the test
                 * inconclusive, cheaply. (With no cap, one such path on
                 * Δ(4,2), seed 1, took 8 s.) */
                trk.max_steps = cap < opts->track.max_steps ? cap : opts->track.max_steps;
                /* An inconclusive test is tried again along other lines, so
                 * that the verdict here depends on the state alone (a
                 * resumed solve decides the same). */
                for (int attempt = 0; attempt < TRACE_ATTEMPTS; attempt++) {
                    size_t nfailed, nmet;
                    g->trace_defect = trace_test(&lc, g, buf, B, opts, attempt, &nfailed, &nmet);
                    if (g->trace_defect >= 0) break;
                    lcn_logf(&opts->log, LCN_LOG_INFO, "monodromy: trace test on %zu solutions inconclusive (%s)%s", N,
                             nmet ? "two paths met" : "a path failed",
                             attempt + 1 < TRACE_ATTEMPTS ? "; another line" : "");
                }
                if (g->trace_defect >= 0)
                    lcn_logf(&opts->log, LCN_LOG_INFO, "monodromy: trace test on %zu solutions: relative defect %.2g (%s)",
                             N, g->trace_defect, g->trace_defect < LCN_MONODROMY_TRACE_TOL ? "complete" : "solutions missing");
                if (g->trace_defect >= 0 && g->trace_defect < LCN_MONODROMY_TRACE_TOL) {
                    traced = 1;
                    break;
                }
                short_of = g->trace_defect >= 0;
            }
            if (!short_of && stall >= opts->max_stall) break;
            if (g->loops >= opts->max_loops) break;
            /* stall runs on across base-point moves: moves_stalled moves in
             * a row that found nothing give this base point up (the caller
             * may try another). */
            if (short_of && opts->move_after > 0 && opts->moves_stalled > 0 &&
                stall >= opts->move_after * (opts->moves_stalled + 1)) {
                lcn_logf(&opts->log, LCN_LOG_INFO,
                         "monodromy: no new solution in %d loops and %d base-point moves; giving this base point up",
                         stall, opts->moves_stalled);
                break;
            }
            if (short_of && opts->move_after > 0 && stall >= opts->move_after && stall % opts->move_after == 0) {
                /* The missing solutions may be badly conditioned at this
                 * base point (legs keep only regular endpoints) or fail
                 * the accept filter there; at another one they are not.
                 * The loops were based at the old point: start afresh. */
                for (int i = 0; i < m; i++) draw[i] = lcn_rng_cnormal(rng);
                trk.max_steps = opts->track.max_steps;
                size_t dropped = move_base(&lc, g, known, draw, buf, acc, resid, B, opts);
                lcn_logf(&opts->log, LCN_LOG_INFO,
                         "monodromy: no new solution in %d loops; moved the %zu solutions to a new base point "
                         "(%zu dropped, to be found again)", stall, N, dropped);
                loops_reset(&L);
                N = g->sols->count;
            }
            /* A fresh random polygon p0 -> c_1 -> ... -> c_K -> p0
             * (straight segments, gamma = 1), its corners generic complex
             * (or as opts->draw_corners draws them). */
            if (opts->draw_corners)
                opts->draw_corners(opts->draw_data, draw, K, m, g->p0, g->loops, rng);
            else
                for (int i = 0; i < K * m; i++) draw[i] = lcn_rng_cnormal(rng);
            loops_add(&L, draw, 0, kdim);
            g->loops++;
            if (N > before) before = N;
            continue;
        }
        trk.max_steps = opts->track.max_steps;
        if (opts->leg_max_steps > 0) {
            /* (Since the last base-point move, when there are moves.) */
            int since = (expected > 0 || opts->trace) && opts->move_after > 0 ? stall % opts->move_after : stall;
            long c = cap;
            for (int i = 0; i < since && c < trk.max_steps; i++) c *= 2;
            if (c < trk.max_steps) trk.max_steps = c;
        }
        /* Carry the next batch of solutions round loop j. */
        const double complex *c = L.corners + (size_t)j * K * m;
        size_t nb = N - L.pos[j];
        if (nb > B) nb = B;
        memcpy(buf, g->sols->x + L.pos[j] * (size_t)n, nb * (size_t)n * sizeof *buf);
        L.pos[j] += nb;
        double complex gamma_out = 1, gamma_back = 1;
        if (K == 1) lens_gammas(&gamma_out, &gamma_back, c, m);
        nb = leg(&lc, buf, NULL, NULL, g->p0, c, gamma_out, buf, nb, lfail[0]);
        for (int i = 1; i < K; i++)
            nb = leg(&lc, buf, NULL, NULL, c + (i - 1) * m, c + i * m, 1.0, buf, nb, lfail[1]);
        nb = leg(&lc, buf, acc, resid, c + (K - 1) * m, g->p0, gamma_back, buf, nb, lfail[2]);
        for (size_t i = 0; i < nb; i++) {
            const double complex *xi = buf + i * (size_t)n;
            /* (A loop maps orbits to orbits bijectively.) */
            if (!lcn_solution_set_add(&L.image[j], key_of(&lc, xi), 0, 0, 0, NULL)) jumps++;
            if (opts->accept && !opts->accept(opts->accept_data, xi)) continue;
            orbit_add(&lc, g->sols, known, xi, acc[i], resid[i]);
        }
        if (opts->hook) {
            lcn_monodromy_state_struct st = {.m = m, .corners = K, .nloops = L.nloops, .vertices = L.corners, .pos = L.pos,
                                             .before = before, .stall = stall, .rng = *rng,
                                             .predictor_tol = trk.predictor_tol, .max_step = trk.max_step,
                                             .origin = origin};
            g->seconds = seconds0 + now() - t0;
            if (opts->hook(opts->hook_data, g, &st)) {
                err = LCN_ERR_INTERRUPTED;
                goto cleanup;
            }
        }
    }
    lcn_logf(&opts->log, LCN_LOG_INFO, "monodromy: stopped with %zu solutions (%ld loops, %ld legs, %ld steps, %ld failed)",
             g->sols->count, g->loops, g->paths, g->steps, g->failures);
    if (expected > 0 && (long)g->sols->count > expected)
        lcn_logf(&opts->log, LCN_LOG_WARN, "monodromy: %zu solutions, more than the expected %ld",
                 g->sols->count, expected);
    g->complete = (expected > 0 && (long)g->sols->count == expected) || traced;
cleanup:
    g->seconds = seconds0 + now() - t0;
    lcn_result_clear(res);
    loops_clear(&L);
    lcn_free(x);
    lcn_free(buf);
    lcn_free(acc);
    lcn_free(resid);
    lcn_free(origin);
    lcn_free(draw);
    lcn_free(kbuf);
    lcn_solution_set_clear(known);
    return err;
}

lcn_err_t lcn_monodromy_trace_test(double *defect, lcn_generic_t g, const lcn_system_t sys,
                                   const lcn_monodromy_opts_t opts)
{
    *defect = -1;
    if (!opts->trace || opts->trace_dim < 1 || g->n != sys->n || g->m != sys->m) return LCN_ERR_ARG;
    const size_t B = opts->batch ? opts->batch : 256;
    lcn_solve_opts_struct trk = opts->track;
    trk.singular_cond = INFINITY; /* as in lcn_monodromy_solve */
    if (trk.endgame_start > LEG_ENDGAME_START) trk.endgame_start = LEG_ENDGAME_START;
    double complex *x = lcn_malloc_array((size_t)g->n, sizeof *x);
    double complex *buf = lcn_malloc_array(B * (size_t)g->n, sizeof *buf);
    lcn_result_t res;
    lcn_result_init(res);
    leg_ctx lc = {.opts = opts, .kbuf = NULL, .sys = sys, .g = g, .res = res, .track = &trk, .x = x};
    size_t nfailed, nmet;
    *defect = g->trace_defect = trace_test(&lc, g, buf, B, opts, 0, &nfailed, &nmet);
    lcn_result_clear(res);
    lcn_free(x);
    lcn_free(buf);
    return LCN_OK;
}

lcn_err_t lcn_generic_write(FILE *f, const lcn_generic_t g, const char *key)
{
    int n = g->n;
    fprintf(f, "lcncrit-generic 1\nkey %s\nn %d m %d\ncomplete %d\ncount %zu\n", key ? key : "-", n, g->m,
            g->complete, g->sols->count);
    for (int j = 0; j < g->m; j++) fprintf(f, "%a %a\n", creal(g->p0[j]), cimag(g->p0[j]));
    for (size_t i = 0; i < g->sols->count; i++) {
        for (int j = 0; j < n; j++) {
            double complex z = g->sols->x[i * (size_t)n + j];
            fprintf(f, "%s%a %a", j ? " " : "", creal(z), cimag(z));
        }
        fputc('\n', f);
    }
    return ferror(f) ? LCN_ERR_IO : LCN_OK;
}

lcn_err_t lcn_generic_read(lcn_generic_t g, FILE *f, const char *key, int n, int m)
{
    char kbuf[512];
    int version, fn, fm, complete;
    size_t count;
    if (fscanf(f, "lcncrit-generic %d key %511s n %d m %d complete %d count %zu", &version, kbuf, &fn, &fm,
               &complete, &count) != 6)
        return LCN_ERR_PARSE;
    if (version != 1 || fn != n || fm != m || (key && strcmp(key, kbuf))) return LCN_ERR_PARSE;
    if (count > ((size_t)1 << 32)) return LCN_ERR_PARSE;
    lcn_generic_clear(g);
    lcn_generic_init2(g, n, m);
    for (int j = 0; j < m; j++) {
        double re, im;
        if (fscanf(f, "%la %la", &re, &im) != 2) return LCN_ERR_PARSE;
        g->p0[j] = CMPLX(re, im);
    }
    double complex *x = lcn_malloc_array((size_t)n, sizeof *x);
    lcn_err_t err = LCN_OK;
    for (size_t i = 0; i < count && !err; i++) {
        for (int j = 0; j < n; j++) {
            double re, im;
            if (fscanf(f, "%la %la", &re, &im) != 2) {
                err = LCN_ERR_PARSE;
                break;
            }
            x[j] = CMPLX(re, im);
        }
        if (!err) lcn_solution_set_add(g->sols, x, 0, 0, 0, NULL);
    }
    lcn_free(x);
    if (!err && g->sols->count != count) err = LCN_ERR_PARSE;
    g->complete = complete;
    return err;
}
