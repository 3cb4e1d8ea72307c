/* lcncrit: solving a square system by homotopy continuation.
 *
 * t runs from 1 (start) to 0 (target). Paths run in parallel with OpenMP,
 * one tracker workspace per thread; path i's result is stored at index i and
 * depends only on (system, parameters, options, seed, i), so the results
 * are identical for any number of threads. */
#ifndef LCNCRIT_SOLVE_H
#define LCNCRIT_SOLVE_H

#include "result.h"
#include "system.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The predictor of the double-precision tracker. RK4: four tangents (four
 * Jacobians and LU factorisations) per step, local error O(h^5). HERMITE:
 * the quintic through the last three accepted points and their tangents,
 * extrapolated, local error O(h^6), one tangent per step (the first two
 * steps of a segment are RK4); with the corrector's Jacobian, two
 * factorisations a step instead of five. The MPC tracker always uses RK4. */
typedef enum { LCN_PREDICTOR_RK4 = 0, LCN_PREDICTOR_HERMITE = 1 } lcn_predictor_t;

/* Options of the tracker and of the solve functions. All tolerances are
 * relative to max(1, |x|_inf) unless stated otherwise. Defaults in [..]. */
typedef struct {
    uint64_t seed;          /* gamma of the total-degree homotopy from (seed) [1] */
    int threads;            /* 0: all (OpenMP) [0] */
    /* tracking (predictor, Newton corrector) */
    lcn_predictor_t predictor; /* [LCN_PREDICTOR_HERMITE] */
    double corrector_tol;   /* a corrector step converged when its update is below this [1e-8] */
    int corrector_iters;    /* Newton iterations allowed per step [3] */
    double predictor_tol;   /* step size aims at a first Newton update of this size [1e-4] */
    double max_step;        /* largest |dt| of one step [0.25] */
    double min_step;        /* smallest |dt|, relative to min(segment length, |t|, |1 - t|): the
                               relative part lets steps shrink near both ends [1e-13] */
    long max_steps;         /* accepted + rejected steps per path [20000] */
    /* precision switch: a segment that fails in double because of rounding
       (measured) continues in MPC at 64, 128, 256, ... bits up to max_prec */
    long max_prec;          /* [512]; 53 disables multiprecision */
    long max_steps_mp;      /* steps in MPC allowed per path before the endgame (a path near a
                               chart's pole crawls there for seconds); 0: no limit [0] */
    long start_prec;        /* precision every path starts in (0 or 53: double) [53]; re-tracks of
                               doubtful paths use more */
    /* endgame */
    double endgame_start;   /* |t| where the endgame begins [0.1] */
    double endgame_ratio;   /* sample points t_{k+1} = ratio * t_k [0.25] */
    double endgame_min_t;   /* last sample point [1e-12] */
    double endgame_tol;     /* two Cauchy estimates agreeing to this: converged [1e-8] */
    int cauchy_points;      /* points per loop of the Cauchy endgame [16] */
    int max_winding;        /* loops around t = 0 before giving up [16] */
    double max_norm;        /* |x|_inf above this in the endgame: at infinity [1e10] */
    double endgame_inf_t;   /* a stable negative valuation means divergence only below this t
                               (or after a millionfold growth of |x|) [1e-8] */
    double singular_cond;   /* endpoints with cond above this are singular [1e11] */
    /* finishing */
    long refine_prec;       /* MPC precision of the final Newton when double is not enough [128] */
    double real_tol;        /* |Im x_i| below max(real_tol, 10 accuracy) * max(1, |x|): real [1e-8] */
    double dedup_tol;       /* two endpoints closer than this are one solution [1e-7] */
    lcn_log_struct log;     /* progress (INFO, from solves longer than 1 s) and per-path
                               diagnostics (DEBUG: precision raised, endgame steps); NULL fn =
                               silent. DEBUG messages come from several threads at once. */
} lcn_solve_opts_struct;
typedef lcn_solve_opts_struct lcn_solve_opts_t[1];

LCN_EXPORT void lcn_solve_opts_init(lcn_solve_opts_t o);

/* Both solves: res must be initialised (lcn_result_init); its previous
 * content is freed. They return LCN_OK whatever happens to the paths (see
 * each path's status), LCN_ERR_ARG for bad arguments or options.
 *
 * Total-degree homotopy H = (1-t) F(x;p) + t*gamma*(x_i^{d_i} - 1), t from 1
 * to 0, gamma a random unit complex number from opts->seed. p: the system's
 * m parameter values (NULL when m == 0). One path per start point (prod
 * d_i); res is (re)initialised with that many paths. Returns LCN_ERR_ARG
 * for a system without unknowns, LCN_ERR_LIMIT when prod d_i overflows. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_solve_total_degree(lcn_result_t res, const lcn_system_t sys,
                                                    const double complex *p, const lcn_solve_opts_t opts);

/* Parameter homotopy: track starts (nstarts x n, row-major: start j is
 * starts[j*n .. j*n+n)) which solve F(x;p0)=0, to F(x;p1)=0 along
 * p(t) = tau(t) p0 + (1 - tau(t)) p1, tau(t) = t*gamma / (1 + t*(gamma - 1)),
 * t from 1 to 0 (gamma = 1: the straight segment; a random unit gamma: the
 * gamma trick). res->paths[j] is the end of start j, always, whatever
 * happened (a start that does not solve F(x;p0)=0: LCN_PATH_INVALID_START).
 * Starts are polished by Newton at t = 1 first. gamma must not be 0 or a
 * negative real (tau would have a pole on [0, 1]): LCN_ERR_ARG. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_solve_parameter(lcn_result_t res, const lcn_system_t sys,
                                                 const double complex *p0, const double complex *p1,
                                                 double complex gamma, const double complex *starts,
                                                 size_t nstarts, const lcn_solve_opts_t opts);

#ifdef __cplusplus
}
#endif
#endif
