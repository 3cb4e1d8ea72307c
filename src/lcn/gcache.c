/* The cache of generic solution sets (gcache.h). */
#include <complex.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lcncrit/gcache.h"
#include "lcncrit/checkpoint.h"
#include "lcncrit/newton.h"

/* Bump when the systems, charts or seeds change meaning (3: one θ per
 * orbit of relabellings for a root locus). */
#define GCACHE_FORMAT 3
/* Stream of the seed pairs' randomness. */
#define SEED_STREAM 0x53454544u
/* Base points (seed pairs) tried before a known count is given up. */
#define MAX_BASE_POINTS 3

void lcn_gcache_key(char *buf, size_t len, const lcn_critsys_t cs, size_t ci, uint64_t seed)
{
    static const char *kind[] = {"locus", "segre", "params"};
    int o = snprintf(buf, len, "%s-", kind[cs->kind]);
    for (int l = 0; l < cs->L && o < (int)len; l++)
        o += snprintf(buf + o, len - (size_t)o, "%s%d", l ? "." : "", cs->arch_k[l]);
    if (cs->kind != LCN_CRITSYS_LOCUS && o < (int)len) {
        o += snprintf(buf + o, len - (size_t)o, "-s");
        for (int l = 0; l < cs->L && o < (int)len; l++)
            o += snprintf(buf + o, len - (size_t)o, "%s%d", l ? "." : "", cs->arch_s[l]);
    }
    if (o < (int)len)
        snprintf(buf + o, len - (size_t)o, "-c%zu-seed%llu-v%s-f%d", ci, (unsigned long long)seed, lcn_version(),
                 GCACHE_FORMAT);
}

lcn_err_t lcn_gcache_default_dir(char *buf, size_t len)
{
    const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
    if (x && *x) snprintf(buf, len, "%s/lcncrit", x);
    else if (h && *h) snprintf(buf, len, "%s/.cache/lcncrit", h);
    else return LCN_ERR_ARG;
    return LCN_OK;
}

lcn_err_t lcn_gcache_data_dir(char *buf, size_t len)
{
    const char *e = getenv("LCNCRIT_DATA");
#ifdef LCNCRIT_DATA_DEFAULT
    const char *def = LCNCRIT_DATA_DEFAULT;
#else
    const char *def = "";
#endif
    const char *d = e ? e : def;
    if (!*d) return LCN_ERR_ARG;
    snprintf(buf, len, "%s/generic", d);
    return LCN_OK;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(tmp, 0777) && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(tmp, 0777) && errno != EEXIST) return -1;
    return 0;
}

/* Monodromy filter: a leg that jumps onto a degenerate solution (another
 * component: c = 0, coinciding root-locus factors) must not add it, or the
 * expected count would be met with a wrong set. */
typedef struct {
    const lcn_critsys_struct *cs;
    double wtol;
} accept_data;

static int accept_nondegenerate(void *data, const double complex *x)
{
    const accept_data *a = data;
    return !lcn_critsys_is_degenerate(a->cs, x, a->wtol, 1e-8);
}

/* w(θ): the orbit key of a root locus solution (its relabellings have the
 * same w, critsys.h: lcn_critsys_relabellings), and the trace of every
 * system (monodromy.h). */
static void w_of(void *data, const double complex *x, double complex *w)
{
    lcn_critsys_w(w, NULL, (const lcn_critsys_struct *)data, x);
}

/* The loops' corners: (u, T) with u complex normal, and T the base
 * point's for the first FIXED_T_LOOPS loops (u alone moves, as in
 * cs->msys), the base's plus a complex normal symmetric matrix after.
 * Why: loops of u alone leave the solutions far from the data fixed (|w|
 * large against |u0|: w nearly isotropic for T). bench-loops 5 5 --loops 6,
 * seed 1: 11% of the solutions come back to themselves per loop with u
 * alone (2 solutions by all 6 loops, |w|/|u0| 11 times that of those no
 * loop fixed), 2.4% with T + 0.6 G, 0.7% with T + G (none by more than 2
 * loops), 0.1% with T drawn afresh; the steps per path and loop are 167,
 * 234, 294 and 444. The first loops find most of the set cheaply (Segre
 * (6,6): 99.4% of it after two), the others the rest: cold (6,6) in 3
 * loops instead of 15 (bench/README, stop 15). */
#define FIXED_T_LOOPS 2

