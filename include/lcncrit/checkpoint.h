/* lcncrit: checkpoints, so that a long run killed midway can be resumed and
 * ends with the same solution set as an uninterrupted run.
 *
 * A checkpoint holds, per component (keyed like the generic-solution cache,
 * lcn_gcache_key: system, component, seed, version), the monodromy state
 * between two batches (lcn_monodromy_state_struct plus p0, the known
 * solutions in their order and the counters) and the parameter homotopy's
 * finished paths with their full path results. Every double is stored as a
 * hex float, so a resumed run continues from bit-identical data: it draws the
 * same next triangle and re-uses the same path results.
 *
 * The file is written whole, atomically: FILE.tmp, fsync, rename onto FILE
 * (a crash leaves the previous FILE intact). It starts with a fingerprint
 * chosen by the caller (the command, its inputs, the seed, the machine); a
 * file with another fingerprint is refused, never silently re-used.
 *
 * The hooks save at most every `interval` seconds, and at once when *stop
 * is nonzero (the caller's flag, e.g. set by a signal handler): then they
 * also ask the solver to stop (LCN_ERR_INTERRUPTED). The library installs
 * no signal handler. One process per FILE.
 *
 * Not saved, because it is cheap and deterministic, so redone on resume:
 * the seed pair, the move of the generic set to the full system, the
 * re-tracking rounds and the post-processing of critpoints.c, and whatever
 * the caller does per component afterwards (the census's certification).
 *
 * Text format: "lcncrit-checkpoint 3", "fingerprint LINE", "entries E", then
 * per entry "entry KEY", optionally "monodromy n m count loops paths
 * failures steps seconds", "state before stall rng0..rng3 predictor_tol
 * max_step corners nloops", "p0 ..." (the seed pair's), "base moves ..."
 * (the current base point), one "loop pos corners.." line per loop and one
 * "s x.. accuracy residual multiplicity" line per solution, optionally "paths n npaths ndone starts_hash" and one
 * "r index status winding prec accepted rejected certified accuracy residual
 * cond t_end x.." line per finished path, then "end"; last "eof". */
#ifndef LCNCRIT_CHECKPOINT_H
#define LCNCRIT_CHECKPOINT_H

#include <signal.h>
#include "critpoints.h"
#include "monodromy.h"

#ifdef __cplusplus
extern "C" {
#endif

struct lcn_checkpoint_struct;

/* One component's saved progress. */
typedef struct {
    struct lcn_checkpoint_struct *ck; /* the checkpoint it belongs to */
    char key[512];
    /* monodromy (has_mono): g's content and the state between two batches */
    int has_mono;
    int n, m;
    double complex *p0;          /* m: the seed pair's parameters (st.origin points here) */
    double complex *base;        /* m: the current base point (g->p0), p0 until a move */
    long moves;                  /* g->moves */
    size_t count;                /* known solutions */
    double complex *x;           /* count * n, in the set's order */
    double *accuracy, *residual; /* count each */
    int *multiplicity;           /* count */
    long loops, paths, failures, steps;
    double seconds;
    lcn_monodromy_state_struct st; /* st.vertices, st.pos owned here; st.origin points at p0 */
    /* parameter homotopy (has_paths): npaths paths of pn unknowns */
    int has_paths;
    int pn;
    size_t npaths;
    uint64_t starts_hash;        /* of the start points' bits: saved paths are re-used only from the same starts */
    unsigned char *done;         /* npaths: 1 when paths[i] holds a finished path */
    lcn_path_result_struct *res; /* npaths; x allocated only where done */
} lcn_checkpoint_entry_struct;

typedef struct lcn_checkpoint_struct {
    char *path;                  /* FILE */
    char *fingerprint;           /* one line, no newline */
    double interval;             /* seconds between periodic saves; 0: at every batch [30] */
    volatile sig_atomic_t *stop; /* caller's flag: nonzero = save now and stop (NULL: none) */
    size_t paths_batch;          /* paths per batch of a checkpointed parameter homotopy [64] */
    int interrupted;             /* a hook asked the solver to stop */
    long saves;                  /* files written by this process */
    double last_save;            /* monotonic seconds of the last save (or of init) */
    lcn_err_t save_error;        /* outcome of the last save by lcn_checkpoint_poll */
    size_t count;
    lcn_checkpoint_entry_struct **e; /* count entries (pointers: hooks keep them) */
    lcn_log_struct log;          /* one INFO line per save, WARN on a failed save */
} lcn_checkpoint_struct;
typedef lcn_checkpoint_struct lcn_checkpoint_t[1];

/* path and fingerprint are copied (the fingerprint must not contain a newline). */
LCN_EXPORT void lcn_checkpoint_init(lcn_checkpoint_t ck, const char *path, const char *fingerprint);
LCN_EXPORT void lcn_checkpoint_clear(lcn_checkpoint_t ck);

/* Read ck->path if it exists. *found (may be NULL) is set to 1 when it was
 * read, 0 when there is no such file (not an error: a fresh run).
 * LCN_ERR_ARG: the file's fingerprint differs from ck's (msg, if not NULL,
 * receives both); LCN_ERR_PARSE: not a valid checkpoint file; LCN_ERR_IO:
 * it exists but cannot be read. On error ck holds no entries. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_checkpoint_load(lcn_checkpoint_t ck, int *found, char *msg, size_t msglen);
/* Write every entry atomically (FILE.tmp, fsync, rename). LCN_ERR_IO on
 * failure, FILE then unchanged. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_checkpoint_save(lcn_checkpoint_t ck);
/* The text form used by save and load (hex floats, exact). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_checkpoint_write(FILE *f, const lcn_checkpoint_t ck);
LCN_EXPORT LCN_WUR lcn_err_t lcn_checkpoint_read(lcn_checkpoint_t ck, FILE *f, char *msg, size_t msglen);

/* The entry of key, created empty if absent (never NULL). */
LCN_EXPORT lcn_checkpoint_entry_struct *lcn_checkpoint_entry(lcn_checkpoint_t ck, const char *key);

/* Prepare a monodromy solve of component key from the seed pair's p0: if ck
 * holds its state for this very p0 (bit for bit), fill gm (initialised with
 * n = sys->n, m = sys->m of the monodromy system) with the saved p0,
 * solutions and counters and point mo->resume at the saved state; a state
 * for another p0 or other sizes is dropped with a warning (the solve starts
 * afresh). Always sets mo->hook (save, maybe stop). LCN_ERR_PARSE when the
 * saved solutions are not distinct. The entry must outlive the solve. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_checkpoint_attach_monodromy(lcn_checkpoint_t ck, const char *key, lcn_generic_t gm,
                                                             const double complex *p0, lcn_monodromy_opts_t mo);
/* Hooks for lcn_critpoints_solve_hooked of component key: re-use the saved
 * finished paths when they started from the same points (else they are
 * dropped with a warning), save each batch (ck->paths_batch paths). */
LCN_EXPORT void lcn_checkpoint_paths_hook(lcn_critpoints_hook_struct *hook, lcn_checkpoint_t ck, const char *key);

/* What a hook does at a batch boundary: save when *stop is set (and return
 * 1: stop) or when interval seconds have passed since the last save; 0
 * otherwise. A failed save is logged and recorded in save_error (a failed
 * save on stop still returns 1). */
LCN_EXPORT int lcn_checkpoint_poll(lcn_checkpoint_t ck);

#ifdef __cplusplus
}
#endif
#endif
