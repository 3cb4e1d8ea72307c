/* lcncrit: monodromy, the generic solution set of a parametrised system
 * (DESIGN.md §4).
 *
 * From one seed pair (x0, p0) with F(x0; p0) = 0, random parameter
 * triangles p0 -> p1 -> p2 -> p0 (straight segments, gamma = 1, t from 1 to
 * 0 on each leg) carry known solutions of F(·; p0) to other solutions.
 * Every known solution is carried round every loop drawn so far, new ones
 * included (a breadth-first search of the orbit under the group those loops
 * generate); only when that orbit is closed is a new loop drawn. With a
 * symmetry (opts->key) one solution per orbit is kept. The solve stops when `expected` solutions are known, or, when no count is
 * known, when a trace test (opts->trace, below) proves the set complete
 * (complete = 1), or after `max_stall` loops in a row without a new
 * solution — then completeness is NOT proven (complete = 0).
 *
 * The trace test: for the systems of critsys.h the sum of w(θ) over all
 * the generic solutions is a linear function of the parameters b (each
 * w_i(b) is homogeneous of degree 1, and no w escapes to infinity at
 * finite b for generic T0, so the symmetric sum is a polynomial of degree
 * 1). Carried along b0 -> b0 + v -> b0 + 2v, the whole set has a second
 * difference Σ w(b0) − 2 Σ w(b0+v) + Σ w(b0+2v) at rounding level
 * (1e-14 relative on Segre (4,4)); a set that misses a solution m is off
 * by m's own second difference, of the size of |w_m| (3e-2 relative
 * there). bench-trace measures both.
 *
 * The incidence variety {(x, p) : F(x; p) = 0} of every system in critsys.h
 * is irreducible on its main component (for fixed x the admissible u form an
 * affine space), so the monodromy group acts transitively on the generic
 * solutions of that component: the count is reachable. */
#ifndef LCNCRIT_MONODROMY_H
#define LCNCRIT_MONODROMY_H

#include <stdio.h>
#include "rng.h"
#include "solution_set.h"
#include "solve.h"
#include "system.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A generic instance: parameters p0 (m) and solutions of F(·; p0) = 0. */
typedef struct {
    int n, m;
    double complex *p0;
    lcn_solution_set_t sols;
    int complete;          /* 1: the expected count was reached */
    long loops;            /* loops used */
    long paths;            /* paths tracked (legs) */
    long failures;         /* legs that did not end at a finite regular point */
    long steps;            /* predictor-corrector steps (accepted + rejected) over all legs */
    long moves;            /* base-point moves (p0 is then no longer the seed pair's) */
    long traces;           /* trace tests run */
    double trace_defect;   /* relative defect of the last trace test; -1: none run or inconclusive */
    double seconds;
} lcn_generic_struct;
typedef lcn_generic_struct lcn_generic_t[1];

LCN_EXPORT void lcn_generic_init2(lcn_generic_t g, int n, int m);
LCN_EXPORT void lcn_generic_clear(lcn_generic_t g);

/* Text file (hex floats, exact): "lcncrit-generic 1", "key KEY", "n N m M",
 * "complete C", "count K", the m parameters, then K solutions, one per line,
 * each "re im" pair written with %a. read returns LCN_ERR_PARSE on malformed
 * input or a key/size mismatch (key may be NULL to skip that check). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_generic_write(FILE *f, const lcn_generic_t g, const char *key);
LCN_EXPORT LCN_WUR lcn_err_t lcn_generic_read(lcn_generic_t g, FILE *f, const char *key, int n, int m);

/* The state of a solve between two batches, beside what g holds (p0, the
 * known solutions in their order, loops = the number of loops drawn, the
 * counters): together they are everything the rest of the solve depends
 * on, so a solve resumed from them draws the same triangles, tracks the same
 * batches and ends with the same set (checkpoint.h saves them).
 *
 * The loops in use are polygons p0 -> c_1 -> ... -> c_K -> p0 (K corners
 * each); the solutions only grow, in order, so "solution i has been
 * carried round loop j" is i < pos[j]. */
typedef struct {
    int m;
    int corners;                    /* K, corners per loop */
    int nloops;                     /* loops in use */
    double complex *vertices;       /* nloops * K * m: corner i of loop j at vertices + (j*K + i)*m */
    size_t *pos;                    /* nloops: solutions carried round loop j so far */
    size_t before;                  /* the largest number of solutions when a loop was drawn */
    int stall;                      /* loops drawn in a row that found no new solution */
    lcn_rng_struct rng;             /* the loops' generator, after drawing the newest loop */
    double predictor_tol, max_step; /* the tracker's step control, as adapted so far */
    /* The seed pair's parameters (m): g->p0 equals them until the first
     * base-point move (move_after), after which g->p0 is the new base. */
    double complex *origin;
} lcn_monodromy_state_struct;

/* Called at every batch boundary (g and st as above, valid during the call
 * only); a nonzero return stops the solve with LCN_ERR_INTERRUPTED. */
typedef int (*lcn_monodromy_hook_fn)(void *data, const lcn_generic_struct *g, const lcn_monodromy_state_struct *st);

struct lcn_checkpoint_struct;