static void draw_corners(void *data, double complex *out, int K, int m, const double complex *base, long loop,
                         lcn_rng_struct *rng)
{
    const lcn_critsys_struct *cs = data;
    const int moves_T = loop >= FIXED_T_LOOPS;
    for (int i = 0; i < K * m; i++) out[i] = lcn_rng_cnormal(rng);
    for (int i = 0; i < K; i++) {
        double complex *T = out + (size_t)i * m + cs->k; /* the upper triangle of T */
        for (int j = 0; j < m - cs->k; j++) T[j] = base[cs->k + j] + (moves_T ? T[j] : 0);
    }
}

/* Every cached solution must solve F(·; p0) = 0 to 1e-8 relative. */
static int valid(const lcn_generic_t g, const lcn_critsys_t cs)
{
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, cs->sys);
    double complex *F = lcn_malloc_array((size_t)cs->n, sizeof *F);
    double pmax = 0;
    for (int j = 0; j < cs->m; j++) pmax = fmax(pmax, cabs(g->p0[j]));
    int ok = g->sols->count > 0;
    for (size_t i = 0; i < g->sols->count && ok; i++) {
        const double complex *x = g->sols->x + i * (size_t)cs->n;
        double xmax = 1;
        for (int j = 0; j < cs->n; j++) xmax = fmax(xmax, cabs(x[j]));
        lcn_system_eval_d(F, NULL, NULL, cs->sys, ws, x, g->p0);
        double scale = pmax * pow(xmax, 2.0 * cs->k + 2);
        for (int j = 0; j < cs->n; j++)
            if (!(cabs(F[j]) <= 1e-8 * scale)) ok = 0;
    }
    lcn_free(F);
    lcn_system_ws_clear(ws);
    return ok;
}

/* g's run statistics (loops, legs, failures, steps, moves, time) from another run's. */
static void copy_stats(lcn_generic_struct *g, const lcn_generic_struct *from)
{
    g->loops = from->loops;
    g->paths = from->paths;
    g->failures = from->failures;
    g->steps = from->steps;
    g->moves = from->moves;
    g->traces = from->traces;
    g->trace_defect = from->trace_defect;
    g->seconds = from->seconds;
}

/* g set to the base point p0 and the points pts (M of them, n each) refined
 * by Newton in cs->sys at p0: in double, and in MPC from the same point
 * when double does not converge (a badly conditioned solution is never
 * decided by double alone). A point that does not converge is dropped.
 * from: the run that found the N solutions behind pts (its statistics are
 * copied; g is complete if from is and none of the N was lost on the way,
 * else the loss is logged, "lost <what>"). */
static void refine_into(lcn_generic_t g, const lcn_critsys_t cs, const double complex *p0, const double complex *pts,
                        size_t M, const lcn_generic_struct *from, const char *label, const char *what,
                        const lcn_log_struct *log)
{
    const int n = cs->n;
    const size_t N = from->sols->count;
    lcn_generic_clear(g);
    lcn_generic_init2(g, n, cs->m);
    memcpy(g->p0, p0, (size_t)cs->m * sizeof *p0);
    double complex *x = lcn_malloc_array(M * (size_t)n + 1, sizeof *x);
    int *okv = lcn_calloc(M + 1, sizeof *okv);
    memcpy(x, pts, M * (size_t)n * sizeof *x);
#pragma omp parallel
    {
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, cs->sys);
#pragma omp for schedule(dynamic, 16)
        for (size_t i = 0; i < M; i++) {
            double acc, res;
            double complex *xi = x + i * (size_t)n;
            okv[i] = lcn_newton_refine_d(xi, &acc, &res, NULL, cs->sys, ws, p0, 1e-13, 8) == LCN_OK;
            if (!okv[i]) {
                memcpy(xi, pts + i * (size_t)n, (size_t)n * sizeof *xi);
                okv[i] = lcn_newton_refine(xi, &acc, &res, cs->sys, p0, 160, 30) == LCN_OK;
            }
        }
        lcn_system_ws_clear(ws);
    }
    for (size_t i = 0; i < M; i++)
        if (okv[i]) lcn_solution_set_add(g->sols, x + i * (size_t)n, 0, 0, 0, NULL);
    if (g->sols->count != N)
        lcn_logf(log, LCN_LOG_WARN, "generic set %s: %zu of %zu solutions lost %s", label, N - g->sols->count, N,
                 what);
    g->complete = from->complete && g->sols->count == N;
    copy_stats(g, from);
    lcn_free(x);
    lcn_free(okv);
}

