/* Monodromy: the generic solution set from one seed pair (monodromy.h). */
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
     * and counted as failed; a later loop reaches what it would have. */
    o->leg_max_steps = 300;
    /* Segre (6,6), seed 1: the loops stalled at all but four solutions for
     * 12 loops at one base point (see move_base). */
    o->move_after = 3;
}

/* Track nin points from pa to pb on the straight segment; the regular
 * endpoints are compacted into out (which may alias in), their accuracy and
 * residual into acc and resid (both may be NULL). */
static size_t leg(double complex *out, double *acc, double *resid, lcn_result_t res, const lcn_system_t sys,
                  const double complex *pa, const double complex *pb, double complex gamma, const double complex *in,
                  size_t nin, const lcn_solve_opts_struct *o, long *paths, long *fails, long *steps)
{
    int n = sys->n;
    if (nin == 0) return 0;
    lcn_err_t err = lcn_solve_parameter(res, sys, pa, pb, gamma, in, nin, o);
    *paths += (long)nin;
    if (err) {
        *fails += (long)nin;
        return 0;
    }
    size_t j = 0;
    for (size_t i = 0; i < res->npaths; i++) {
        *steps += res->paths[i].steps_accepted + res->paths[i].steps_rejected;
        if (res->paths[i].status != LCN_PATH_SUCCESS) {
            (*fails)++;
            continue;
        }
        memcpy(out + j * n, res->paths[i].x, (size_t)n * sizeof *out);
        if (acc) acc[j] = res->paths[i].accuracy;
        if (resid) resid[j] = res->paths[i].residual;
        j++;
    }
    return j;
}

/* Carry the known solutions from g->p0 to the new base point pb (one
 * straight segment, the legs' step control without their cap) and make pb
 * the base. A solution whose path fails is dropped from the set: the loops
 * at pb reach it again. Returns the number dropped. */
