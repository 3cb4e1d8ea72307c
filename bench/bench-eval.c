/* Time per evaluation of the Segre systems (F, Jx and Fdot, what a tracker
 * step asks for up to four times): the system of b = T0 u alone, the full
 * system in (u, T) (the monodromy's), and the line through two parameter
 * points (the final homotopy's); and of one small LU solve; best of several
 * rounds so that a loaded machine matters less.
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

/* Best time of one evaluation of sys (F, Jx, Fdot) at random x and p, and
 * of one LU factorisation and solve on top. */
static void time_eval(double *eval, double *lu, const lcn_system_t sys, lcn_rng_t rng)
{
    const int n = sys->n, m = sys->m;
    double complex *x = malloc(sizeof *x * (size_t)n), *p = malloc(sizeof *p * (size_t)m);
    double complex *v = malloc(sizeof *v * (size_t)m), *F = malloc(sizeof *F * (size_t)n);
    double complex *Fd = malloc(sizeof *Fd * (size_t)n), *J = malloc(sizeof *J * (size_t)(n * n));
    lapack_int *ip = malloc(sizeof *ip * (size_t)n);
    for (int j = 0; j < n; j++) x[j] = lcn_rng_cnormal(rng);
    for (int j = 0; j < m; j++) p[j] = lcn_rng_cnormal(rng), v[j] = lcn_rng_cnormal(rng);
    lcn_system_ws_t ws;
    lcn_system_ws_init(ws, sys);
    const long reps = 20000;
    double best = INFINITY, best_lu = INFINITY;
    for (int round = 0; round < 5; round++) {
        double t0 = now();
        for (long r = 0; r < reps; r++) {
            x[r % n] += 1e-9; /* keep the compiler honest */
            lcn_system_eval_dir_d(F, J, Fd, sys, ws, x, p, v);
        }
        double t1 = now();
        for (long r = 0; r < reps; r++) {
            lcn_system_eval_dir_d(F, J, Fd, sys, ws, x, p, v);
            if (lcn_lu_d(J, ip, n, NULL) == 0) lcn_lu_solve_d(J, ip, n, Fd);
        }
        double t2 = now();
        best = fmin(best, (t1 - t0) / reps);
        best_lu = fmin(best_lu, (t2 - t1) / reps - (t1 - t0) / reps);
    }
    *eval = best;
    *lu = best_lu;
    lcn_system_ws_clear(ws);
    free(x), free(p), free(v), free(F), free(Fd), free(J), free(ip);
}

static void bench(int k1, int k2)
{
    int k[2] = {k1, k2}, s[2] = {2, 1};
    lcn_critsys_t cs;
    if (lcn_critsys_init_segre(cs, k, s, 2, 1) != LCN_OK) return;
    lcn_rng_t rng;
    lcn_rng_init(rng, 1, 2);
    /* The line system between two random full parameter points. */
    double complex *pa = malloc(sizeof *pa * (size_t)cs->m), *pb = malloc(sizeof *pb * (size_t)cs->m);
    lcn_critsys_random_params(pa, cs, rng);
    lcn_critsys_random_params(pb, cs, rng);
    lcn_system_t line;
    if (lcn_critsys_line_system(line, cs, pa, pb) != LCN_OK) return;
    const struct {
        const char *name;
        const lcn_system_struct *sys;
    } sy[3] = {{"b (T = T0)", cs->msys}, {"full (u, T)", cs->sys}, {"line", line}};
    for (int i = 0; i < 3; i++) {
        double ev, lu;
        time_eval(&ev, &lu, sy[i].sys, rng);
        printf("segre (%d,%d): n %d k %d, %-11s native %s: eval F+Jx+Fdot %.2f us, LU+solve %.2f us\n", k1, k2,
               cs->n, cs->k, sy[i].name, sy[i].sys->native_d ? "yes" : "no", 1e6 * ev, 1e6 * lu);
    }
    lcn_system_clear(line);
    free(pa), free(pb);
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