/* One monodromy run from a new seed pair drawn from rng on the component,
 * in the full system cs->sys, its loops drawn by draw_corners. */
static lcn_err_t monodromy_once(lcn_generic_t g, const lcn_critsys_t cs, const lcn_component_struct *c,
                                const lcn_monodromy_opts_t mopts, lcn_rng_t rng, const char *key)
{
    const lcn_log_struct *log = &mopts->log;
    double complex *th = lcn_malloc_array((size_t)cs->n, sizeof *th);
    double complex *p0 = lcn_malloc_array((size_t)cs->m, sizeof *p0);
    double complex *b0 = lcn_malloc_array((size_t)cs->k, sizeof *b0);
    lcn_err_t err = LCN_ERR_NUMERIC;
    for (int attempt = 0; attempt < 5 && err; attempt++) err = lcn_component_seed(th, p0, b0, cs, c, rng);
    if (!err) {
        lcn_monodromy_opts_t mo;
        *mo = *mopts;
        mo->expected = c->expected;
        double bmax = 0;
        for (int j = 0; j < cs->k; j++) bmax = fmax(bmax, cabs(b0[j]));
        accept_data ad = {cs, 1e-8 * fmax(1, bmax)};
        mo->accept = accept_nondegenerate;
        mo->accept_data = &ad;
        if (cs->kind == LCN_CRITSYS_LOCUS) {
            /* One θ per point w: Π m_j! times fewer legs. */
            mo->key = w_of;
            mo->key_data = (void *)cs;
            mo->key_dim = cs->k;
        }
        mo->trace = w_of;
        mo->trace_data = (void *)cs;
        mo->trace_dim = cs->k;
        mo->trace_params = cs->k;
        mo->draw_corners = draw_corners;
        mo->draw_data = (void *)cs;
        lcn_generic_t gm;
        lcn_generic_init2(gm, cs->n, cs->m);
        if (mopts->checkpoint) err = lcn_checkpoint_attach_monodromy(mopts->checkpoint, key, gm, p0, mo);
        if (!err) err = lcn_monodromy_solve(gm, cs->sys, th, p0, mo);
        if (!err) {
            /* (After a base-point move the base is gm->p0, no longer p0.)
             * One Newton correction to 1e-13 for the cache. */
            refine_into(g, cs, gm->p0, gm->sols->x, gm->sols->count, gm, c->label, "in the final refinement", log);
        }
        lcn_generic_clear(gm);
        if (!err)
            lcn_logf(log, LCN_LOG_INFO,
                     "generic set %s: %zu solutions%s by monodromy (%ld loops, %ld legs, %ld base-point moves, %.2f s)",
                     c->label, g->sols->count, g->complete ? " (complete)" : "", g->loops, g->paths, g->moves,
                     g->seconds);
    }
    lcn_free(th);
    lcn_free(p0);
    lcn_free(b0);
    return err;
}

/* Seed offset of the charts of the second base point. */
#define OTHER_CHARTS_SEED UINT64_C(0x6f74686572636873) /* "othercha" */

/* monodromy_once in other random charts (lcn_critsys_init_rechart), its
 * solutions carried back into cs's charts at the same base point (the
 * data (u, T) do not depend on the charts) and refined there. Why: a
 * solution that cs's charts put far out is reached by few legs. Seen:
 * Δ(2,2,1,1), seed 2, had a generic solution with c = -12-342i there, and
 * two base points in those charts both stopped at 63 of 64. */
static lcn_err_t monodromy_other_charts(lcn_generic_t g, const lcn_critsys_t cs, const lcn_component_struct *c,
                                        const lcn_monodromy_opts_t mopts, lcn_rng_t rng, const char *key)
{
    lcn_critsys_t cs2;
    lcn_err_t err = lcn_critsys_init_rechart(cs2, cs, cs->seed ^ OTHER_CHARTS_SEED);
    if (err) return err;
    lcn_generic_t g2;
    lcn_generic_init2(g2, cs->n, cs->m);
    err = monodromy_once(g2, cs2, c, mopts, rng, key);
    if (!err) {
        int n = cs->n;
        size_t N = g2->sols->count, M = 0;
        double complex *pts = lcn_malloc_array(N * (size_t)n + 1, sizeof *pts);
        for (size_t i = 0; i < N; i++)
            M += lcn_critsys_theta_rechart(pts + M * (size_t)n, cs, cs2, g2->sols->x + i * (size_t)n) == LCN_OK;
        refine_into(g, cs, g2->p0, pts, M, g2, c->label, "leaving the other charts", &mopts->log);
        lcn_free(pts);
    }
    lcn_generic_clear(g2);
    lcn_critsys_clear(cs2);
    return err;
}