static size_t move_base(lcn_generic_t g, const lcn_system_t sys, const double complex *pb, double complex *buf,
                        double *acc, double *resid, size_t B, lcn_result_t res, const lcn_solve_opts_struct *track,
                        const lcn_monodromy_opts_struct *opts)
{
    int n = g->n;
    size_t N = g->sols->count;
    lcn_solution_set_t moved;
    lcn_solution_set_init(moved, n);
    for (size_t pos = 0; pos < N; pos += B) {
        size_t nb = N - pos < B ? N - pos : B;
        memcpy(buf, g->sols->x + pos * (size_t)n, nb * (size_t)n * sizeof *buf);
        nb = leg(buf, acc, resid, res, sys, g->p0, pb, 1.0, buf, nb, track, &g->paths, &g->failures, &g->steps);
        for (size_t i = 0; i < nb; i++) {
            const double complex *xi = buf + i * (size_t)n;
            if (opts->accept && !opts->accept(opts->accept_data, xi)) continue;
            lcn_solution_set_add(moved, xi, acc[i], resid[i], 0, NULL);
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

lcn_err_t lcn_monodromy_solve(lcn_generic_t g, const lcn_system_t sys, const double complex *x0,
                              const double complex *p0, const lcn_monodromy_opts_t opts)
{
    int n = sys->n, m = sys->m;
    if (g->n != n || g->m != m || n < 1) return LCN_ERR_ARG;
    double t0 = now();
    lcn_err_t err = LCN_OK;
    size_t B = opts->batch ? opts->batch : 256;
    double complex *x = lcn_malloc_array((size_t)n, sizeof *x);
    double complex *buf = lcn_malloc_array(B * (size_t)n, sizeof *buf);
    double *acc = lcn_malloc_array(B, sizeof *acc), *resid = lcn_malloc_array(B, sizeof *resid);
    double complex *origin = lcn_malloc_array((size_t)(m ? m : 1), sizeof *origin);
    double complex *p1 = lcn_malloc_array((size_t)(m ? m : 1), sizeof *p1);
    double complex *p2 = lcn_malloc_array((size_t)(m ? m : 1), sizeof *p2);
    lcn_result_t res;
    lcn_result_init(res);
    lcn_rng_t rng;
    lcn_rng_init(rng, opts->seed, MONODROMY_STREAM);
    /* The endpoints of one loop: a loop maps distinct solutions to distinct
     * solutions, so two paths of one loop ending at the same point prove
     * that one of them jumped. (After a resume mid-loop, only the rest of
     * the loop is seen.) */
    lcn_solution_set_t image;
    lcn_solution_set_init(image, n);
    lcn_solve_opts_struct trk = opts->track, *track = &trk;
    int stall = 0, in_loop = 0;
    size_t before = 0, pos = 0, jumps = 0;
    const lcn_monodromy_state_struct *rs = opts->resume;
    double seconds0 = 0;

    if (rs) {
        /* Continue between two batches of loop g->loops, exactly as saved. */
        if (rs->m != m || memcmp(rs->origin, p0, (size_t)m * sizeof *p0)) {
            err = LCN_ERR_ARG;
            goto cleanup;
        }
        memcpy(p1, rs->p1, (size_t)m * sizeof *p1);
        memcpy(p2, rs->p2, (size_t)m * sizeof *p2);
        *rng = rs->rng;
        pos = rs->pos;
        before = rs->before;
        stall = rs->stall;
        trk.predictor_tol = rs->predictor_tol;
        trk.max_step = rs->max_step;
        seconds0 = g->seconds;
        in_loop = 1;
    } else {
        memcpy(g->p0, p0, (size_t)m * sizeof *p0);
        lcn_solution_set_reset(g->sols);
        memcpy(x, x0, (size_t)n * sizeof *x);
        double acc, resid;
        if (lcn_newton_refine(x, &acc, &resid, sys, p0, 128, 30) != LCN_OK) {
            err = LCN_ERR_ARG;
            goto cleanup;
        }
        lcn_solution_set_add(g->sols, x, acc, resid, 0, NULL);
        g->loops = g->paths = g->failures = g->steps = g->moves = 0;
    }
    memcpy(origin, p0, (size_t)m * sizeof *p0);

    /* The legs' step cap (leg_max_steps), raised with each tightening of
     * the predictor below (so also after a resume, from predictor_tol),
     * and doubled for each loop in a row without a new solution: the last
     * solutions can be far out in the chart, reached only by long legs.
     * (On Segre (6,6), seed 1, this cut the failed legs of a stalled loop
     * from about 950 to about 60 of 53000, but the run still stalled at
     * all but four solutions from loop 16 to 22: the cap is not what hides those
     * four.) Derived from (predictor_tol, stall), both in the saved state,
     * so a resumed run uses the same caps. */
    long cap = opts->leg_max_steps > 0 ? opts->leg_max_steps : trk.max_steps;
    for (double tol = opts->track.predictor_tol; tol > 1.5 * trk.predictor_tol; tol /= 4) cap = cap / 3 * 4;

    long expected = opts->expected;
    for (; g->loops < opts->max_loops; g->loops++, in_loop = 0) {
        if (!in_loop) {
            if (expected > 0 && (long)g->sols->count >= expected) break;
            if (expected <= 0 && stall >= opts->max_stall) break;
            if (expected > 0 && opts->move_after > 0 && stall >= opts->move_after) {
                /* The missing solutions may be badly conditioned at this
                 * base point (legs keep only regular endpoints) or fail
                 * the accept filter there; at another one they are not. */
                for (int j = 0; j < m; j++) p1[j] = lcn_rng_cnormal(rng);
                trk.max_steps = opts->track.max_steps;
                size_t had = g->sols->count;
                size_t dropped = move_base(g, sys, p1, buf, acc, resid, B, res, track, opts);
                lcn_logf(&opts->log, LCN_LOG_INFO,
                         "monodromy: no new solution in %d loops; moved the %zu solutions to a new base point "
                         "(%zu dropped, to be found again)", stall, had, dropped);
                stall = 0;
            }
            /* A fresh random triangle p0 -> p1 -> p2 -> p0 (straight segments,
             * gamma = 1), p1 and p2 generic complex. (Two-leg loops along
             * gamma-arcs were tried: they enclose only a lens around one segment
             * and needed 3.6 times the legs on Segre (4,4).) */
            for (int j = 0; j < m; j++) p1[j] = lcn_rng_cnormal(rng);
            for (int j = 0; j < m; j++) p2[j] = lcn_rng_cnormal(rng);
            before = g->sols->count;
            pos = 0;
            jumps = 0;
            lcn_solution_set_reset(image);
        }
        trk.max_steps = opts->track.max_steps;
        if (opts->leg_max_steps > 0) {
            long c = cap;
            for (int i = 0; i < stall && c < trk.max_steps; i++) c *= 2;
            if (c < trk.max_steps) trk.max_steps = c;
        }
        while (pos < g->sols->count && !(expected > 0 && (long)g->sols->count >= expected)) {
            size_t nb = g->sols->count - pos;
            if (nb > B) nb = B;
            memcpy(buf, g->sols->x + pos * (size_t)n, nb * (size_t)n * sizeof *buf);
            pos += nb;
            nb = leg(buf, NULL, NULL, res, sys, g->p0, p1, 1.0, buf, nb, track, &g->paths, &g->failures, &g->steps);
            nb = leg(buf, NULL, NULL, res, sys, p1, p2, 1.0, buf, nb, track, &g->paths, &g->failures, &g->steps);
            nb = leg(buf, acc, resid, res, sys, p2, g->p0, 1.0, buf, nb, track, &g->paths, &g->failures, &g->steps);
            for (size_t i = 0; i < nb; i++) {
                const double complex *xi = buf + i * (size_t)n;
                if (!lcn_solution_set_add(image, xi, 0, 0, 0, NULL)) jumps++;
                if (opts->accept && !opts->accept(opts->accept_data, xi)) continue;
                lcn_solution_set_add(g->sols, xi, acc[i], resid[i], 0, NULL);
            }
            if (opts->hook) {
                lcn_monodromy_state_struct st = {.m = m, .p1 = p1, .p2 = p2, .pos = pos, .before = before,
                                                 .stall = stall, .rng = *rng, .predictor_tol = trk.predictor_tol,
                                                 .max_step = trk.max_step, .origin = origin};
                g->seconds = seconds0 + now() - t0;
                if (opts->hook(opts->hook_data, g, &st)) {
                    err = LCN_ERR_INTERRUPTED;
                    goto cleanup;
                }
            }
        }
        stall = g->sols->count == before ? stall + 1 : 0;
        lcn_logf(&opts->log, LCN_LOG_INFO,
                 "monodromy: loop %ld, %zu solutions%s%ld (%ld legs, %ld steps, %ld failed so far; %zu jumps in this loop)",
                 g->loops + 1, g->sols->count, expected > 0 ? " of " : "", expected > 0 ? expected : 0L, g->paths,
                 g->steps, g->failures, jumps);
        /* Two paths of this loop that ended at one point prove path jumping
         * (the missing solutions are then likely badly conditioned ones
         * that their paths jumped away from): track more carefully from now
         * on. Few new solutions alone are no evidence of it: on Segre (4,4)
         * the last ones are far out in the chart and reached by long legs,
         * with no jump at all, and tightening there tripled the steps. */
        if (jumps > 0 && expected > 0 && (long)g->sols->count < expected && track->predictor_tol > 1e-7) {
            track->predictor_tol /= 4;
            track->max_step /= 2;
            /* RK4: steps grow like predictor_tol^(-1/5), 4^(1/5) = 1.32 */
            cap = cap / 3 * 4;
        }
    }
    if (expected > 0 && (long)g->sols->count > expected)
        lcn_logf(&opts->log, LCN_LOG_WARN, "monodromy: %zu solutions, more than the expected %ld",
                 g->sols->count, expected);
    g->complete = expected > 0 && (long)g->sols->count == expected;
cleanup:
    g->seconds = seconds0 + now() - t0;
    lcn_result_clear(res);
    lcn_solution_set_clear(image);
    lcn_free(x);
    lcn_free(buf);
    lcn_free(p1);
    lcn_free(p2);
    lcn_free(acc);
    lcn_free(resid);
    lcn_free(origin);
    return err;
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
