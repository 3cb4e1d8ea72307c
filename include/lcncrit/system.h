/* lcncrit: a square polynomial system F(x; p) compiled from an SLP.
 *
 * n unknowns x, n equations F, m parameters p. The system holds three
 * compiled programs built from one SLP: F alone, F with the Jacobian
 * dF/dx, and F with dF/dx and dF/dp. Matrices are column-major (LAPACK):
 * Jx[i + n*j] = dF_i/dx_j, Jp[i + n*k] = dF_i/dp_k.
 *
 * A system is read-only once built and may be shared by threads; all
 * mutable state lives in a per-thread lcn_system_ws_t. */
#ifndef LCNCRIT_SYSTEM_H
#define LCNCRIT_SYSTEM_H

#include "slp.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int32_t op, dst, a, b;
} lcn_instr_struct;

typedef struct {
    lcn_instr_struct *ins;
    size_t nins;
    int32_t *out;     /* register of each output */
    size_t nout;
} lcn_program_struct;

/* An evaluator in complex double that computes F, dF/dx (Jx may be NULL)
 * and, when v is not NULL, Fdot = (dF/dp) v from the structure of a system
 * instead of interpreting its program (critsys.c has one for the product
 * systems). work holds nwork complex doubles of scratch. It must agree with
 * the SLP up to rounding (a test checks it against the MPC evaluation). */
typedef void (*lcn_system_native_d_fn)(double complex *F, double complex *Jx, double complex *Fdot, const void *data,
                                       double complex *work, const double complex *x, const double complex *p,
                                       const double complex *v);

typedef struct {
    int n, m;
    int *degrees;                 /* total degree of each equation */
    lcn_program_struct prog[3];   /* 0: F; 1: F, Jx; 2: F, Jx, Jp */
    size_t nregs;                 /* registers needed by the largest program */
    mpq_t *cre, *cim;             /* exact constants */
    double complex *cd;           /* constants rounded to double */
    size_t nconst;
    char **var_names;             /* optional, may be NULL */
    char **param_names;           /* optional, may be NULL */
    /* Optional structural evaluator (lcn_system_set_native_d): used by
     * lcn_system_eval_d without Jp and by lcn_system_eval_dir_d. The MPC
     * evaluation and Jp always interpret the SLP. */
    lcn_system_native_d_fn native_d;
    void *native_data;            /* owned: freed by lcn_system_clear through native_free */
    void (*native_free)(void *);
    size_t native_nwork;
} lcn_system_struct;
typedef lcn_system_struct lcn_system_t[1];

/* Compile the n = slp->nvars equations F[0..n) of slp into sys. slp is not
 * needed afterwards (it is extended with the derivative nodes). Returns
 * LCN_ERR_ARG when nF != slp->nvars or a node index is invalid; sys is then
 * left cleared-equivalent (safe to clear). */
LCN_EXPORT LCN_WUR lcn_err_t lcn_system_init_slp(lcn_system_t sys, lcn_slp_t slp, const lcn_node_t *F, int nF);
LCN_EXPORT void lcn_system_clear(lcn_system_t sys);
/* Optional names for printing; copied. */
LCN_EXPORT void lcn_system_set_names(lcn_system_t sys, const char *const *var_names, const char *const *param_names);
/* Install a structural evaluator (see lcn_system_native_d_fn); sys takes
 * ownership of data (freed with free_fn, which may be NULL). Workspaces
 * initialised before this call are too small: set it right after init. */
LCN_EXPORT void lcn_system_set_native_d(lcn_system_t sys, lcn_system_native_d_fn fn, void *data,
                                        void (*free_fn)(void *), size_t nwork);

typedef struct {
    double complex *rd;   /* double registers; also the native evaluator's scratch */
    double complex *td;   /* tangent registers for directional derivatives, lazily allocated */
    mpc_t *rm;            /* MPC registers, allocated on first MP use */
    mpc_t *cm;            /* constants rounded at prec_cm */
    mpfr_prec_t prec_rm, prec_cm;
    size_t nregs, nconst;
} lcn_system_ws_struct;
typedef lcn_system_ws_struct lcn_system_ws_t[1];

LCN_EXPORT void lcn_system_ws_init(lcn_system_ws_t ws, const lcn_system_t sys);
LCN_EXPORT void lcn_system_ws_clear(lcn_system_ws_t ws);

/* Evaluate in complex double. F has n entries; Jx (n*n) and Jp (n*m) may be
 * NULL to skip them. x and p are read only; no aliasing with outputs. */
LCN_EXPORT void lcn_system_eval_d(double complex *F, double complex *Jx, double complex *Jp,
                                  const lcn_system_t sys, lcn_system_ws_t ws,
                                  const double complex *x, const double complex *p);
/* F, dF/dx (may be NULL) and the directional derivative
 * Fdot = (dF/dp) v = sum_k dF/dp_k v_k, in complex double. Fdot costs about
 * three evaluations of F (forward mode over the F program) instead of the
 * n*m entries of dF/dp: what a parameter homotopy needs for dH/dt. */
LCN_EXPORT void lcn_system_eval_dir_d(double complex *F, double complex *Jx, double complex *Fdot,
                                      const lcn_system_t sys, lcn_system_ws_t ws, const double complex *x,
                                      const double complex *p, const double complex *v);
/* Evaluate in MPC at precision prec: every operation is rounded at prec and
 * constants are rounded from their exact values at prec. Outputs must be
 * initialised; their precision is set to prec. */
LCN_EXPORT void lcn_system_eval_mp(mpc_t *F, mpc_t *Jx, mpc_t *Jp, const lcn_system_t sys,
                                   lcn_system_ws_t ws, const mpc_t *x, const mpc_t *p, mpfr_prec_t prec);

#ifdef __cplusplus
}
#endif
#endif
