/* The parameter homotopy to the user's data and the post-processing
 * (critpoints.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "lcncrit/critpoints.h"
#include "lcncrit/checkpoint.h"
#include "lcncrit/newton.h"
#include "lcncrit/rng.h"

/* Stream of the gamma of the final parameter homotopy. */
#define GAMMA_STREAM 0x47414d4du
/* A point is real when max |Im| <= REAL_TOL · max |.|: refined points are
 * accurate to ~1e-15, complex-conjugate pairs of the test problems are
 * separated by far more than 1e-8. */
#define REAL_TOL 1e-8
/* Relative tolerance of the degeneracy test (c p(t) = 0, two equal roots). */
#define DEGENERATE_TOL 1e-8
/* Two refined w (or θ) closer than this, relative to max(1, |.|), are one point. */
#define DEDUP_TOL 1e-8

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void lcn_critpoints_init(lcn_critpoints_t cp)
{
    memset(cp, 0, sizeof *cp);
}

void lcn_critpoints_clear(lcn_critpoints_t cp)
{
    for (size_t i = 0; i < cp->count; i++) {
        lcn_free(cp->pts[i].theta);
        lcn_free(cp->pts[i].w);
    }
    lcn_free(cp->pts);
    memset(cp, 0, sizeof *cp);
}

int lcn_is_projectively_real(const double complex *v, int len, double tol)
{
    int jm = 0;
    for (int j = 1; j < len; j++)
        if (cabs(v[j]) > cabs(v[jm])) jm = j;
    if (cabs(v[jm]) == 0) return 1;
    for (int j = 0; j < len; j++)
        if (fabs(cimag(v[j] / v[jm])) > tol) return 0;
    return 1;
}

int lcn_critsys_layers(double complex *filters, const lcn_critsys_t cs, const double complex *theta)
{
    double complex v[LCN_CRITSYS_MAX_FACTORS * 8 + 400], comp = theta[0];
    double complex *fl[LCN_CRITSYS_MAX_FACTORS];
    int total = 0, f = 0;
    /* Factors appear in the order of the architecture's layers of size >= 2. */
    for (int l = 0; l < cs->L; l++) {
        int kl = cs->kind == LCN_CRITSYS_LOCUS ? 2 : cs->arch_k[l];
        double complex *out = filters + total;
        total += kl;
        if (kl == 1) {
            out[0] = 1;
            continue;
        }
        fl[f] = out;
        lcn_critsys_factor(out, cs, f, theta);
        if (f > 0) {
            int jm = 0;
            for (int j = 1; j < kl; j++)
                if (cabs(out[j]) > cabs(out[jm])) jm = j;
            double complex piv = out[jm];
            double s = 0;
            for (int j = 0; j < kl; j++) {
                v[j] = out[j] / piv;
                s += creal(v[j]) * creal(v[j]) + cimag(v[j]) * cimag(v[j]);
            }
            s = sqrt(s);
            for (int j = 0; j < kl; j++) out[j] = v[j] / s;
            comp *= piv * s;
        }
        f++;
    }
    if (f > 0)
        for (int j = 0; j < cs->fk[0]; j++) fl[0][j] *= comp;
    return total;
}

/* θ is "real" for the classification: w real, and for (P) every layer. */
static int classify_real(const lcn_critsys_t cs, const double complex *theta, const double complex *w)
{
    if (!lcn_is_projectively_real(w, cs->k, REAL_TOL)) return 0;
    double wmax = 0;
    for (int j = 0; j < cs->k; j++) wmax = fmax(wmax, cabs(w[j]));
    for (int j = 0; j < cs->k; j++)
        if (fabs(cimag(w[j])) > REAL_TOL * fmax(1, wmax)) return 0;
    if (cs->kind == LCN_CRITSYS_PARAMS)
        for (int i = 0; i < cs->r; i++) {
            double complex v[400];
            lcn_critsys_factor(v, cs, i, theta);
            if (!lcn_is_projectively_real(v, cs->fk[i], REAL_TOL)) return 0;
        }
    return 1;
}

static int cmp_pts(const void *a, const void *b)
{
    const lcn_critpoint_struct *x = a, *y = b;
    if (x->real != y->real) return y->real - x->real;
    /* Round the loss to 10 significant digits so that the order does not
     * depend on the last bits. */
    double lx = x->loss, ly = y->loss, sc = fmax(1, fmax(fabs(lx), fabs(ly)));
    if (fabs(lx - ly) > 1e-10 * sc) return lx < ly ? -1 : 1;
    return 0;
}

/* Stable order on ties: by w, real parts then imaginary parts. */
static int cmp_pts_full(const void *a, const void *b, int k)
{
    int c = cmp_pts(a, b);
    if (c) return c;
    const lcn_critpoint_struct *x = a, *y = b;
    for (int j = 0; j < k; j++) {
        double s = fmax(1, fmax(cabs(x->w[j]), cabs(y->w[j])));
        if (fabs(creal(x->w[j]) - creal(y->w[j])) > 1e-8 * s) return creal(x->w[j]) < creal(y->w[j]) ? -1 : 1;
        if (fabs(cimag(x->w[j]) - cimag(y->w[j])) > 1e-8 * s) return cimag(x->w[j]) < cimag(y->w[j]) ? -1 : 1;
    }
    return 0;
}

