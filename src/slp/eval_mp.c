/* Interpreting compiled programs and raw SLPs in MPC at a given precision.
 * Every operation rounds to nearest at prec; constants are rounded from
 * their exact rational values at prec, so raising prec raises the accuracy
 * of every input to the computation, not just of the arithmetic. */
#include <string.h>
#include "impl.h"

static void const_set_mp(mpc_t z, const mpq_t re, const mpq_t im)
{
    mpfr_set_q(mpc_realref(z), re, MPFR_RNDN);
    mpfr_set_q(mpc_imagref(z), im, MPFR_RNDN);
}

static void run_mp(mpc_t *r, const lcn_program_struct *prog, mpc_t *cm, const mpc_t *x, const mpc_t *p)
{
    const lcn_instr_struct *in = prog->ins, *end = prog->ins + prog->nins;
    for (; in < end; in++) {
        switch (in->op) {
        case LCN_OP_CONST: mpc_set(r[in->dst], cm[in->a], MPC_RNDNN); break;
        case LCN_OP_VAR: mpc_set(r[in->dst], x[in->a], MPC_RNDNN); break;
        case LCN_OP_PARAM: mpc_set(r[in->dst], p[in->a], MPC_RNDNN); break;
        case LCN_OP_ADD: mpc_add(r[in->dst], r[in->a], r[in->b], MPC_RNDNN); break;
        case LCN_OP_SUB: mpc_sub(r[in->dst], r[in->a], r[in->b], MPC_RNDNN); break;
        case LCN_OP_MUL: mpc_mul(r[in->dst], r[in->a], r[in->b], MPC_RNDNN); break;
        case LCN_OP_NEG: mpc_neg(r[in->dst], r[in->a], MPC_RNDNN); break;
        case LCN_OP_POW: mpc_pow_ui(r[in->dst], r[in->a], (unsigned long)in->b, MPC_RNDNN); break;
        default: LCN_ASSERT(0 && "eval: unknown op");
        }
    }
}

static void ws_set_prec(lcn_system_ws_struct *ws, const lcn_system_struct *sys, mpfr_prec_t prec)
{
    if (!ws->rm) {
        ws->rm = lcn_malloc_array(ws->nregs ? ws->nregs : 1, sizeof(mpc_t));
        for (size_t i = 0; i < ws->nregs; i++) mpc_init2(ws->rm[i], prec);
        ws->prec_rm = prec;
    } else if (ws->prec_rm != prec) {
        for (size_t i = 0; i < ws->nregs; i++) mpc_set_prec(ws->rm[i], prec);
        ws->prec_rm = prec;
    }
    if (!ws->cm) {
        ws->cm = lcn_malloc_array(ws->nconst ? ws->nconst : 1, sizeof(mpc_t));
        for (size_t i = 0; i < ws->nconst; i++) mpc_init2(ws->cm[i], prec);
        ws->prec_cm = 0;
    }
    if (ws->prec_cm != prec) {
        for (size_t i = 0; i < ws->nconst; i++) {
            mpc_set_prec(ws->cm[i], prec);
            const_set_mp(ws->cm[i], sys->cre[i], sys->cim[i]);
        }
        ws->prec_cm = prec;
    }
}

static void copy_out(mpc_t dst, const mpc_t src, mpfr_prec_t prec)
{
    mpc_set_prec(dst, prec);
    mpc_set(dst, src, MPC_RNDNN);
}

void lcn_system_eval_mp(mpc_t *F, mpc_t *Jx, mpc_t *Jp, const lcn_system_t sys, lcn_system_ws_t ws,
                        const mpc_t *x, const mpc_t *p, mpfr_prec_t prec)
{
    const lcn_program_struct *prog = &sys->prog[Jp ? 2 : Jx ? 1 : 0];
    ws_set_prec(ws, sys, prec);
    run_mp(ws->rm, prog, ws->cm, x, p);
    size_t n = (size_t)sys->n, nn = n * n, k = 0;
    for (size_t i = 0; i < n; i++) copy_out(F[i], ws->rm[prog->out[k++]], prec);
    if (Jx)
        for (size_t i = 0; i < nn; i++) copy_out(Jx[i], ws->rm[prog->out[k++]], prec);
    else
        k += nn;
    if (Jp)
        for (size_t i = 0; i < n * (size_t)sys->m; i++) copy_out(Jp[i], ws->rm[prog->out[k++]], prec);
}

void lcn_slp_eval_mp(mpc_t *values, const lcn_slp_t slp, const lcn_node_t *out, size_t nout, const mpc_t *x,
                     const mpc_t *p, mpfr_prec_t prec)
{
    lcn_program_struct prog;
    size_t nregs = 0;
    lcn_program_build(&prog, &nregs, slp, out, nout);
    mpc_t *cm = lcn_malloc_array(slp->nconst ? slp->nconst : 1, sizeof(mpc_t));
    for (size_t c = 0; c < slp->nconst; c++) {
        mpc_init2(cm[c], prec);
        const_set_mp(cm[c], slp->cre[c], slp->cim[c]);
    }
    mpc_t *r = lcn_malloc_array(nregs ? nregs : 1, sizeof(mpc_t));
    for (size_t i = 0; i < nregs; i++) mpc_init2(r[i], prec);
    run_mp(r, &prog, cm, x, p);
    for (size_t k = 0; k < nout; k++) copy_out(values[k], r[prog.out[k]], prec);
    for (size_t i = 0; i < nregs; i++) mpc_clear(r[i]);
    for (size_t c = 0; c < slp->nconst; c++) mpc_clear(cm[c]);
    lcn_free(r);
    lcn_free(cm);
    lcn_free(prog.ins);
    lcn_free(prog.out);
}