/* The solutions of `from` carried to into's base point (one parameter
 * homotopy of the full system along a random gamma), refined there like
 * refine_into and added to into's set; into is then complete if it has
 * the expected count. Why: two base points that each stopped a few short
 * need not have missed the same solutions (Segre (5,5), seed 3: the first
 * base point stuck at 2204 of 2205 for 66 loops and more). Every added point is a
 * regular solution at into's base point, distinct from the others. */
static void merge_into(lcn_generic_t into, const lcn_generic_t from, const lcn_critsys_t cs, long expected,
                       const lcn_monodromy_opts_t mopts, lcn_rng_t rng, const char *label)
{
    const int n = cs->n;
    const size_t N = from->sols->count, before = into->sols->count;
    lcn_solve_opts_t so;
    lcn_solve_opts_init(so);
    so->threads = mopts->track.threads;
    so->seed = mopts->track.seed;
    so->log = mopts->track.log;
    lcn_result_t res;
    lcn_result_init(res);
    const double complex gamma = cexp(I * 2.0 * M_PI * lcn_rng_uniform(rng));
    if (N > 0 && lcn_solve_parameter(res, cs->sys, from->p0, into->p0, gamma, from->sols->x, N, so) == LCN_OK) {
        lcn_system_ws_t ws;
        lcn_system_ws_init(ws, cs->sys);
        double complex *x = lcn_malloc_array((size_t)n, sizeof *x);
        for (size_t i = 0; i < res->npaths; i++) {
            const lcn_path_result_struct *q = &res->paths[i];
            if (q->status != LCN_PATH_SUCCESS && q->status != LCN_PATH_SINGULAR) continue;
            double acc, rr;
            memcpy(x, q->x, (size_t)n * sizeof *x);
            int ok = lcn_newton_refine_d(x, &acc, &rr, NULL, cs->sys, ws, into->p0, 1e-13, 8) == LCN_OK;
            if (!ok) {
                memcpy(x, q->x, (size_t)n * sizeof *x);
                ok = lcn_newton_refine(x, &acc, &rr, cs->sys, into->p0, 160, 30) == LCN_OK;
            }
            if (ok) lcn_solution_set_add(into->sols, x, 0, 0, 0, NULL);
        }
        lcn_free(x);
        lcn_system_ws_clear(ws);
    }
    into->paths += (long)N;
    into->complete = expected > 0 && (long)into->sols->count == expected;
    lcn_logf(&mopts->log, LCN_LOG_INFO,
             "generic set %s: the %zu solutions of the earlier base point carried to this one: %zu new, %zu in all%s",
             label, N, into->sols->count - before, into->sols->count, into->complete ? " (complete)" : "");
    lcn_result_clear(res);
}

/* g from the cache file at path if it exists, reads, solves the system
 * (valid) and is complete (or no count is known): then 1, and the use is
 * logged. An entry that fails is logged (when warn) and 0 returned. */
static int read_entry(lcn_generic_t g, const lcn_critsys_t cs, const lcn_component_struct *c, const char *path,
                      const char *key, const lcn_log_struct *log, int warn)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    lcn_err_t err = lcn_generic_read(g, f, key, cs->n, cs->m);
    fclose(f);
    if (!err && valid(g, cs) && (g->complete || c->expected == 0)) {
        lcn_logf(log, LCN_LOG_INFO, "generic set %s: %zu solutions from %s", c->label, g->sols->count, path);
        return 1;
    }
    lcn_logf(log, warn ? LCN_LOG_WARN : LCN_LOG_INFO, "cache entry %s is invalid; %s", path,
             warn ? "recomputing" : "not used");
    return 0;
}

/* The same system (kind, factors, architecture) with the charts and T0 of
 * another seed. */