static void sort_pts(lcn_critpoint_struct *p, size_t n, int k)
{
    /* Insertion sort: the point lists are at most a few tens of thousands
     * and nearly always far smaller; stable and needs no global state. */
    for (size_t i = 1; i < n; i++) {
        lcn_critpoint_struct t = p[i];
        size_t j = i;
        while (j > 0 && cmp_pts_full(&p[j - 1], &t, k) > 0) {
            p[j] = p[j - 1];
            j--;
        }
        p[j] = t;
    }
}

/* Newton at the target: 1 regular, 2 degenerate, 0 not a regular
 * solution (singular, infinite, failed, or Newton does not converge).
 * Double first: quadratic convergence to 1e-14 with cond(F_x) below 1e8
 * proves a regular solution to double accuracy (and the α-test certifies
 * it later), if its residual meets the bound the tests ask for (1e-12,
 * issue 4; far out in a chart the rounding of F's evaluation can exceed
 * it: 2.5e-12 at |θ| = 5 seen on the KMMT22 example with other charts).
 * Anything else is decided and refined in MPC, never by double alone: on
 * Segre (5,5) the MPC Newton of every endpoint took 6 of the 15 s of the
 * main pass. */
#define REFINE_DOUBLE_COND 1e8
#define REFINE_DOUBLE_RESIDUAL 1e-12
static int refine(lcn_path_result_struct *r, double *acc, double *rsd, const lcn_critsys_t cs, lcn_system_ws_t ws,
                  const double complex *p1, double umax)
{
    if (r->status != LCN_PATH_SUCCESS && r->status != LCN_PATH_SINGULAR) return 0;
    double complex *x = lcn_malloc_array((size_t)cs->n, sizeof *x);
    memcpy(x, r->x, (size_t)cs->n * sizeof *x);
    double cond = INFINITY;
    int done = lcn_newton_refine_d(x, acc, rsd, &cond, cs->sys, ws, p1, 1e-14, 8) == LCN_OK &&
               cond < REFINE_DOUBLE_COND && *rsd < REFINE_DOUBLE_RESIDUAL;
    if (done) memcpy(r->x, x, (size_t)cs->n * sizeof *x);
    lcn_free(x);
    if (!done && lcn_newton_refine(r->x, acc, rsd, cs->sys, p1, 128, 12) != LCN_OK) return 0;
    return lcn_critsys_is_degenerate(cs, r->x, DEGENERATE_TOL * fmax(1, umax), DEGENERATE_TOL) ? 2 : 1;
}

/* The main pass of the parameter homotopy on the line system (s from 1 to
 * 0); with hooks in batches, skipping the paths an earlier run finished. */
static lcn_err_t track_paths(lcn_result_t res, const lcn_system_t line, double complex gamma,
                             const double complex *starts, size_t N, const lcn_solve_opts_struct *opts,
                             const lcn_critpoints_hook_struct *hook)
{
    const double complex s1 = 1, s0 = 0;
    if (!hook) return lcn_solve_parameter(res, line, &s1, &s0, gamma, starts, N, opts);
    int n = line->n;
    size_t B = hook->batch_size ? hook->batch_size : 64;
    lcn_result_init2(res, n, N);
    unsigned char *done = lcn_calloc(N ? N : 1, 1);
    size_t *idx = lcn_malloc_array(B, sizeof *idx);
    double complex *st = lcn_malloc_array(B * (size_t)n, sizeof *st);
    lcn_err_t err = hook->resume ? hook->resume(hook->data, res, done, starts) : LCN_OK;
    for (size_t i = 0; !err;) {
        size_t nb = 0;
        for (; i < N && nb < B; i++)
            if (!done[i]) {
                memcpy(st + nb * (size_t)n, starts + i * (size_t)n, (size_t)n * sizeof *st);
                idx[nb++] = i;
            }
        if (!nb) break;
        lcn_result_t part;
        lcn_result_init(part);
        err = lcn_solve_parameter(part, line, &s1, &s0, gamma, st, nb, opts);
        for (size_t j = 0; j < nb && !err; j++) {
            lcn_path_result_struct h = res->paths[idx[j]];
            res->paths[idx[j]] = part->paths[j];
            part->paths[j] = h;
            done[idx[j]] = 1;
        }
        lcn_result_clear(part);
        if (!err && hook->batch && hook->batch(hook->data, res, done)) err = LCN_ERR_INTERRUPTED;
    }
    lcn_free(done);
    lcn_free(idx);
    lcn_free(st);
    return err;
}

