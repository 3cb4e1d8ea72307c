/* Solve by homotopy continuation: options, the total-degree and parameter
 * homotopies, and the OpenMP loop over paths. t runs from 1 (start) to 0
 * (target). */
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "lcncrit/rng.h"
#include "impl.h"

void lcn_solve_opts_init(lcn_solve_opts_t o)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->threads = 0;
    o->predictor = LCN_PREDICTOR_HERMITE;
    o->corrector_tol = 1e-8;
    o->corrector_iters = 3;
    o->predictor_tol = 1e-4;
    o->max_step = 0.25;
    o->min_step = 1e-13;
    o->max_steps = 20000;
    o->max_prec = 512;
    o->max_steps_mp = 0;
    o->start_prec = 53;
    o->endgame_start = 0.1;
    o->endgame_ratio = 0.25;
    o->endgame_min_t = 1e-12;
    o->endgame_tol = 1e-8;
    o->cauchy_points = 16;
    o->max_winding = 16;
    o->max_norm = 1e10;
    o->endgame_inf_t = 1e-8;
    o->singular_cond = 1e11;
    o->refine_prec = 128;
    o->real_tol = 1e-8;
    o->dedup_tol = 1e-7;
    lcn_log_init(&o->log);
}

static int opts_ok(const lcn_solve_opts_struct *o)
{
    return (o->predictor == LCN_PREDICTOR_RK4 || o->predictor == LCN_PREDICTOR_HERMITE) && o->corrector_tol > 0 &&
           o->corrector_iters >= 1 && o->predictor_tol > 0 && o->max_step > 0 &&
           o->min_step > 0 && o->max_steps > 0 && o->max_prec >= 53 && o->max_steps_mp >= 0 && o->start_prec >= 0 &&
           o->start_prec <= o->max_prec && o->endgame_start > 0 &&
           o->endgame_start < 1 && o->endgame_ratio > 0 && o->endgame_ratio < 1 && o->endgame_min_t > 0 &&
           o->endgame_tol > 0 && o->cauchy_points >= 4 && o->max_winding >= 1 && o->max_norm > 0 && o->endgame_inf_t > 0 &&
           o->singular_cond > 1 && o->refine_prec >= 53;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Track every path of h; starts == NULL means the total-degree start points. */
static void run_paths(lcn_result_t res, const lcn_homotopy_t h, const double complex *starts, size_t npaths,
                      const lcn_solve_opts_struct *o)
{
    const int n = h->n;
    int nthreads = 1;
#ifdef _OPENMP
    nthreads = o->threads > 0 ? o->threads : omp_get_max_threads();
    if ((size_t)nthreads > npaths) nthreads = npaths > 0 ? (int)npaths : 1;
#endif
    size_t done = 0;
    const double t0 = now_seconds();
    double last_log = t0;
#pragma omp parallel num_threads(nthreads)
    {
        lcn_tracker_t tr;
        lcn_tracker_init(tr, h, o);
        double complex *x0 = lcn_malloc_array((size_t)n, sizeof *x0);
#pragma omp for schedule(dynamic, 1)
        for (size_t i = 0; i < npaths; i++) {
            if (starts)
                memcpy(x0, starts + i * (size_t)n, (size_t)n * sizeof *x0);
            else
                lcn_homotopy_total_degree_start(x0, h->sys, i);
            lcn_tracker_track(&res->paths[i], tr, x0);
            if (o->log.fn) {
#pragma omp critical(lcn_solve_log)
                {
                    done++;
                    double tn = now_seconds();
                    /* Progress once a second; short solves (monodromy makes
                       thousands) only at debug level. */
                    if (tn - last_log > 1.0 || done == npaths) {
                        last_log = tn;
                        lcn_logf(&o->log, tn - t0 > 1.0 ? LCN_LOG_INFO : LCN_LOG_DEBUG, "tracked %zu/%zu paths (%.1f s)",
                                 done, npaths, tn - t0);
                    }
                }
            }
        }
        lcn_free(x0);
        lcn_tracker_clear(tr);
    }
    res->seconds = now_seconds() - t0;
    if (o->log.fn) {
        for (int s = 0; s < LCN_PATH_NSTATUS; s++) {
            size_t c = lcn_result_count(res, (lcn_path_status_t)s);
            if (c) lcn_logf(&o->log, LCN_LOG_DEBUG, "  %s: %zu", lcn_path_status_string((lcn_path_status_t)s), c);
        }
    }
}

lcn_err_t lcn_solve_total_degree(lcn_result_t res, const lcn_system_t sys, const double complex *p,
                                 const lcn_solve_opts_t opts)
{
    if (!sys || sys->n < 1 || (sys->m > 0 && !p) || !opts_ok(opts)) return LCN_ERR_ARG;
    size_t npaths = lcn_homotopy_total_degree_count(sys);
    if (npaths == 0) return LCN_ERR_LIMIT;
    /* gamma from the seed alone: the same homotopy for every path. */
    lcn_rng_t rng;
    lcn_rng_init(rng, opts->seed, UINT64_C(0x67616d6d61)); /* "gamma" */
    double complex gamma = lcn_rng_unit(rng);
    lcn_homotopy_t h;
    lcn_homotopy_init_total_degree(h, sys, p, gamma);
    lcn_result_init2(res, sys->n, npaths);
    lcn_logf(&opts->log, LCN_LOG_DEBUG, "total-degree homotopy: %zu paths, %d unknowns", npaths, sys->n);
    run_paths(res, h, NULL, npaths, opts);
    lcn_homotopy_clear(h);
    return LCN_OK;
}

lcn_err_t lcn_solve_parameter(lcn_result_t res, const lcn_system_t sys, const double complex *p0,
                              const double complex *p1, double complex gamma, const double complex *starts,
                              size_t nstarts, const lcn_solve_opts_t opts)
{
    if (!sys || sys->n < 1 || (sys->m > 0 && (!p0 || !p1)) || (nstarts > 0 && !starts) || !opts_ok(opts))
        return LCN_ERR_ARG;
    /* tau(t) has a pole at t = 1/(1 - gamma), which must stay off [0, 1]. */
    if (!(cabs(gamma) > 0) || (cimag(gamma) == 0 && creal(gamma) <= 0)) return LCN_ERR_ARG;
    lcn_homotopy_t h;
    lcn_homotopy_init_parameter(h, sys, p0, p1, gamma);
    lcn_result_init2(res, sys->n, nstarts);
    run_paths(res, h, starts, nstarts, opts);
    lcn_homotopy_clear(h);
    return LCN_OK;
}