static lcn_err_t same_system(lcn_critsys_t out, const lcn_critsys_t cs, uint64_t seed)
{
    switch (cs->kind) {
    case LCN_CRITSYS_LOCUS: return lcn_critsys_init_locus(out, cs->fe, cs->r, seed);
    case LCN_CRITSYS_SEGRE: return lcn_critsys_init_segre(out, cs->arch_k, cs->arch_s, cs->L, seed);
    case LCN_CRITSYS_PARAMS: return lcn_critsys_init_params(out, cs->arch_k, cs->arch_s, cs->L, seed);
    }
    return LCN_ERR_ARG;
}

/* The shipped set of component ci for LCN_GCACHE_SHIPPED_SEED (in the
 * shipped directory sd), if there is a complete one, carried into cs's
 * charts at its base point (gcache.h) and refined there: then 1, with g
 * complete. */
static int shipped_other_seed(lcn_generic_t g, const lcn_critsys_t cs, const lcn_component_struct *c, size_t ci,
                              const char *sd, const lcn_log_struct *log)
{
    char key[512], path[4800];
    lcn_critsys_t cs1;
    if (same_system(cs1, cs, LCN_GCACHE_SHIPPED_SEED) != LCN_OK) return 0;
    lcn_gcache_key(key, sizeof key, cs1, ci, LCN_GCACHE_SHIPPED_SEED);
    snprintf(path, sizeof path, "%s/%s.txt", sd, key);
    lcn_generic_t g1;
    lcn_generic_init2(g1, cs->n, cs->m);
    int ok = 0;
    if (read_entry(g1, cs1, c, path, key, log, 0) && g1->complete) {
        const int n = cs->n;
        const size_t N = g1->sols->count;
        size_t M = 0;
        double complex *pts = lcn_malloc_array(N * (size_t)n + 1, sizeof *pts);
        for (size_t i = 0; i < N; i++)
            M += lcn_critsys_theta_rechart(pts + M * (size_t)n, cs, cs1, g1->sols->x + i * (size_t)n) == LCN_OK;
        refine_into(g, cs, g1->p0, pts, M, g1, c->label, "carrying the shipped set into this seed's charts", log);
        lcn_free(pts);
        ok = g->complete && (c->expected == 0 || (long)g->sols->count == c->expected);
        if (!ok) { /* (the caller solves by monodromy: leave g empty) */
            lcn_solution_set_reset(g->sols);
            g->complete = 0;
        }
        if (ok)
            lcn_logf(log, LCN_LOG_INFO, "generic set %s: %zu solutions, the shipped set of seed %d in this seed's charts",
                     c->label, g->sols->count, LCN_GCACHE_SHIPPED_SEED);
    }
    lcn_generic_clear(g1);
    lcn_critsys_clear(cs1);
    return ok;
}

