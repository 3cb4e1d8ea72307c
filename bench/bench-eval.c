/* Time per evaluation of the Segre monodromy system (F, Jx and Fdot, what a
 * tracker step asks for four times) and of one small LU solve, best of
 * several rounds so that a loaded machine matters less.
 * Usage: build/bench/bench-eval [k1 k2 ...]   (default: 3 3, 4 4, 5 5, 6 6) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "lcncrit/lcncrit.h"
#include "lcncrit/critsys.h"
#include "track/impl.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time: a loaded machine matters less */
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void bench(int k1, int k2)
{
    int k[2] = {k1, k2}, s[2] = {2, 1};
    lcn_critsys_t cs;
    if (lcn_critsys_init_segre(cs, k, s, 2, 1) != LCN_OK) return;
    const int n = cs->n, m = cs->msys->m;
    lcn_rng_t rng;
    lcn_rng_init(rng, 1, 2);
    double complex *x = malloc(sizeof *x * (size_t)n), *p = malloc(sizeof *p * (size_t)m);
    double complex *v = malloc(sizeof *v * (size_t)m), *F = malloc(sizeof *F * (size_t)n);
    double complex *Fd = malloc(sizeof *Fd * (size_t)n), *J = malloc(sizeof *J * (size_t)(n * n));
    lapack_int *ip = malloc(sizeof *ip * (size_t)n);
    for (int j = 0; j < n; j++) x[j] = lcn_rng_cnormal(rng);
    for (int j = 0; j < m; j++) p[j] = lcn_rng_cnormal(rng), v[j] = lcn_rng_cnormal(rng);
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, cs->msys);
    const long reps = 20000;
    double best = INFINITY, best_lu = INFINITY;
    for (int round = 0; round < 5; round++) {
        double t0 = now();
        for (long r = 0; r < reps; r++) {
            x[r % n] += 1e-9; /* keep the compiler honest */
            lcn_system_eval_dir_d(F, J, Fd, cs->msys, ws, x, p, v);
        }
        double t1 = now();
        for (long r = 0; r < reps; r++) {
            lcn_system_eval_dir_d(F, J, Fd, cs->msys, ws, x, p, v);
            if (lcn_lu_d(J, ip, n, NULL) == 0) lcn_lu_solve_d(J, ip, n, Fd);
        }
        double t2 = now();
        best = fmin(best, (t1 - t0) / reps);
        best_lu = fmin(best_lu, (t2 - t1) / reps - (t1 - t0) / reps);
    }
    printf("segre (%d,%d): n %d k %d, native %s: eval F+Jx+Fdot %.2f us, LU+solve %.2f us\n", k1, k2, n, cs->k,
           cs->msys->native_d ? "yes" : "no", 1e6 * best, 1e6 * best_lu);
    lcn_system_ws_clear(ws);
    free(x), free(p), free(v), free(F), free(Fd), free(J), free(ip);
    lcn_critsys_clear(cs);
}

int main(int argc, char **argv)
{
    if (argc >= 3) {
        for (int i = 1; i + 1 < argc; i += 2) bench(atoi(argv[i]), atoi(argv[i + 1]));
        return 0;
    }
    for (int k = 3; k <= 6; k++) bench(k, k);
    return 0;
}
