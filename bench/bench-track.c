/* Tracker benchmark: paths per second of the total-degree homotopy on
 * katsura-n and cyclic-n, and PHCpack's blackbox solver (`phc -b`) on the
 * same systems in the same run when phc is on the PATH.
 *
 * usage: bench-track [--threads T] [--phc PATH|none] [--quick] [NAME-N ...]
 *   NAME-N: katsura-5, cyclic-6, ...; default katsura-5 katsura-6 cyclic-5
 *   cyclic-6 (and katsura-7 cyclic-7 without --quick). t runs from 1
 *   (start) to 0 (target) in the homotopies timed here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lcncrit/lcncrit.h"
#include "t-track-systems.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Run `phc -b in out` in dir; returns wall seconds, or -1 on failure.
 * *nsol receives the number of refined solutions phc reports. */
static double run_phc(const char *phc, const char *dir, const char *name, int n, long *nsol)
{
    char in[512], out[512];
    snprintf(in, sizeof in, "%s/%s-%d.phc", dir, name, n);
    snprintf(out, sizeof out, "%s/%s-%d.out", dir, name, n);
    FILE *f = fopen(in, "w");
    if (!f) return -1;
    lcn_example_write_phc(f, name, n);
    fclose(f);
    unlink(out);
    fflush(stdout); /* or the child's freopen flushes our half line again */
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        /* phc -b reads only its two file arguments; silence its chatter. */
        if (!freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stdout) ||
            !freopen("/dev/null", "w", stderr))
            _exit(127);
        execlp(phc, phc, "-b", in, out, (char *)NULL);
        _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    double secs = now() - t0;
    /* phc -b solves the solutions with zero coordinates (stable mixed
       volume) as separate lists: add up the refined lists. */
    *nsol = -1;
    f = fopen(out, "r");
    if (f) {
        char line[1024];
        while (fgets(line, sizeof line, f)) {
            long k;
            if (sscanf(line, "A list of %ld solutions has been refined", &k) == 1) *nsol = (*nsol < 0 ? 0 : *nsol) + k;
        }
        fclose(f);
    }
    return secs;
}

int main(int argc, char **argv)
{
    int threads = 0, quick = 0;
    const char *phc = "phc";
    const char *names[32];
    int nnames = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--phc") && i + 1 < argc)
            phc = argv[++i];
        else if (!strcmp(argv[i], "--quick"))
            quick = 1;
        else if (nnames < 32)
            names[nnames++] = argv[i];
    }
    if (!nnames) {
        static const char *def[] = {"katsura-5", "katsura-6", "cyclic-5", "cyclic-6", "katsura-7", "cyclic-7"};
        nnames = quick ? 4 : 6;
        for (int i = 0; i < nnames; i++) names[i] = def[i];
    }
    int have_phc = strcmp(phc, "none") != 0;
    if (have_phc) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "command -v '%s' >/dev/null 2>&1", phc);
        have_phc = system(cmd) == 0;
    }
    char dir[] = "/tmp/lcn-bench-XXXXXX";
    if (have_phc && !mkdtemp(dir)) have_phc = 0;
    printf("%-10s %7s %8s %8s %10s %8s | %8s %8s %7s\n", "system", "paths", "finite", "seconds", "paths/s", "bad",
           "phc sols", "phc s", "ratio");
    for (int s = 0; s < nnames; s++) {
        char name[32];
        int n = 0;
        const char *dash = strrchr(names[s], '-');
        if (!dash || (size_t)(dash - names[s]) >= sizeof name) {
            fprintf(stderr, "bad system name %s\n", names[s]);
            return 2;
        }
        memcpy(name, names[s], (size_t)(dash - names[s]));
        name[dash - names[s]] = 0;
        n = atoi(dash + 1);
        lcn_system_t sys;
        lcn_err_t err = !strcmp(name, "katsura") ? lcn_example_katsura(sys, n)
                        : !strcmp(name, "cyclic") ? lcn_example_cyclic(sys, n)
                                                  : LCN_ERR_ARG;
        if (err) {
            fprintf(stderr, "unknown system %s\n", names[s]);
            return 2;
        }
        lcn_solve_opts_t o;
        lcn_solve_opts_init(o);
        o->threads = threads;
        lcn_result_t res;
        lcn_result_init(res);
        if (lcn_solve_total_degree(res, sys, NULL, o) != LCN_OK) return 1;
        lcn_solution_set_t set;
        lcn_solution_set_init(set, sys->n);
        if (lcn_solution_set_from_result(set, res, sys, NULL, o) != LCN_OK) return 1;
        size_t bad = 0;
        for (int st = 0; st < LCN_PATH_NSTATUS; st++)
            if (lcn_path_status_is_failure((lcn_path_status_t)st)) bad += lcn_result_count(res, (lcn_path_status_t)st);
        printf("%-10s %7zu %8zu %8.3f %10.1f %8zu |", names[s], res->npaths, set->count, res->seconds,
               (double)res->npaths / res->seconds, bad);
        if (have_phc) {
            long nsol = -1;
            double ps = run_phc(phc, dir, name, n, &nsol);
            if (ps >= 0)
                printf(" %8ld %8.3f %7.2f\n", nsol, ps, ps / res->seconds);
            else
                printf(" %8s %8s %7s\n", "-", "failed", "-");
        } else {
            printf(" %8s %8s %7s\n", "-", "-", "-");
        }
        fflush(stdout);
        lcn_solution_set_clear(set);
        lcn_result_clear(res);
        lcn_system_clear(sys);
    }
    if (have_phc) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
    printf("ratio = phc seconds / lcncrit seconds (> 1: lcncrit faster). lcncrit threads: %s; phc -b: 1 thread\n",
           threads ? "as given" : "all (OpenMP)");
    return 0;
}