typedef struct {
    long expected;       /* number of generic solutions, 0 when unknown [0] */
    int max_stall;       /* loops without a new solution before stopping (unknown count) [4] */
    int max_loops;       /* cap on the number of loops [100] */
    size_t batch;        /* paths per parallel batch [256] */
    uint64_t seed;       /* randomness of the loops [1] */
    long leg_max_steps;  /* step cap of one leg (a capped leg counts as failed); 0: track.max_steps [600] */
    /* With a known count not yet reached: after this many loops in a row
     * without a new solution, carry the known set to a new random base
     * point (one parameter homotopy) and go on there; 0: never [3]. */
    int move_after;
    /* With move_after: after this many moves in a row that found no new
     * solution (move_after * (moves_stalled + 1) loops without one), stop:
     * the set is then incomplete and lcn_gcache_obtain tries another base
     * point; 0: go on to max_loops [3]. */
    int moves_stalled;
    /* Corners of a loop besides p0 (2: a triangle) [2]; 1: a lens
     * p0 -> c -> p0 along two circular arcs (gammas e^{±iφ}, monodromy.c),
     * which moves more solutions per loop at 2/3 of the legs (bench-loops)
     * but was no faster on Segre (5,5) over seeds 1-4. */
    int corners;
    /* Optional symmetry: a finite group acting on the solutions that every
     * homotopy commutes with (F(g·x; p) = 0 iff F(x; p) = 0 for all p),
     * whose orbits key() tells apart: it writes key_dim numbers, equal
     * (to the solution set's tolerance) exactly for solutions of one
     * orbit (a root locus: w, for the relabellings of θ). The solve keeps
     * one solution per orbit, carries only those round the loops, and
     * expected counts orbits. NULL: every solution is its own orbit. */
    void (*key)(void *data, const double complex *x, double complex *out);
    void *key_data;
    int key_dim;
    /* Optional filter: solutions for which accept() returns 0 (e.g. degenerate
     * ones of another component) are not added. */
    int (*accept)(void *data, const double complex *x);
    void *accept_data;
    /* Optional trace test (see above), run when no count is known and a
     * loop found nothing new: trace() writes trace_dim coordinates of a
     * solution whose sum over a complete set is linear in the parameters
     * (w(θ) for critsys.h). NULL: no test. */
    void (*trace)(void *data, const double complex *x, double complex *out);
    void *trace_data;
    int trace_dim;
    /* Optional: the parameters the trace test's line moves are the first
     * trace_params (the rest stay at p0's); 0: all m. (For the full
     * system of critsys.h: the k entries of u, the sum of w being linear
     * in u for fixed T only.) */
    int trace_params;
    /* Optional: draws the K corners (K * m parameters, corner i at out + i*m)
     * of the loop numbered loop (0-based) from rng, in place of K * m
     * independent complex normals; base is the current base point. It
     * must depend on its arguments only, so that a resumed solve draws
     * the same loops. (critsys.h, gcache.c: T fixed at the base's for the
     * first loops, free after.) */
    void (*draw_corners)(void *data, double complex *out, int K, int m, const double complex *base, long loop,
                         lcn_rng_struct *rng);
    void *draw_data;
    lcn_solve_opts_struct track; /* tracker options (threads, log, tolerances) */
    lcn_log_struct log;          /* monodromy's own progress lines (one per loop); NULL fn: silent */
    /* Checkpoints (all optional, NULL by default). */
    lcn_monodromy_hook_fn hook;  /* see lcn_monodromy_hook_fn */
    void *hook_data;
    /* Resume: g already holds the saved p0 (equal to the p0 argument), the
     * solutions and the counters; the solve continues from this state
     * (x0 is then not used). */
    const lcn_monodromy_state_struct *resume;
    /* Not used by lcn_monodromy_solve: lcn_gcache_obtain attaches the hook
     * and the resume state of its component from this checkpoint. */
    struct lcn_checkpoint_struct *checkpoint;
} lcn_monodromy_opts_struct;
typedef lcn_monodromy_opts_struct lcn_monodromy_opts_t[1];

LCN_EXPORT void lcn_monodromy_opts_init(lcn_monodromy_opts_t o);

/* Fill g (initialised with lcn_generic_init2(g, sys->n, sys->m)) with a base
 * point (p0, or the last one moved to: g->moves says) and the solutions
 * reached from x0. Returns LCN_OK even when the expected count
 * was not reached (g->complete says); LCN_ERR_ARG if x0 does not solve
 * F(x; p0) = 0 (Newton from x0 fails) or sizes differ (or, resuming, the
 * saved origin differs from p0); LCN_ERR_INTERRUPTED when opts->hook asked to stop
 * (g then holds the solutions found so far). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_monodromy_solve(lcn_generic_t g, const lcn_system_t sys, const double complex *x0,
                                                 const double complex *p0, const lcn_monodromy_opts_t opts);

/* Below this relative defect a trace test proves a set complete: a
 * complete set measured 1e-14 on Segre (4,4), sets short of one solution
 * 3e-2 to 0.16 (bench-trace). */
#define LCN_MONODROMY_TRACE_TOL 1e-9

/* The trace test (above) on g's set at g->p0, with opts->trace (required)
 * and opts->seed, opts->track: *defect is the relative second difference
 * (complete below LCN_MONODROMY_TRACE_TOL), or -1 when a path failed or two paths met
 * (inconclusive). g's counters (paths, failures, steps, traces) grow.
 * LCN_ERR_ARG without opts->trace or on a size mismatch. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_monodromy_trace_test(double *defect, lcn_generic_t g, const lcn_system_t sys,
                                                      const lcn_monodromy_opts_t opts);

#ifdef __cplusplus
}
#endif
#endif