/* What every run of the parameter homotopy shares. */
typedef struct {
    const lcn_critsys_struct *cs;
    const lcn_system_struct *line;
    const double complex *p1;
    double umax;
    int nth;
    /* Endpoints are told apart by w for a root locus (the generic set
     * holds one θ per orbit of relabellings, so two paths ending at
     * relabellings of one θ mean a jump, as two ending at one θ do), by θ
     * otherwise. kdim: k or n. */
    int by_w, kdim;
} run_ctx;

/* The key that tells endpoints apart (see run_ctx): θ itself, or w in buf. */
static const double complex *endpoint_key(const run_ctx *c, const double complex *theta, double complex *buf)
{
    if (!c->by_w) return theta;
    lcn_critsys_w(buf, NULL, c->cs, theta);
    return buf;
}

/* One run along gamma from the n-vectors starts to p1 (on the line
 * system), each endpoint refined in MPC: ok[i] as refine(). */
static lcn_err_t track_refine(lcn_result_t res, int *ok, double *acc, double *rsd, const run_ctx *c,
                              double complex gamma, const double complex *starts, size_t N,
                              const lcn_solve_opts_struct *o, const lcn_critpoints_hook_struct *hook)
{
    lcn_err_t err = track_paths(res, c->line, gamma, starts, N, o, hook);
    if (err) return err;
#pragma omp parallel num_threads(c->nth)
    {
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, c->cs->sys);
#pragma omp for schedule(dynamic, 4)
        for (size_t i = 0; i < N; i++) ok[i] = refine(&res->paths[i], &acc[i], &rsd[i], c->cs, ws, c->p1, c->umax);
        lcn_system_ws_clear(ws);
    }
    return LCN_OK;
}

/* redo[i] = 1 for the paths that need another look: a tracker failure,
 * or a regular endpoint that another path reached too (every member of
 * the group, or with all_members = 0 every member but the first).
 * Returns the number marked. */
/* Path j of a re-track (src, with its refinement ok2/acc2/rsd2) replaces
 * path i of the main result; the old result moves to src, which frees it. */
static void take_path(lcn_result_t res, int *ok, double *acc, double *rsd, size_t i, lcn_result_t src,
                      const int *ok2, const double *acc2, const double *rsd2, size_t j)
{
    lcn_path_result_struct h = res->paths[i];
    res->paths[i] = src->paths[j];
    src->paths[j] = h;
    ok[i] = ok2[j];
    acc[i] = acc2[j];
    rsd[i] = rsd2[j];
}

/* The step budget of a re-tracked path: 20 times the median number of
 * steps of the regular paths, at least 500, at most the main pass's budget.
 * A path that crawls (its arc passes near a pole of the chart) used the
 * whole budget of the main pass, and crawls again at smaller steps: with
 * the full budget four such paths cost as much as the 2205 paths of Segre
 * (5,5). What the careful rounds cannot finish goes to the new gammas. */
static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static long retrack_budget(const lcn_result_t res, const int *ok, size_t N, long max_steps)
{
    long *steps = lcn_malloc_array(N ? N : 1, sizeof *steps);
    size_t m = 0;
    for (size_t i = 0; i < N; i++)
        if (ok[i] == 1) steps[m++] = res->paths[i].steps_accepted + res->paths[i].steps_rejected;
    long budget = max_steps;
    if (m) {
        qsort(steps, m, sizeof *steps, cmp_long);
        long b = 20 * steps[m / 2];
        if (b < 500) b = 500;
        if (b < budget) budget = b;
    }
    lcn_free(steps);
    return budget;
}

static size_t mark_unresolved(int *redo, const lcn_result_t res, const int *ok, const double *acc,
                              const double *rsd, size_t N, const run_ctx *c, int all_members)
{
    size_t *owner = lcn_malloc_array(N ? N : 1, sizeof *owner), nf = 0;
    for (size_t i = 0; i < N; i++) redo[i] = lcn_path_status_is_failure(res->paths[i].status) != 0;
    lcn_solution_set_t seen;
    lcn_solution_set_init(seen, c->kdim);
    seen->tol = DEDUP_TOL;
    double complex *kb = lcn_malloc_array((size_t)c->kdim, sizeof *kb);
    for (size_t i = 0; i < N; i++) {
        if (ok[i] != 1) continue;
        size_t at;
        if (lcn_solution_set_add(seen, endpoint_key(c, res->paths[i].x, kb), acc[i], rsd[i], 0, &at)) {
            owner[at] = i;
        } else {
            redo[i] = 1;
            if (all_members) redo[owner[at]] = 1;
        }
    }
    lcn_solution_set_clear(seen);
    lcn_free(kb);
    for (size_t i = 0; i < N; i++) nf += redo[i] != 0;
    lcn_free(owner);
    return nf;
}

