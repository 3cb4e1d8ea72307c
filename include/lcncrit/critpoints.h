/* lcncrit: the critical points of one component for the user's data: the
 * parameter homotopy from a generic instance and the post-processing
 * (DESIGN.md §4, issue 4).
 *
 * Exactly one path per generic solution goes from p0 to the target p1 with
 * a random gamma (t from 1 to 0). Every finite endpoint (regular or
 * singular by the tracker) is Newton-refined in MPC; it counts as a
 * solution only if that Newton iteration converges (quadratically) — so a
 * simple but badly conditioned point is kept, and singularity is decided by
 * convergence, not by a condition number alone. Then: θ -> w, removal of
 * degenerate solutions (c = 0, coinciding factors of a root locus; counted
 * separately), deduplication (in w-space for loci and Segre, where the
 * Π m_j! relabellings of equal parts give one w; in θ-space for (P)), real
 * classification and the loss.
 *
 * No path is lost silently: a failed path, or one whose regular endpoint
 * another path reached too (a jump), is tracked again along the same gamma
 * with smaller steps, then in 128-bit precision; what is still unresolved
 * is recovered by tracking all paths along new gammas and taking the union
 * of the verified regular endpoints (θ-space); the rest counts as failed. */
#ifndef LCNCRIT_CRITPOINTS_H
#define LCNCRIT_CRITPOINTS_H

#include "components.h"
#include "critsys.h"
#include "gcache.h"
#include "monodromy.h"
#include "solve.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    double complex *theta;  /* n: one representative θ */
    double complex *w;      /* k: the end-to-end filter c p(t) */
    int real;               /* w real (loci, Segre); every layer real up to scale and w real (P) */
    double loss;            /* Re ℓ(w) = (w − u)^T T (w − u) at the target (without the data constant) */
    double residual;        /* max_i |F_i(θ; p1)| after refinement (evaluated in MPC, θ rounded to double) */
    double accuracy;        /* last Newton update: an ESTIMATE of |θ − exact|_inf */
    int multiplicity;       /* number of paths (θ) that gave this point */
} lcn_critpoint_struct;

typedef struct {
    int n, k;
    size_t count, nreal;
    lcn_critpoint_struct *pts;  /* sorted: real first, then by loss, then by w */
    /* path statistics of the parameter homotopy */
    size_t tracked, finite, at_infinity, singular, failed;
    size_t degenerate;          /* finite regular endpoints dropped as degenerate */
    /* robustness (lcn_critpoints_solve): re-tracks along the same gamma
       (with smaller steps, and of those the ones in 128-bit precision),
       failed paths finished in other charts along the same gamma, new
       gammas tried, unresolved paths replaced by a new regular
       endpoint of those runs, and paths left with an endpoint another path
       reached too (jumped; included in failed) */
    size_t retracked, retracked_mp, recharted;
    int extra_gammas;
    size_t recovered, jumped;
    int real_data;              /* p1 real: the real classification is meaningful */
    double seconds;
} lcn_critpoints_struct;
typedef lcn_critpoints_struct lcn_critpoints_t[1];

LCN_EXPORT void lcn_critpoints_init(lcn_critpoints_t cp);
LCN_EXPORT void lcn_critpoints_clear(lcn_critpoints_t cp);

/* Track g's solutions from g->p0 to p1 (m parameters, lcn_critsys_pack) with
 * gamma a random unit number from opts->seed, and post-process. cp is
 * (re)initialised. LCN_ERR_ARG on size mismatch. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critpoints_solve(lcn_critpoints_t cp, const lcn_critsys_t cs, const lcn_generic_t g,
                                                  const double complex *p1, const lcn_solve_opts_t opts);

/* Checkpoint hooks of the parameter homotopy (checkpoint.h provides them).
 * With hooks the paths are tracked in batches of batch_size; the results do
 * not depend on the batching (a path's result depends on its start only). */
typedef struct {
    size_t batch_size;
    /* Before tracking (may be NULL): the paths an earlier run finished go
     * into res->paths[i] (res holds one path per start; starts: res->npaths
     * x res->n, the generic solutions), with done[i] = 1. A nonzero return
     * aborts the solve with that error. */
    lcn_err_t (*resume)(void *data, lcn_result_struct *res, unsigned char *done, const double complex *starts);
    /* After each batch (may be NULL); nonzero: stop with LCN_ERR_INTERRUPTED. */
    int (*batch)(void *data, const lcn_result_struct *res, const unsigned char *done);
    void *data;
} lcn_critpoints_hook_struct;

/* lcn_critpoints_solve with checkpoint hooks (hook NULL: none). Returns
 * LCN_ERR_INTERRUPTED when hook->batch asked to stop (cp is then empty). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critpoints_solve_hooked(lcn_critpoints_t cp, const lcn_critsys_t cs,
                                                         const lcn_generic_t g, const double complex *p1,
                                                         const lcn_solve_opts_t opts,
                                                         const lcn_critpoints_hook_struct *hook);

/* The whole pipeline for every component of cs (components.h): the generic
 * set from the cache dir (NULL: default, "none": no cache) or by monodromy
 * (mo), then lcn_critpoints_solve (so), the points of all components
 * concatenated into cp (the path statistics summed). *complete (may be
 * NULL) is 1 when every component reached its expected generic count,
 * *generic (may be NULL) receives the total number of generic solutions.
 * With mo->checkpoint, every component's monodromy and parameter homotopy
 * are saved to it and resumed from it (checkpoint.h). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_critpoints_solve_all(lcn_critpoints_t cp, const lcn_critsys_t cs,
                                                      const double complex *p1, const char *cache_dir,
                                                      const lcn_monodromy_opts_t mo, const lcn_solve_opts_t so,
                                                      int *complete, size_t *generic);

/* The layer filters of θ (one per architecture layer, concatenated: sizes
 * cs->arch_k[0..L)) for Segre and (P) systems: layers 2..L are v_l divided
 * by their largest-modulus entry and scaled to unit Euclidean norm (so a
 * projectively real layer comes out real), layer 1 carries c and the
 * compensating scale; layers of size 1 are 1. Returns the total length. */
LCN_EXPORT int lcn_critsys_layers(double complex *filters, const lcn_critsys_t cs, const double complex *theta);

/* 1 if v (len) is a complex multiple of a real vector, to relative tol. */
LCN_EXPORT int lcn_is_projectively_real(const double complex *v, int len, double tol);

#ifdef __cplusplus
}
#endif
#endif