lcn_err_t lcn_gcache_obtain(lcn_generic_t g, const lcn_critsys_t cs, const lcn_components_t cc, size_t ci,
                            const char *dir, const lcn_monodromy_opts_t mopts, int *from_cache)
{
    char key[512], d[4096], path[4800];
    const lcn_log_struct *log = &mopts->log;
    if (from_cache) *from_cache = 0;
    if (ci >= cc->count) return LCN_ERR_ARG;
    const lcn_component_struct *c = &cc->c[ci];
    lcn_gcache_key(key, sizeof key, cs, ci, mopts->seed);
    int use = 1;
    if (!dir) use = lcn_gcache_default_dir(d, sizeof d) == LCN_OK;
    else if (!*dir || !strcmp(dir, "none")) use = 0;
    else snprintf(d, sizeof d, "%s", dir);
    if (use) {
        snprintf(path, sizeof path, "%s/%s.txt", d, key);
        if (read_entry(g, cs, c, path, key, log, 1)) {
            if (from_cache) *from_cache = 1;
            return LCN_OK;
        }
        /* The sets shipped in data/generic (complete ones only), read-only:
           this seed's, else the shipped seed's in this seed's charts. */
        char sd[4096], spath[4800];
        if (lcn_gcache_data_dir(sd, sizeof sd) == LCN_OK) {
            snprintf(spath, sizeof spath, "%s/%s.txt", sd, key);
            if (read_entry(g, cs, c, spath, key, log, 0) && g->complete) {
                if (from_cache) *from_cache = 2;
                return LCN_OK;
            }
            if (mopts->seed != LCN_GCACHE_SHIPPED_SEED && shipped_other_seed(g, cs, c, ci, sd, log)) {
                if (from_cache) *from_cache = 2;
                return LCN_OK;
            }
        }
    }
    /* A base point can be bad for monodromy (seen: Δ(4), seed 5: 9 of 10
     * solutions after 100 loops, a leg failing in nearly every loop;
     * another base point finds all 10 in 5 loops). Then start over from a
     * new seed pair (another base point) and keep the largest set, at most
     * MAX_BASE_POINTS times. Without a known count a run ends when its
     * set passes the trace test (monodromy.h: complete), or else by the
     * stall rule, which ends some early (Δ(3,2), identity, 20 seeds, before
     * the trace test: 45 solutions 18 times, 44 once, 1 once): then two
     * base points must agree on the count. */
    lcn_rng_t rng;
    lcn_rng_init(rng, mopts->seed, SEED_STREAM + ci);
    lcn_err_t err = LCN_ERR_NUMERIC;
    long loops = 0, paths = 0, failures = 0, steps = 0, moves = 0, traces = 0;
    double seconds = 0;
    int agree = 0; /* base points that found the current largest count */
    for (int base = 1; base <= MAX_BASE_POINTS; base++) {
        lcn_generic_t gb;
        lcn_generic_init2(gb, cs->n, cs->m);
        /* Each base point its own checkpoint section (the first keeps the
           plain key, so older checkpoints still resume). */
        char bkey[560];
        if (base == 1) snprintf(bkey, sizeof bkey, "%s", key);
        else snprintf(bkey, sizeof bkey, "%s-base%d", key, base);
        /* The second base point in other charts (monodromy_other_charts). */
        lcn_err_t e = base == 2 ? monodromy_other_charts(gb, cs, c, mopts, rng, bkey)
                                : monodromy_once(gb, cs, c, mopts, rng, bkey);
        if (e == LCN_ERR_INTERRUPTED) {
            lcn_generic_clear(gb);
            err = e;
            break;
        }
        /* Both short of a known count: their union may not be. */
        if (!e && !err && c->expected > 0 && !gb->complete && !g->complete)
            merge_into(gb, g, cs, c->expected, mopts, rng, c->label);
        loops += gb->loops;
        paths += gb->paths;
        failures += gb->failures;
        steps += gb->steps;
        moves += gb->moves;
        traces += gb->traces;
        seconds += gb->seconds;
        if (!e && (err || gb->sols->count > g->sols->count)) {
            lcn_generic_clear(g);
            *g = *gb; /* g takes over gb's arrays */
            err = LCN_OK;
            agree = 1;
        } else {
            if (!e && gb->sols->count == g->sols->count) agree++;
            lcn_generic_clear(gb);
        }
        /* The statistics are those of all base points tried. */
        g->loops = loops;
        g->paths = paths;
        g->failures = failures;
        g->steps = steps;
        g->moves = moves;
        g->traces = traces;
        g->seconds = seconds;
        if (!err && (g->complete || (c->expected == 0 && agree >= 2))) break;
        if (base < MAX_BASE_POINTS && c->expected)
            lcn_logf(log, LCN_LOG_WARN, "generic set %s: %zu of %ld solutions from base point %d; trying another",
                     c->label, err ? (size_t)0 : g->sols->count, c->expected, base);
        else if (base < MAX_BASE_POINTS && base > 1)
            lcn_logf(log, LCN_LOG_WARN, "generic set %s: base points disagree on the count (largest %zu); trying another",
                     c->label, err ? (size_t)0 : g->sols->count);
    }
    if (!err && c->expected == 0 && agree < 2 && !g->complete)
        lcn_logf(log, LCN_LOG_WARN, "generic set %s: no two of %d base points found the same count; keeping %zu",
                 c->label, MAX_BASE_POINTS, g->sols->count);
    if (err || !use || (!g->complete && c->expected)) return err;
    if (make_dirs(d)) {
        lcn_logf(log, LCN_LOG_WARN, "cannot create cache directory %s: %s", d, strerror(errno));
        return LCN_OK;
    }
    char tmp[4900];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) {
        lcn_logf(log, LCN_LOG_WARN, "cannot write %s: %s", tmp, strerror(errno));
        return LCN_OK;
    }
    lcn_err_t werr = lcn_generic_write(f, g, key);
    if (fclose(f) || werr || rename(tmp, path)) {
        lcn_logf(log, LCN_LOG_WARN, "cannot write %s", path);
        remove(tmp);
    }
    return LCN_OK;
}