/* Last resort for paths still unresolved after the careful rounds. Seen:
 * (P) k = (3,2,2), component λ=2,1,1: along the arc one path nears a point
 * where a root's chart coordinate t goes to infinity while c goes to 0
 * (c·t stays finite: a pole of the chart, not of the solution); the steps
 * shrink with 1/|t|, cond(H_x) reaches 1e19, and the path runs out of
 * steps at any step size or precision. Track all N starts again along a new gamma, whose arc
 * avoids that point, and take the union of the regular endpoints of both
 * runs, deduplicated like the endpoints (run_ctx). Sound: each regular endpoint is a
 * Newton-verified isolated solution of the target system, and there are
 * at most N of them (the generic count bounds the regular solutions of
 * every member of the family). A new endpoint takes the place of an
 * unresolved path (slot); if there are more new endpoints than unresolved
 * paths, of a path that ended singular or at infinity in the first run,
 * which then must have jumped onto that end. only_unresolved: track only
 * the unresolved starts (the same union; tried first, since their new ends
 * are usually new points and the whole run is N paths). Returns the number
 * of endpoints taken over. */
static size_t union_new_gamma(lcn_result_t res, int *ok, double *acc, double *rsd, int *redo, const run_ctx *c,
                              double complex gamma, const double complex *starts, size_t N, int n,
                              const lcn_solve_opts_struct *o, int only_unresolved, lcn_err_t *err)
{
    lcn_result_t two;
    lcn_result_init(two);
    int *ok2 = lcn_calloc(N ? N : 1, sizeof *ok2);
    double *acc2 = lcn_calloc(N ? N : 1, sizeof *acc2), *rsd2 = lcn_calloc(N ? N : 1, sizeof *rsd2);
    size_t taken = 0, M = N;
    const double complex *st = starts;
    double complex *sub = NULL;
    if (only_unresolved) {
        /* The same union over the unresolved starts alone: enough when
         * their new ends are all new points (typical), and a few paths
         * instead of N. */
        sub = lcn_malloc_array(N * (size_t)n + 1, sizeof *sub);
        M = 0;
        for (size_t i = 0; i < N; i++)
            if (redo[i]) memcpy(sub + M++ * (size_t)n, starts + i * (size_t)n, (size_t)n * sizeof *sub);
        st = sub;
    }
    *err = track_refine(two, ok2, acc2, rsd2, c, gamma, st, M, o, NULL);
    if (!*err) {
        /* Every finite regular endpoint of the first run that stays. */
        lcn_solution_set_t have;
        lcn_solution_set_init(have, c->kdim);
        have->tol = DEDUP_TOL;
        double complex *kb = lcn_malloc_array((size_t)c->kdim, sizeof *kb);
        for (size_t i = 0; i < N; i++)
            if (ok[i] != 0 && !redo[i])
                lcn_solution_set_add(have, endpoint_key(c, res->paths[i].x, kb), acc[i], rsd[i], 0, NULL);
        size_t slot = 0, spare = 0;
        for (size_t j = 0; j < M; j++) {
            if (ok2[j] == 0 ||
                !lcn_solution_set_add(have, endpoint_key(c, two->paths[j].x, kb), acc2[j], rsd2[j], 0, NULL))
                continue;
            while (slot < N && !redo[slot]) slot++;
            size_t i = slot;
            if (i == N) {
                while (spare < N && (ok[spare] != 0 || redo[spare])) spare++;
                i = spare;
            }
            if (i == N) {
                lcn_logf(&o->log, LCN_LOG_WARN,
                         "a second gamma found more regular endpoints than paths: dedup tolerance too tight?");
                break;
            }
            take_path(res, ok, acc, rsd, i, two, ok2, acc2, rsd2, j);
            redo[i] = 0;
            taken++;
        }
        lcn_solution_set_clear(have);
        lcn_free(kb);
    }
    lcn_free(sub);
    lcn_free(ok2);
    lcn_free(acc2);
    lcn_free(rsd2);
    lcn_result_clear(two);
    return taken;
}

/* Seed offset of the other charts of rechart_paths. */
#define RECHART_SEED UINT64_C(0x7265636861727431) /* "rechart1" */

/* Paths tracked again along the same gamma in other charts (drawn from
 * the system's seed and salt): first (after the main pass) those that ran
 * out of steps and those whose end Newton could not refine (the endgame
 * called it singular, or it ended close to the chart's hyperplane at
 * infinity, where a regular point is badly conditioned); then (after the
 * careful rounds) those marked in redo that still fail.
 * Such a path ran out of steps: its arc passes near a pole of the chart,
 * where a root's chart coordinate t goes to infinity while c goes to 0
 * (the point itself stays finite), and it crawls there at any step size
 * or precision. The pole is the chart's, not the problem's: in other
 * random charts the same path, the same curve of critical points w, is
 * an ordinary one. Its start and end are carried between the charts
 * through their factor points (lcn_critsys_theta_rechart), so the
 * start-to-end matching is the one of the first run, and the end is
 * refined in the system's own chart. Returns the number of paths that
 * now end at a point Newton proves regular (or degenerate). */
