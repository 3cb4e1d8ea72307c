/* Interpreting compiled programs and raw SLPs in complex double. */
#include <string.h>
#include "impl.h"

static double complex pow_d(double complex a, int32_t e)
{
    double complex r = 1;
    for (; e; e >>= 1) {
        if (e & 1) r *= a;
        a *= a;
    }
    return r;
}

static void run_d(double complex *r, const lcn_program_struct *prog, const double complex *cd,
                  const double complex *x, const double complex *p)
{
    const lcn_instr_struct *in = prog->ins, *end = prog->ins + prog->nins;
    for (; in < end; in++) {
        switch (in->op) {
        case LCN_OP_CONST: r[in->dst] = cd[in->a]; break;
        case LCN_OP_VAR: r[in->dst] = x[in->a]; break;
        case LCN_OP_PARAM: r[in->dst] = p[in->a]; break;
        case LCN_OP_ADD: r[in->dst] = r[in->a] + r[in->b]; break;
        case LCN_OP_SUB: r[in->dst] = r[in->a] - r[in->b]; break;
        case LCN_OP_MUL: r[in->dst] = r[in->a] * r[in->b]; break;
        case LCN_OP_NEG: r[in->dst] = -r[in->a]; break;
        case LCN_OP_POW: r[in->dst] = pow_d(r[in->a], in->b); break;
        default: LCN_ASSERT(0 && "eval: unknown op");
        }
    }
}

void lcn_system_eval_d(double complex *F, double complex *Jx, double complex *Jp, const lcn_system_t sys,
                       lcn_system_ws_t ws, const double complex *x, const double complex *p)
{
    const lcn_program_struct *prog = &sys->prog[Jp ? 2 : Jx ? 1 : 0];
    run_d(ws->rd, prog, sys->cd, x, p);
    size_t n = (size_t)sys->n, nn = n * n, k = 0;
    for (size_t i = 0; i < n; i++) F[i] = ws->rd[prog->out[k++]];
    if (Jx)
        for (size_t i = 0; i < nn; i++) Jx[i] = ws->rd[prog->out[k++]];
    else
        k += nn;
    if (Jp)
        for (size_t i = 0; i < n * (size_t)sys->m; i++) Jp[i] = ws->rd[prog->out[k++]];
}

void lcn_slp_eval_d(double complex *values, const lcn_slp_t slp, const lcn_node_t *out, size_t nout,
                    const double complex *x, const double complex *p)
{
    lcn_program_struct prog;
    size_t nregs = 0;
    /* Compile on the fly: post-processing calls this rarely. */
    double complex *cd = lcn_malloc_array(slp->nconst ? slp->nconst : 1, sizeof *cd);
    for (size_t c = 0; c < slp->nconst; c++) cd[c] = lcn_q_get_d(slp->cre[c], slp->cim[c]);
    lcn_program_build(&prog, &nregs, slp, out, nout);
    double complex *r = lcn_malloc_array(nregs ? nregs : 1, sizeof *r);
    run_d(r, &prog, cd, x, p);
    for (size_t k = 0; k < nout; k++) values[k] = r[prog.out[k]];
    lcn_free(r);
    lcn_free(prog.ins);
    lcn_free(prog.out);
    lcn_free(cd);
}
