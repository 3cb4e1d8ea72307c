/* lcncrit: straight-line programs, the single definition of every system.
 *
 * An SLP is a DAG of nodes built once; nodes refer only to earlier nodes,
 * so index order is a topological order. Constants are held exactly as
 * complex rationals (mpq) and rounded only when evaluated: in complex double
 * for the double tracker, at the working precision for MPC. The same nodes
 * are interpreted in both arithmetics, so the two can never drift.
 *
 * Building simplifies as it goes: constants fold exactly, x+0, x*1, x*0 and
 * x^1 collapse, and identical nodes are shared (hash-consing; + and * are
 * ordered so a+b and b+a are one node). lcn_slp_diff builds derivatives as
 * new nodes, so Jacobians are SLPs too. */
#ifndef LCNCRIT_SLP_H
#define LCNCRIT_SLP_H

#include <complex.h>
#include <gmp.h>
#include <mpfr.h>
#include <mpc.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Index of a node in its SLP. Valid nodes are >= 0. */
typedef int32_t lcn_node_t;

typedef enum {
    LCN_OP_CONST = 0, /* a: index into the constant table */
    LCN_OP_VAR,       /* a: variable index in [0, nvars) */
    LCN_OP_PARAM,     /* a: parameter index in [0, nparams) */
    LCN_OP_ADD,       /* a + b */
    LCN_OP_SUB,       /* a - b */
    LCN_OP_MUL,       /* a * b */
    LCN_OP_NEG,       /* -a */
    LCN_OP_POW        /* a ^ b, b a nonnegative integer exponent (not a node) */
} lcn_op_t;

typedef struct {
    int32_t op, a, b;
} lcn_slp_node_struct;

typedef struct {
    int nvars, nparams;
    lcn_slp_node_struct *nodes;
    int32_t *degree;            /* total degree of each node in the variables (upper bound) */
    size_t len, cap;
    mpq_t *cre, *cim;           /* exact constants */
    size_t nconst, ccap;
    int32_t *hash;              /* open-addressing table of node indices, -1 empty */
    size_t hcap;
} lcn_slp_struct;
typedef lcn_slp_struct lcn_slp_t[1];

LCN_EXPORT void lcn_slp_init(lcn_slp_t slp, int nvars, int nparams);
LCN_EXPORT void lcn_slp_clear(lcn_slp_t slp);

LCN_EXPORT lcn_node_t lcn_slp_var(lcn_slp_t slp, int i);
LCN_EXPORT lcn_node_t lcn_slp_param(lcn_slp_t slp, int j);
LCN_EXPORT lcn_node_t lcn_slp_const_si(lcn_slp_t slp, long re, long im);
LCN_EXPORT lcn_node_t lcn_slp_const_q(lcn_slp_t slp, const mpq_t re, const mpq_t im);
/* The exact binary value of a complex double (no decimal rounding). */
LCN_EXPORT lcn_node_t lcn_slp_const_d(lcn_slp_t slp, double complex c);

LCN_EXPORT lcn_node_t lcn_slp_add(lcn_slp_t slp, lcn_node_t a, lcn_node_t b);
LCN_EXPORT lcn_node_t lcn_slp_sub(lcn_slp_t slp, lcn_node_t a, lcn_node_t b);
LCN_EXPORT lcn_node_t lcn_slp_mul(lcn_slp_t slp, lcn_node_t a, lcn_node_t b);
LCN_EXPORT lcn_node_t lcn_slp_neg(lcn_slp_t slp, lcn_node_t a);
LCN_EXPORT lcn_node_t lcn_slp_pow(lcn_slp_t slp, lcn_node_t a, unsigned long e);
/* Sum and dot product helpers: sum of n nodes (0 when n == 0); sum a_i*b_i. */
LCN_EXPORT lcn_node_t lcn_slp_sum(lcn_slp_t slp, const lcn_node_t *a, size_t n);
LCN_EXPORT lcn_node_t lcn_slp_dot(lcn_slp_t slp, const lcn_node_t *a, const lcn_node_t *b, size_t n);

/* Derivative of f with respect to unknown `wrt`: 0 <= wrt < nvars is a
 * variable, nvars <= wrt < nvars + nparams the parameter wrt - nvars.
 * lcn_slp_diff_many differentiates nf nodes at once, sharing the work. */
LCN_EXPORT lcn_node_t lcn_slp_diff(lcn_slp_t slp, lcn_node_t f, int wrt);
LCN_EXPORT void lcn_slp_diff_many(lcn_node_t *out, lcn_slp_t slp, const lcn_node_t *f, size_t nf, int wrt);

/* Total degree of f in the variables (parameters count 0); an upper bound. */
LCN_EXPORT int lcn_slp_degree(const lcn_slp_t slp, lcn_node_t f);
/* 1 if f is the constant zero node. */
LCN_EXPORT int lcn_slp_is_zero(const lcn_slp_t slp, lcn_node_t f);

/* Evaluate the nodes `out` (nout of them) at (x, p) by interpreting the whole
 * SLP in complex double. Slow path for post-processing; systems compile. */
LCN_EXPORT void lcn_slp_eval_d(double complex *values, const lcn_slp_t slp, const lcn_node_t *out,
                               size_t nout, const double complex *x, const double complex *p);
/* The same at precision prec (values must be initialised mpc_t). */
LCN_EXPORT void lcn_slp_eval_mp(mpc_t *values, const lcn_slp_t slp, const lcn_node_t *out, size_t nout,
                                const mpc_t *x, const mpc_t *p, mpfr_prec_t prec);

#ifdef __cplusplus
}
#endif
#endif