static size_t rechart_paths(lcn_result_t res, int *ok, double *acc, double *rsd, const int *redo, const run_ctx *c,
                            double complex gamma, const double complex *starts, size_t N,
                            const double complex *p0, const lcn_solve_opts_struct *o, int first,
                            uint64_t salt, lcn_err_t *err)
{
    const lcn_critsys_struct *cs = c->cs;
    int n = cs->n;
    size_t M = 0, done = 0;
    size_t *idx = lcn_malloc_array(N ? N : 1, sizeof *idx);
    for (size_t i = 0; i < N; i++) {
        lcn_path_status_t st = res->paths[i].status;
        int unrefined = (st == LCN_PATH_SUCCESS || st == LCN_PATH_SINGULAR) && ok[i] == 0;
        if (first ? st == LCN_PATH_MAX_STEPS || unrefined : redo[i] && lcn_path_status_is_failure(st)) idx[M++] = i;
    }
    lcn_critsys_t cs2;
    if (!M || lcn_critsys_init_rechart(cs2, cs, cs->seed ^ RECHART_SEED ^ salt) != LCN_OK) {
        lcn_free(idx);
        return 0;
    }
    lcn_system_t line2;
    *err = lcn_critsys_line_system(line2, cs2, p0, c->p1);
    if (*err) {
        lcn_critsys_clear(cs2);
        lcn_free(idx);
        return 0;
    }
    /* The starts in the other charts (a start on their hyperplane at
     * infinity, probability zero, is left as it was). */
    double complex *st = lcn_malloc_array(M * (size_t)n, sizeof *st);
    size_t *which = lcn_malloc_array(M, sizeof *which), K = 0;
    for (size_t j = 0; j < M; j++)
        if (lcn_critsys_theta_rechart(st + K * (size_t)n, cs2, cs, starts + idx[j] * (size_t)n) == LCN_OK)
            which[K++] = idx[j];
    lcn_result_t two;
    lcn_result_init(two);
    *err = track_paths(two, line2, gamma, st, K, o, NULL);
    if (!*err) {
        int *ok2 = lcn_calloc(K ? K : 1, sizeof *ok2);
        double *acc2 = lcn_calloc(K ? K : 1, sizeof *acc2), *rsd2 = lcn_calloc(K ? K : 1, sizeof *rsd2);
        double complex *x = lcn_malloc_array((size_t)n, sizeof *x);
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, cs->sys);
        for (size_t j = 0; j < K; j++) {
            lcn_path_result_struct *q = &two->paths[j];
            if (q->status != LCN_PATH_SUCCESS && q->status != LCN_PATH_SINGULAR) continue;
            /* Only an end that Newton proves regular (or degenerate) in
             * the system's own charts is taken: anything else stays
             * unresolved for the careful rounds and the new gammas. */
            if (lcn_critsys_theta_rechart(x, cs, cs2, q->x) != LCN_OK) continue;
            memcpy(q->x, x, (size_t)n * sizeof *x);
            ok2[j] = refine(q, &acc2[j], &rsd2[j], cs, ws, c->p1, c->umax);
            if (!ok2[j]) continue;
            take_path(res, ok, acc, rsd, which[j], two, ok2, acc2, rsd2, j);
            done++;
        }
        lcn_system_ws_clear(ws);
        lcn_free(x);
        lcn_free(ok2);
        lcn_free(acc2);
        lcn_free(rsd2);
    }
    lcn_result_clear(two);
    lcn_free(st);
    lcn_free(which);
    lcn_free(idx);
    lcn_system_clear(line2);
    lcn_critsys_clear(cs2);
    return done;
}

/* Step budget of the main pass (see there). */
#define MAIN_PASS_MAX_STEPS 4000
#define MAIN_PASS_MAX_STEPS_MP 300
/* Precision of the last round of careful re-tracking. */
#define CAREFUL_PREC 128
/* Tracks of the gammas after the first: the union needs few of them. */
#define MAX_EXTRA_GAMMAS 2

lcn_err_t lcn_critpoints_solve(lcn_critpoints_t cp, const lcn_critsys_t cs, const lcn_generic_t g,
                               const double complex *p1, const lcn_solve_opts_t opts)
{
    return lcn_critpoints_solve_hooked(cp, cs, g, p1, opts, NULL);
}

