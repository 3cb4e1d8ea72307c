/* lcncrit: the census — every critical point of the loss
 * ℓ(w) = (w − u)^T T (w − u) (+ a data constant) that an architecture can
 * lead to, counted against the ED degrees, classified, filtered by what the
 * architecture reaches, and translated back into layer filters (issue 5).
 *
 * Routing (DESIGN §1):
 *   stride one      -> one root-locus component per partition λ of n = k − 1
 *                      (Δ(1^n) included: it is solved, not assumed to be {u});
 *                      a real point is reachable iff its rrmp is compatible
 *                      with the architecture (KMMT22 Cor. 5.5); its layer
 *                      filters are all factorizations without repeated roots
 *                      in any layer (Thm 5.3), each classified in parameter
 *                      space (hessian.h).
 *   reduced, s > 1  -> one Segre component (Shahverdi §4); a real point is
 *                      reachable iff its layers are real; one factorization.
 *   mixed           -> the Segre component of the reduced architecture (the
 *                      Zariski closure of the function space). A merged layer
 *                      is a stride-one group of layers: a real point is
 *                      reachable iff every merged layer is real and factors
 *                      into real filters of its group (every such
 *                      factorization is critical, by the chain rule, since
 *                      the reduced parameters are); the filters are given in
 *                      the original layers. Not covered: critical points on
 *                      the root loci inside merged layers (those with
 *                      repeated roots shared across a group), which are not
 *                      critical points of the Segre system (census->
 *                      not_covered says so). A scalar first layer with
 *                      stride > 1 (reduced embedding > 1) is not covered at
 *                      all.
 * Counts (complex, real) are points w, after the deduplication of
 * critpoints.h. The library writes only to the FILE it is given. */
#ifndef LCNCRIT_CENSUS_H
#define LCNCRIT_CENSUS_H

#include <complex.h>
#include <stdio.h>
#include "arch.h"
#include "common.h"
#include "critsys.h"
#include "hessian.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { LCN_CENSUS_ROOT_LOCUS = 0, LCN_CENSUS_SEGRE = 1 } lcn_census_kind_t;

/* One real factorization θ = (w_1..w_L) of a reachable point (balanced and
 * signed, lcn_param_normalize) with its type in parameter space. */
typedef struct {
    double *theta;               /* arch->nparams (of census->farch) */
    lcn_crit_info_struct info;
    int classified;              /* 0: the classification failed (info meaningless) */
} lcn_census_fact_struct;

typedef struct {
    double complex *w;           /* k */
    double complex *theta;       /* the system's unknowns (c, t_1, ..) */
    int real, certified;
    double loss;                 /* (w−u)^T T (w−u) + const (the data loss with --data) */
    double residual;
    /* Roots of π(w) as points of P^1: root i is (x:y) = (root[i] : 1), or
     * (1 : 0) when root_inf[i]; multiplicity root_mult[i]. */
    int nroots;
    double complex *root;
    int *root_inf, *root_mult;
    /* Real points only: */
    char rrmp[64];               /* "" when not real or undetermined */
    int in_function_space;       /* 1/0, −1: not applicable (Segre) or unknown */
    int compatible;              /* reachable by the architecture: 1/0 (real points), −1 otherwise */
    size_t nfact;
    lcn_census_fact_struct *fact;
} lcn_census_point_struct;

typedef struct {
    lcn_census_kind_t kind;
    int lambda[64], r;           /* root locus: the partition */
    int sk[LCN_ARCH_MAX_LAYERS], ss[LCN_ARCH_MAX_LAYERS], sL; /* Segre: the (reduced) architecture */
    long expected;               /* for the weights used; 0 unknown */
    const char *expected_source;
    long expected_identity, expected_generic; /* 0 unknown */
    int mismatch;                /* expected known and found != expected */
    int complete;                /* the generic set reached its expected count */
    size_t found, nreal, ncertified, ncompatible, nfactorizations;
    size_t tracked, finite, at_infinity, singular, failed, degenerate;
    double seconds;
    size_t npts;
    lcn_census_point_struct *pts;
} lcn_census_component_struct;

