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
    if (sys->native_d && !Jp) {
        sys->native_d(F, Jx, NULL, sys->native_data, ws->rd, x, p, NULL);
        return;
    }
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

/* Forward mode along parameter direction v: r holds values, d tangents. */
static void run_dir_d(double complex *r, double complex *d, const lcn_program_struct *prog, const double complex *cd,
                      const double complex *x, const double complex *p, const double complex *v)
{
    const lcn_instr_struct *in = prog->ins, *end = prog->ins + prog->nins;
    for (; in < end; in++) {
        const int32_t o = in->dst, a = in->a, b = in->b;
        switch (in->op) {
        case LCN_OP_CONST: r[o] = cd[a]; d[o] = 0; break;
        case LCN_OP_VAR: r[o] = x[a]; d[o] = 0; break;
        case LCN_OP_PARAM: r[o] = p[a]; d[o] = v[a]; break;
        case LCN_OP_ADD: r[o] = r[a] + r[b]; d[o] = d[a] + d[b]; break;
        case LCN_OP_SUB: r[o] = r[a] - r[b]; d[o] = d[a] - d[b]; break;
        case LCN_OP_MUL: d[o] = d[a] * r[b] + r[a] * d[b]; r[o] = r[a] * r[b]; break;
        case LCN_OP_NEG: r[o] = -r[a]; d[o] = -d[a]; break;
        case LCN_OP_POW: {
            /* r[o] by the same operations as run_d, so values agree bit for bit */
            d[o] = (double)b * pow_d(r[a], b - 1) * d[a];
            r[o] = pow_d(r[a], b);
            break;
        }
        default: LCN_ASSERT(0 && "eval: unknown op");
        }
    }
}

void lcn_system_eval_dir_d(double complex *F, double complex *Jx, double complex *Fdot, const lcn_system_t sys,
                           lcn_system_ws_t ws, const double complex *x, const double complex *p,
                           const double complex *v)
{
    const size_t n = (size_t)sys->n;
    if (sys->native_d) {
        sys->native_d(F, Jx, Fdot, sys->native_data, ws->rd, x, p, v);
        return;
    }
    if (!ws->td) ws->td = lcn_malloc_array(ws->nregs ? ws->nregs : 1, sizeof *ws->td);
    const lcn_program_struct *p0 = &sys->prog[0];
    run_dir_d(ws->rd, ws->td, p0, sys->cd, x, p, v);
    for (size_t i = 0; i < n; i++) {
        F[i] = ws->rd[p0->out[i]];
        Fdot[i] = ws->td[p0->out[i]];
    }
    if (Jx) {
        const lcn_program_struct *p1 = &sys->prog[1];
        run_d(ws->rd, p1, sys->cd, x, p);
        for (size_t i = 0; i < n * n; i++) Jx[i] = ws->rd[p1->out[n + i]];
    }
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