lcn_err_t lcn_critpoints_solve_hooked(lcn_critpoints_t cp, const lcn_critsys_t cs, const lcn_generic_t g,
                                      const double complex *p1, const lcn_solve_opts_t opts,
                                      const lcn_critpoints_hook_struct *hook)
{
    int n = cs->n, k = cs->k, m = cs->m;
    if (g->n != n || g->m != m) return LCN_ERR_ARG;
    double t0 = now();
    lcn_critpoints_clear(cp);
    cp->n = n;
    cp->k = k;
    cp->real_data = 1;
    for (int j = 0; j < m; j++)
        if (cimag(p1[j]) != 0) cp->real_data = 0;

    lcn_rng_t rng;
    lcn_rng_init(rng, opts->seed, GAMMA_STREAM);
    double complex gamma = lcn_rng_unit(rng);
    lcn_result_t res;
    lcn_result_init(res);
    size_t N = g->sols->count;
    /* Track on the line through p0 and p1 (one parameter: a step costs about
     * half as much as in the full system); refine in the full system below. */
    lcn_system_t line;
    lcn_err_t err = lcn_critsys_line_system(line, cs, g->p0, p1);
    if (err) {
        lcn_result_clear(res);
        return err;
    }
    int by_w = cs->kind == LCN_CRITSYS_LOCUS;
    run_ctx ctx = {cs, line, p1, 0, 1, by_w, by_w ? k : n};
    for (int j = 0; j < k; j++) ctx.umax = fmax(ctx.umax, cabs(p1[j]));
#ifdef _OPENMP
    ctx.nth = opts->threads > 0 ? opts->threads : omp_get_max_threads();
#endif
    /* ok[i]: 1 regular, 2 degenerate, 0 not a regular solution (singular,
     * infinite or failed). */
    int *ok = lcn_calloc(N ? N : 1, sizeof *ok);
    double *acc = lcn_calloc(N ? N : 1, sizeof *acc), *rsd = lcn_calloc(N ? N : 1, sizeof *rsd);
    /* The main pass with the checkpoint hooks; the re-tracks below are
     * short and not checkpointed. */
    /* The main pass's step budget: a path that crawls (its arc passes near
     * a pole of the chart) would spend all of max_steps (20000) before the
     * careful rounds and the new gammas, whose budget is far smaller, take
     * over: on Segre (5,5) four such paths took 3.6 of the main pass's 8 s,
     * on Δ(2,1,1,1,1) six took most of 12.6 s. */
    lcn_solve_opts_struct main_pass = *opts;
    if (main_pass.max_steps > MAIN_PASS_MAX_STEPS) main_pass.max_steps = MAIN_PASS_MAX_STEPS;
    /* And in MPC, where such a path goes when double cannot follow it and
     * each step costs a hundred: with only the step budget one path on
     * Segre (5,5), seed 10, from the shipped set took 13 of 15.5 s. The
     * re-tracks below (other charts among them) finish it. */
    if (main_pass.max_steps_mp == 0 || main_pass.max_steps_mp > MAIN_PASS_MAX_STEPS_MP)
        main_pass.max_steps_mp = MAIN_PASS_MAX_STEPS_MP;
    err = track_refine(res, ok, acc, rsd, &ctx, gamma, g->sols->x, N, &main_pass, hook);
    cp->tracked = N;

    /* Two kinds of path are tracked again, at most 3 rounds: two with
     * steps that shrink tenfold each round, then one in 128-bit precision:
     * - a path the tracker could not finish (a failure status, neither a
     *   divergence nor a singular end);
     * - paths whose regular endpoints coincide (in θ-space, or in w-space
     *   for a root locus: run_ctx). A regular endpoint lies on exactly one
     *   solution path, and the starts are distinct (and of distinct orbits
     *   of relabellings), so such a pair means that a path jumped to its
     *   neighbour.
     * Always along the same gamma: another gamma would connect the start to
     * another endpoint (the start-to-end matching is a monodromy action),
     * possibly one that a path not tracked again already reaches. */
    int *redo = lcn_calloc(N ? N : 1, sizeof *redo);
    lcn_solve_opts_struct careful = *opts;
    careful.max_steps = retrack_budget(res, ok, N, opts->max_steps);
    lcn_solve_opts_struct budgeted = *opts; /* the new-gamma runs: main-pass steps, the same budget */
    budgeted.max_steps = careful.max_steps;
    size_t nf = 0;
    /* A path that ran out of steps in the main pass first goes to other
     * charts (rechart_paths): Segre (5,5), seed 1, had six that crawled
     * through both careful rounds and then needed a new gamma, that is all
     * 2205 paths again; in other charts all six finished. */
    if (!err) {
        size_t fixed =
            rechart_paths(res, ok, acc, rsd, redo, &ctx, gamma, g->sols->x, N, g->p0, &budgeted, 1, 1, &err);
        cp->recharted += fixed;
        if (fixed)
            lcn_logf(&opts->log, LCN_LOG_INFO, "%zu paths that ran out of steps or ended unrefined finished in other "
                     "charts along the same gamma", fixed);
    }
    for (int attempt = 0; attempt <= 3 && !err; attempt++) {
        nf = mark_unresolved(redo, res, ok, acc, rsd, N, &ctx, 1);
        if (!nf || attempt == 3) break;
        size_t nfail = 0;
        for (size_t i = 0; i < N; i++) nfail += lcn_path_status_is_failure(res->paths[i].status) != 0;
        if (attempt == 2 && careful.max_prec >= CAREFUL_PREC) {
            /* The last round in higher precision from the start, at the
               steps of round 2: a jump that rounding caused in double is
               not repeated. A fourth of the step budget: an MPC step costs
               tens of double ones, and a path that crawls (its arc passes
               near a pole of the chart) crawls at any precision. */
            careful.start_prec = CAREFUL_PREC;
            careful.max_steps = careful.max_steps / 4 > 0 ? careful.max_steps / 4 : 1;
        } else {
            careful.predictor_tol *= 0.1;
            careful.max_step = fmin(careful.max_step, 0.05) * 0.5;
        }
        size_t *idx = lcn_malloc_array(nf, sizeof *idx);
        double complex *st = lcn_malloc_array(nf * (size_t)n, sizeof *st);
        int *ok2 = lcn_calloc(nf, sizeof *ok2);
        double *acc2 = lcn_calloc(nf, sizeof *acc2), *rsd2 = lcn_calloc(nf, sizeof *rsd2);
        size_t marked = nf;
        nf = 0;
        for (size_t i = 0; i < N; i++) {
            /* A path that ran out of steps at the smaller steps of round 2
             * crawls (its arc passes near a pole of the chart), and
             * crawls at any precision (Segre (5,5): four such paths took
             * 9.6 s in 128 bits, all in vain): it goes to other charts,
             * then to the new gammas.
             * The 128-bit round is for jumps and precision failures. */
            if (careful.start_prec > 53 && res->paths[i].status == LCN_PATH_MAX_STEPS) continue;
            if (redo[i]) {
                memcpy(st + nf * (size_t)n, g->sols->x + i * (size_t)n, (size_t)n * sizeof *st);
                idx[nf++] = i;
            }
        }
        cp->retracked += nf;
        if (careful.start_prec > 53) cp->retracked_mp += nf;
        if (nf)
            lcn_logf(&opts->log, LCN_LOG_INFO,
                     "tracking %zu paths again %s, round %d (%zu failed, %zu with coinciding endpoints)", nf,
                     careful.start_prec > 53 ? "in 128-bit precision" : "with smaller steps", attempt + 1, nfail,
                     marked - nfail);
        if (nf < marked)
            lcn_logf(&opts->log, LCN_LOG_INFO, "%zu paths ran out of steps again: not tracked in 128 bits, they go "
                     "to other charts, then to new gammas", marked - nf);
        lcn_result_t again;
        lcn_result_init(again);
        if (nf) err = track_refine(again, ok2, acc2, rsd2, &ctx, gamma, st, nf, &careful, NULL);
        if (!err)
            for (size_t j = 0; j < nf; j++) {
                size_t i = idx[j];
                take_path(res, ok, acc, rsd, i, again, ok2, acc2, rsd2, j);
            }
        lcn_result_clear(again);
        lcn_free(ok2);
        lcn_free(acc2);
        lcn_free(rsd2);
        lcn_free(idx);
        lcn_free(st);
    }
    /* Paths that still fail: the same gamma in yet other charts. */
    if (!err && nf) {
        size_t fixed =
            rechart_paths(res, ok, acc, rsd, redo, &ctx, gamma, g->sols->x, N, g->p0, &budgeted, 0, 2, &err);
        cp->recharted += fixed;
        if (fixed)
            lcn_logf(&opts->log, LCN_LOG_INFO, "%zu failed paths finished in other charts along the same gamma", fixed);
        if (!err) nf = mark_unresolved(redo, res, ok, acc, rsd, N, &ctx, 1);
    }
    /* Still unresolved: the union with new gammas. From here on only the
     * second and later members of a group of coinciding endpoints count as
     * unresolved: the first keeps the point. */
    if (!err && nf) nf = mark_unresolved(redo, res, ok, acc, rsd, N, &ctx, 0);
    for (int extra = 1; extra <= MAX_EXTRA_GAMMAS && !err && nf; extra++) {
        double complex g2 = lcn_rng_unit(rng);
        cp->extra_gammas++;
        for (int whole = 0; whole <= 1 && !err && nf; whole++) {
            lcn_logf(&opts->log, LCN_LOG_INFO,
                     "%zu paths unresolved after 3 rounds of careful tracking: tracking %s along a new gamma "
                     "(%d of at most %d) and taking the union of the regular endpoints",
                     nf, whole ? "all paths" : "them", extra, MAX_EXTRA_GAMMAS);
            size_t taken =
                union_new_gamma(res, ok, acc, rsd, redo, &ctx, g2, g->sols->x, N, n, &budgeted, !whole, &err);
            cp->recovered += taken;
            nf = 0;
            for (size_t i = 0; i < N; i++) nf += redo[i] != 0;
        }
    }
    if (!err && nf)
        lcn_logf(&opts->log, LCN_LOG_WARN,
                 "%zu of %zu paths unresolved after careful tracking and %d new gammas (counted as failed)", nf, N,
                 cp->extra_gammas);
    lcn_system_clear(line);
    if (err) {
        lcn_free(redo);
        lcn_free(ok);
        lcn_free(acc);
        lcn_free(rsd);
        lcn_result_clear(res);
        return err;
    }
    /* A path whose regular endpoint another path reached too (and no new
     * gamma replaced) jumped: it counts as failed, its endpoint once. */
    for (size_t i = 0; i < N; i++) {
        lcn_path_status_t s = res->paths[i].status;
        if (redo[i] && ok[i] != 0) {
            cp->jumped++;
            cp->failed++;
            ok[i] = 0;
        } else if (ok[i] == 1) {
            cp->finite++;
        } else if (ok[i] == 2) {
            cp->degenerate++;
        } else if (s == LCN_PATH_SUCCESS || s == LCN_PATH_SINGULAR) {
            cp->singular++;
        } else if (s == LCN_PATH_AT_INFINITY) {
            cp->at_infinity++;
        } else {
            cp->failed++;
        }
    }
    lcn_free(redo);

    /* Deduplicate: in w-space for loci and Segre, in θ-space for (P). */
    int by_theta = cs->kind == LCN_CRITSYS_PARAMS, dn = by_theta ? n : k;
    lcn_solution_set_t set;
    lcn_solution_set_init(set, dn);
    set->tol = DEDUP_TOL;
    cp->pts = lcn_calloc(N ? N : 1, sizeof *cp->pts);
    double complex *w = lcn_malloc_array((size_t)k, sizeof *w);
    for (size_t i = 0; i < N; i++) {
        if (ok[i] != 1) continue;
        const double complex *th = res->paths[i].x;
        lcn_critsys_w(w, NULL, cs, th);
        size_t idx;
        if (!lcn_solution_set_add(set, by_theta ? th : w, acc[i], rsd[i], 0, &idx)) {
            cp->pts[idx].multiplicity++;
            continue;
        }
        LCN_ASSERT(idx == cp->count);
        lcn_critpoint_struct *pt = &cp->pts[cp->count++];
        pt->theta = lcn_malloc_array((size_t)n, sizeof *pt->theta);
        pt->w = lcn_malloc_array((size_t)k, sizeof *pt->w);
        memcpy(pt->theta, th, (size_t)n * sizeof *th);
        memcpy(pt->w, w, (size_t)k * sizeof *w);
        pt->real = cp->real_data && classify_real(cs, th, w);
        if (pt->real)
            for (int j = 0; j < k; j++) pt->w[j] = creal(pt->w[j]);
        pt->loss = creal(lcn_critsys_loss(cs, pt->w, p1));
        pt->residual = rsd[i];
        pt->accuracy = acc[i];
        pt->multiplicity = 1;
        cp->nreal += pt->real;
    }
    sort_pts(cp->pts, cp->count, k);
    lcn_solution_set_clear(set);
    lcn_free(w);
    lcn_free(ok);
    lcn_free(acc);
    lcn_free(rsd);
    lcn_result_clear(res);
    cp->seconds = now() - t0;
    return LCN_OK;
}

