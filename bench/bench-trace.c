/* Is the trace of the critical points w linear in the data b? Carries the
 * whole generic set of the monodromy system of Segre (k1,k2), s = (2,1),
 * along the line b(s) = b0 + s v to s = 1 and s = 2 and prints the
 * second difference of Σ_i w_i(b(s)) relative to Σ_i |w_i|, for the
 * whole set and with one solution left out.
 *
 * Usage: build/bench/bench-trace K1 K2 [--cache DIR] [--threads T] [--seed S] */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bench-generic.h"

int main(int argc, char **argv)
{
    if (argc < 3) return 2;
    int kk[2] = {atoi(argv[1]), atoi(argv[2])}, threads = 0;
    unsigned long long seed = 1;
    char tmpl[] = "/tmp/bench-trace.XXXXXX";
    const char *dir = NULL;
    for (int a = 3; a + 1 < argc; a += 2) {
        if (!strcmp(argv[a], "--cache")) dir = argv[a + 1];
        else if (!strcmp(argv[a], "--threads")) threads = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--seed")) seed = strtoull(argv[a + 1], NULL, 10);
        else return 2;
    }
    if (!dir && !(dir = mkdtemp(tmpl))) return 1;
    lcn_critsys_t cs;
    lcn_components_t cc;
    lcn_monodromy_opts_t mo;
    lcn_generic_t g;
    double complex *b0;
    int rc = bench_generic(cs, cc, g, &b0, mo, kk, seed, threads, dir, "bench-trace");
    if (rc) return rc;
    const int n = cs->n, k = cs->k;
    const size_t N = g->sols->count;
    double complex *b = calloc(3 * (size_t)k, sizeof *b);
    memcpy(b, b0, (size_t)k * sizeof *b);
    free(b0);
    lcn_rng_t rng;
    lcn_rng_init(rng, seed, 0x74726163u);
    for (int i = 0; i < k; i++) {
        double complex v = 10 * lcn_rng_cnormal(rng);
        b[k + i] = b[i] + v;
        b[2 * k + i] = b[i] + 2.0 * v;
    }
    lcn_solve_opts_t so;
    lcn_solve_opts_init(so);
    so->threads = threads;
    double complex *x = malloc(N * (size_t)n * sizeof *x), *w = malloc(3 * N * (size_t)k * sizeof *w);
    memcpy(x, g->sols->x, N * (size_t)n * sizeof *x);
    int ok = 1;
    for (int s = 0; s < 3; s++) {
        if (s > 0) {
            lcn_result_t r;
            lcn_result_init(r);
            if (lcn_solve_parameter(r, cs->msys, b + (size_t)(s - 1) * k, b + (size_t)s * k, 1.0, x, N, so)) return 1;
            for (size_t i = 0; i < N; i++) {
                ok &= r->paths[i].status == LCN_PATH_SUCCESS;
                memcpy(x + i * (size_t)n, r->paths[i].x, (size_t)n * sizeof *x);
            }
            lcn_result_clear(r);
        }
        for (size_t i = 0; i < N; i++) lcn_critsys_w(w + ((size_t)s * N + i) * k, NULL, cs, x + i * (size_t)n);
    }
    printf("Segre (%d,%d), %zu solutions, all paths ok: %d\n", kk[0], kk[1], N, ok);
    for (long drop = -1; drop < 4; drop++) {
        double d = 0, scale = 0;
        for (int j = 0; j < k; j++) {
            double complex sum[3] = {0, 0, 0};
            for (int s = 0; s < 3; s++)
                for (size_t i = 0; i < N; i++) {
                    if ((long)i == drop) continue;
                    sum[s] += w[((size_t)s * N + i) * k + j];
                    scale = fmax(scale, cabs(w[((size_t)s * N + i) * k + j]));
                }
            d = fmax(d, cabs(sum[0] - 2.0 * sum[1] + sum[2]));
        }
        if (drop < 0) printf("whole set");
        else printf("without solution %ld", drop);
        printf(": max |second difference| %.3g, max |w_ij| %.3g, ratio %.3g\n", d, scale, d / scale);
    }
    return 0;
}
