/* How well do monodromy loops mix the solutions? Carries the whole generic
 * solution set of the Segre system (k1,k2), s = (2,1), round a few random
 * loops, one loop at a time, and prints per loop the paths that ended, how
 * many solutions came back to themselves ("fixed"), the steps per path and
 * the time; then, per solution, by how many of the loops it was fixed, with
 * the mean log10 |θ|_inf and log10 |w|/|u0| of each group.
 *
 * A loop that fixes a solution cannot move it into the known set, so the
 * last solutions monodromy finds are the ones most loops fix.
 *
 * With --samples S, then S fresh seed pairs (θ1 random, b1 making it
 * critical) are tracked to b0: which solutions they reach, per group.
 * --scale R draws the corners R times larger (the permutations do not
 * change: the system is homogeneous in b; the steps do).
 *
 * Usage: build/bench/bench-loops K1 K2 [--loops L] [--shape triangle|lens]
 *            [--angles LO,HI] [--cache DIR] [--threads T] [--seed S]
 *            [--samples S] [--scale R] [--tmove none|plus|fresh] [--tscale S]
 *   triangle: p0 -> c1 -> c2 -> p0, straight segments (what monodromy.c uses);
 *   lens: p0 -> c -> p0 along two circular arcs (gamma = exp(±i φ), φ
 *         uniform in [LO, HI], one sign per loop: both arcs bulge to opposite
 *         sides, enclosing a lens) [1.2,2.5].
 *   --tmove: none, loops of b = T0 u alone (cs->msys) [default]; plus, loops
 *         of the full system with corners (u, T0 + S G), u and G complex
 *         normal, G symmetric (S = --tscale [1]: what lcncrit's monodromy
 *         draws after its first loops, gcache.c); fresh, T drawn afresh.
 *         Legs are not capped here (monodromy caps them).
 * The generic set comes from the cache DIR (computed there first if absent;
 * default: a fresh temporary directory). */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "bench-generic.h"

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* One leg for every path still alive (alive[i]); the ends replace x. */
static long leg(double complex *x, int *alive, size_t N, const lcn_system_t sys, const double complex *pa,
                const double complex *pb, double complex gamma, const lcn_solve_opts_t so)
{
    int n = sys->n;
    lcn_result_t r;
    lcn_result_init(r);
    long steps = 0;
    if (lcn_solve_parameter(r, sys, pa, pb, gamma, x, N, so) != LCN_OK) {
        fprintf(stderr, "bench-loops: tracking failed\n");
        exit(1);
    }
    for (size_t i = 0; i < N; i++) {
        steps += r->paths[i].steps_accepted + r->paths[i].steps_rejected;
        alive[i] &= r->paths[i].status == LCN_PATH_SUCCESS;
        memcpy(x + i * (size_t)n, r->paths[i].x, (size_t)n * sizeof *x);
    }
    lcn_result_clear(r);
    return steps;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-loops K1 K2 [--loops L] [--shape triangle|lens] [--angles LO,HI] "
                        "[--cache DIR] [--threads T] [--seed S]\n");
        return 2;
    }
    int kk[2] = {atoi(argv[1]), atoi(argv[2])}, loops = 6, lens = 0, threads = 0, samples = 0, tmove = 0;
    double scale = 1, tscale = 1;
    double lo = 1.2, hi = 2.5;
    unsigned long long seed = 1;
    char tmpl[] = "/tmp/bench-loops.XXXXXX";
    const char *dir = NULL;
    for (int a = 3; a + 1 < argc; a += 2) {
        if (!strcmp(argv[a], "--loops")) loops = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--shape")) lens = !strcmp(argv[a + 1], "lens");
        else if (!strcmp(argv[a], "--angles")) sscanf(argv[a + 1], "%lf,%lf", &lo, &hi);
        else if (!strcmp(argv[a], "--cache")) dir = argv[a + 1];
        else if (!strcmp(argv[a], "--threads")) threads = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--samples")) samples = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--scale")) scale = atof(argv[a + 1]);
        else if (!strcmp(argv[a], "--tmove")) {
            tmove = !strcmp(argv[a + 1], "plus") ? 1 : !strcmp(argv[a + 1], "fresh") ? 2 : 0;
            if (!tmove && strcmp(argv[a + 1], "none")) {
                fprintf(stderr, "bench-loops: --tmove none|plus|fresh\n");
                return 2;
            }
        }
        else if (!strcmp(argv[a], "--tscale")) tscale = atof(argv[a + 1]);
        else if (!strcmp(argv[a], "--seed")) seed = strtoull(argv[a + 1], NULL, 10);
        else {
            fprintf(stderr, "bench-loops: unknown option %s\n", argv[a]);
            return 2;
        }
    }
    if (loops < 1 || loops > 64 || !(lo > 0 && hi >= lo && hi < M_PI)) {
        fprintf(stderr, "bench-loops: --loops 1..64, --angles 0 < LO <= HI < pi\n");
        return 2;
    }
    if (!dir && !(dir = mkdtemp(tmpl))) return 1;

    lcn_critsys_t cs;
    lcn_components_t cc;
    lcn_monodromy_opts_t mo;
    lcn_generic_t g;
    /* The cached set solves the full system at p0 = (u0, T0): in the
     * monodromy system (parameters b = T0 u) it sits at b0 = T0 u0. */
    double complex *b0;
    int rc = bench_generic(cs, cc, g, &b0, mo, kk, seed, threads, dir, "bench-loops");
    if (rc) return rc;
    const int n = cs->n, k = cs->k;
    const size_t N = g->sols->count;
    double complex *c = malloc(2 * (size_t)cs->m * sizeof *c);
    double complex *x = malloc(N * (size_t)n * sizeof *x);
    int *alive = malloc(N * sizeof *alive), *nfixed = calloc(N, sizeof *nfixed);
    lcn_solve_opts_t so;
    lcn_solve_opts_init(so);
    so->threads = threads;
    so->predictor_tol = mo->track.predictor_tol; /* the legs' tolerance (monodromy.c) */
    so->singular_cond = INFINITY;
    lcn_rng_t rng;
    lcn_rng_init(rng, seed, 0x6c6f6f70u);
    double nb0 = 0;
    for (int i = 0; i < k; i++) nb0 += creal(b0[i] * conj(b0[i]));
    printf("|b0| = %.3g, sqrt(2k) = %.3g\n", sqrt(nb0), sqrt(2.0 * k));
    printf("Segre (%d,%d), %zu solutions, %d %s loops\n", kk[0], kk[1], N, loops, lens ? "lens" : "triangle");
    long fixed_all = 0, alive_all = 0, steps_all = 0;
    for (int l = 0; l < loops; l++) {
        /* Loops of b = T0 u alone (cs->msys), or in the full system with
         * corners (u, T): u complex normal, T = T0 + tscale G (plus) or T
         * drawn afresh (fresh), G complex normal symmetric, per corner. */
        const int pm = tmove ? cs->m : k;
        const lcn_system_struct *sys = tmove ? cs->sys : cs->msys;
        const double complex *base = tmove ? g->p0 : b0;
        for (int i = 0; i < 2 * pm; i++) c[i] = scale * lcn_rng_cnormal(rng);
        if (tmove == 1)
            for (int cc = 0; cc < 2; cc++)
                for (int j = k; j < pm; j++) c[cc * pm + j] = g->p0[j] + tscale * c[cc * pm + j];
        memcpy(x, g->sols->x, N * (size_t)n * sizeof *x);
        for (size_t i = 0; i < N; i++) alive[i] = 1;
        double t_loop = seconds();
        long steps = 0;
        if (lens) {
            double sg = lcn_rng_uniform(rng) < 0.5 ? -1 : 1;
            double f1 = lo + (hi - lo) * lcn_rng_uniform(rng), f2 = lo + (hi - lo) * lcn_rng_uniform(rng);
            steps += leg(x, alive, N, sys, base, c, cexp(I * sg * f1), so);
            steps += leg(x, alive, N, sys, c, base, cexp(I * sg * f2), so);
        } else {
            steps += leg(x, alive, N, sys, base, c, 1.0, so);
            steps += leg(x, alive, N, sys, c, c + pm, 1.0, so);
            steps += leg(x, alive, N, sys, c + pm, base, 1.0, so);
        }
        long ok = 0, fixed = 0;
        for (size_t i = 0; i < N; i++) {
            if (!alive[i]) continue;
            const double complex *e = x + i * (size_t)n, *s0 = g->sols->x + i * (size_t)n;
            double d = 0, sc = 1;
            for (int j = 0; j < n; j++) {
                d = fmax(d, cabs(e[j] - s0[j]));
                sc = fmax(sc, cabs(s0[j]));
            }
            ok++;
            if (d < 1e-6 * sc) {
                fixed++;
                nfixed[i]++;
            }
        }
        printf("loop %d: %ld of %zu paths ended, %ld fixed (%.1f%%), %.1f steps per path, %.2f s\n", l + 1, ok, N,
               fixed, 100.0 * (double)fixed / (double)(ok ? ok : 1), (double)steps / (double)N, seconds() - t_loop);
        fflush(stdout);
        fixed_all += fixed;
        alive_all += ok;
        steps_all += steps;
    }
    printf("all loops: %.1f%% fixed, %.1f steps per path and loop\n", 100.0 * (double)fixed_all / (double)alive_all,
           (double)steps_all / (double)N / loops);
    /* |w| relative to the data u0: the loops' reach in w-space */
    double complex *w = malloc((size_t)k * sizeof *w);
    double nu0 = 0;
    for (int j = 0; j < k; j++) nu0 += creal(g->p0[j] * conj(g->p0[j]));
    for (int v = 0; v <= loops; v++) {
        long cnt = 0;
        double lsum = 0, wsum = 0;
        for (size_t i = 0; i < N; i++) {
            if (nfixed[i] != v) continue;
            double mx = 0;
            for (int j = 0; j < n; j++) mx = fmax(mx, cabs(g->sols->x[i * (size_t)n + j]));
            lcn_critsys_w(w, NULL, cs, g->sols->x + i * (size_t)n);
            double nw = 0;
            for (int j = 0; j < k; j++) nw += creal(w[j] * conj(w[j]));
            cnt++;
            lsum += log10(mx);
            wsum += 0.5 * log10(nw / nu0);
        }
        if (cnt)
            printf("fixed by %d of %d loops: %ld solutions, mean log10 |θ|_inf %.2f, mean log10 |w|/|u0| %.2f\n", v,
                   loops, cnt, lsum / cnt, wsum / cnt);
    }
    if (samples > 0) {
        /* Fresh seed pairs (θ1 random, b1 making it critical), each tracked
         * to b0: which solutions do they reach? */
        long *hits = calloc(N, sizeof *hits), ended = 0, distinct = 0, sstep = 0;
        double complex *th = malloc((size_t)n * sizeof *th), *pfull = malloc((size_t)cs->m * sizeof *pfull),
                       *b1 = malloc((size_t)k * sizeof *b1);
        lcn_result_t r;
        lcn_result_init(r);
        lcn_rng_t srng;
        lcn_rng_init(srng, seed, 0x73616d70u);
        for (int s = 0; s < samples; s++) {
            if (lcn_critsys_seed_pair(th, pfull, b1, cs, srng) != LCN_OK) continue;
            if (lcn_solve_parameter(r, cs->msys, b1, b0, 1.0, th, 1, so) != LCN_OK) continue;
            sstep += r->paths[0].steps_accepted + r->paths[0].steps_rejected;
            if (r->paths[0].status != LCN_PATH_SUCCESS) continue;
            ended++;
            size_t at = lcn_solution_set_find(g->sols, r->paths[0].x);
            if (at < N) {
                if (hits[at]++ == 0) distinct++;
            }
            if ((s + 1) % (samples / 8 ? samples / 8 : 1) == 0)
                printf("samples %d: %ld ended, %ld distinct of %zu (uniform would give %.0f), %.1f steps per path\n",
                       s + 1, ended, distinct, N, (double)N * (1 - exp(-(double)ended / (double)N)),
                       (double)sstep / (s + 1));
        }
        for (int v = 0; v <= loops; v++) {
            long cnt = 0, h = 0, zero = 0;
            for (size_t i = 0; i < N; i++) {
                if (nfixed[i] != v) continue;
                cnt++;
                h += hits[i];
                zero += hits[i] == 0;
            }
            if (cnt) printf("fixed by %d of %d loops: %ld solutions, %.2f sample hits each, %ld never hit\n", v, loops,
                            cnt, (double)h / cnt, zero);
        }
        lcn_result_clear(r);
        free(hits);
        free(th);
        free(pfull);
        free(b1);
    }
    free(w);
    free(b0);
    free(c);
    free(x);
    free(alive);
    free(nfixed);
    lcn_generic_clear(g);
    lcn_components_clear(cc);
    lcn_critsys_clear(cs);
    return 0;
}