lcn_err_t lcn_critpoints_solve_all(lcn_critpoints_t cp, const lcn_critsys_t cs, const double complex *p1,
                                   const char *cache_dir, const lcn_monodromy_opts_t mo, const lcn_solve_opts_t so,
                                   int *complete, size_t *generic)
{
    lcn_components_t cc;
    lcn_components_init(cc);
    lcn_critpoints_clear(cp);
    cp->n = cs->n;
    cp->k = cs->k;
    if (complete) *complete = 1;
    if (generic) *generic = 0;
    lcn_err_t err = lcn_components_init_set(cc, cs);
    size_t cap = 0;
    for (size_t ci = 0; ci < cc->count && !err; ci++) {
        lcn_generic_t g;
        lcn_critpoints_t one;
        lcn_generic_init2(g, cs->n, cs->m);
        lcn_critpoints_init(one);
        err = lcn_gcache_obtain(g, cs, cc, ci, cache_dir, mo, NULL);
        lcn_critpoints_hook_struct hook, *hk = NULL;
        if (mo->checkpoint) {
            char key[512];
            lcn_gcache_key(key, sizeof key, cs, ci, mo->seed);
            lcn_checkpoint_paths_hook(hk = &hook, mo->checkpoint, key);
        }
        if (!err) err = lcn_critpoints_solve_hooked(one, cs, g, p1, so, hk);
        if (!err) {
            if (complete && !g->complete) *complete = 0;
            if (generic) *generic += g->sols->count;
            if (cp->count + one->count > cap) {
                cap = 2 * (cp->count + one->count);
                cp->pts = lcn_realloc(cp->pts, cap * sizeof *cp->pts);
            }
            /* Move the points (their arrays change owner). */
            memcpy(cp->pts + cp->count, one->pts, one->count * sizeof *one->pts);
            cp->count += one->count;
            cp->nreal += one->nreal;
            cp->tracked += one->tracked;
            cp->finite += one->finite;
            cp->at_infinity += one->at_infinity;
            cp->singular += one->singular;
            cp->failed += one->failed;
            cp->degenerate += one->degenerate;
            cp->retracked += one->retracked;
            cp->retracked_mp += one->retracked_mp;
            cp->recharted += one->recharted;
            cp->extra_gammas += one->extra_gammas;
            cp->recovered += one->recovered;
            cp->jumped += one->jumped;
            cp->real_data = one->real_data;
            cp->seconds += one->seconds + g->seconds;
            one->count = 0;
        }
        lcn_critpoints_clear(one);
        lcn_generic_clear(g);
    }
    lcn_components_clear(cc);
    return err;
}