typedef struct {
    /* Inputs (set by lcn_census_opts_init, then by the caller). */
    uint64_t seed;
    int threads;
    const char *cache_dir;       /* NULL: default, "none": no cache */
    const char *weights_name;    /* "identity", "bombieri", "generic", "data", or a file name */
    int certify;                 /* alpha-certify every point [1] */
    double hessian_tol;          /* relative zero-eigenvalue threshold [1e-7] */
    size_t max_factorizations;   /* per point [10000] */
    lcn_log_struct log;          /* progress (one line per component) */
    lcn_log_struct track_log;    /* the tracker's own messages */
    /* Save and resume every component's progress here (checkpoint.h); NULL:
     * none [NULL]. A stop request makes lcn_census_run return
     * LCN_ERR_INTERRUPTED. */
    struct lcn_checkpoint_struct *checkpoint;
} lcn_census_opts_struct;
typedef lcn_census_opts_struct lcn_census_opts_t[1];

LCN_EXPORT void lcn_census_opts_init(lcn_census_opts_t o);

typedef struct {
    lcn_arch_t arch;             /* as given */
    lcn_arch_t farch;            /* the architecture the filters belong to (arch, or its stride-one equivalent) */
    lcn_arch_t sarch;            /* Segre routes: the reduced architecture the system is built on */
    int group[LCN_ARCH_MAX_LAYERS]; /* mixed: reduced layer of each layer of farch (−1: scalar) */
    int grouped;                 /* mixed: filters are split into farch's layers through group[] */
    const char *route;           /* "stride-one", "reduced", "mixed", "not-covered" */
    char not_covered[320];       /* what is not computed, "" if everything is */
    int k;
    double *u, *T;               /* k, k × k */
    double cst;                  /* data constant (0 without data) */
    char weights[64];
    uint64_t seed;
    size_t ncomp;
    lcn_census_component_struct *comp;
    /* Totals over the components. */
    size_t complex_total, real_total, compatible_real, certified_total, network_points;
    int upper_bound_known;
    uint64_t upper_bound;        /* KMMT22 Σ EDdeg over compatible loci (stride one) */
    int found_bound_known;
    uint64_t found_bound;        /* the same sum with this census's found counts (no formula needed) */
    int mismatch;                /* some known count differs */
    double seconds;
    /* --verify-params */
    int params_done;
    size_t params_found;         /* nonzero complex critical points of (P), up to scaling */
    uint64_t params_predicted;   /* Σ_λ (found on Δ_λ) · N(λ) */
    int params_mismatch;
} lcn_census_struct;
typedef lcn_census_struct lcn_census_t[1];

LCN_EXPORT void lcn_census_init(lcn_census_t c);
LCN_EXPORT void lcn_census_clear(lcn_census_t c);

/* Run the census of arch for the data u (k = arch->kend), T (k × k
 * symmetric positive definite), data constant cst (0 for a target).
 * LCN_ERR_ARG on bad sizes (also an end-to-end filter of size 1: all
 * layers scalars); errors of the solvers are passed on. A count
 * that differs from its expectation is not an error: c->mismatch. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_census_run(lcn_census_t c, const lcn_arch_t arch, const double *u, const double *T,
                                            double cst, const lcn_census_opts_t opts);

/* Solve system (P) for the same data and compare its number of nonzero
 * complex critical points with Σ_λ (points found on Δ_λ) · N(λ) (KMMT22
 * Ex. 5.10). Stride-one census only (LCN_ERR_ARG otherwise). Sets the
 * params_* fields; a difference sets params_mismatch and mismatch. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_census_verify_params(lcn_census_t c, const lcn_census_opts_t opts);

/* Human-readable tables (one per component, then the summary). */
LCN_EXPORT void lcn_census_write_text(FILE *f, const lcn_census_t c);
/* The SPEC.md JSON document (newline-terminated). */
LCN_EXPORT void lcn_census_write_json(FILE *f, const lcn_census_t c);

#ifdef __cplusplus
}
#endif
#endif
