/* Compiling an SLP into a system: three register programs (F; F and dF/dx;
 * F, dF/dx and dF/dp) over one table of exact constants. */
#include <string.h>
#include "impl.h"

void lcn_program_build(lcn_program_struct *prog, size_t *nregs, const lcn_slp_struct *slp,
                          const lcn_node_t *out, size_t nout)
{
    char *mark = lcn_malloc(slp->len);
    int32_t *reg = lcn_malloc_array(slp->len, sizeof *reg);
    lcn_slp_mark_needed(mark, slp, out, nout);
    size_t count = 0;
    for (size_t i = 0; i < slp->len; i++) count += mark[i] != 0;
    prog->ins = lcn_malloc_array(count, sizeof *prog->ins);
    prog->nins = 0;
    for (size_t i = 0; i < slp->len; i++) {
        if (!mark[i]) continue;
        const lcn_slp_node_struct *nd = &slp->nodes[i];
        lcn_instr_struct *in = &prog->ins[prog->nins];
        reg[i] = (int32_t)prog->nins++;
        in->op = nd->op;
        in->dst = reg[i];
        in->a = in->b = 0;
        switch (nd->op) {
        case LCN_OP_CONST: case LCN_OP_VAR: case LCN_OP_PARAM: in->a = nd->a; break;
        case LCN_OP_ADD: case LCN_OP_SUB: case LCN_OP_MUL: in->a = reg[nd->a]; in->b = reg[nd->b]; break;
        case LCN_OP_NEG: in->a = reg[nd->a]; break;
        case LCN_OP_POW: in->a = reg[nd->a]; in->b = nd->b; break;
        default: LCN_ASSERT(0 && "compile: unknown op");
        }
    }
    prog->nout = nout;
    prog->out = lcn_malloc_array(nout ? nout : 1, sizeof *prog->out);
    for (size_t k = 0; k < nout; k++) prog->out[k] = reg[out[k]];
    if (prog->nins > *nregs) *nregs = prog->nins;
    lcn_free(reg);
    lcn_free(mark);
}

lcn_err_t lcn_system_init_slp(lcn_system_t sys, lcn_slp_t slp, const lcn_node_t *F, int nF)
{
    memset(sys, 0, sizeof *sys);
    if (nF != slp->nvars || nF < 0) return LCN_ERR_ARG;
    for (int i = 0; i < nF; i++)
        if (F[i] < 0 || (size_t)F[i] >= slp->len) return LCN_ERR_ARG;
    int n = nF, m = slp->nparams;
    sys->n = n;
    sys->m = m;
    sys->degrees = lcn_malloc_array(n ? n : 1, sizeof *sys->degrees);
    for (int i = 0; i < n; i++) sys->degrees[i] = lcn_slp_degree(slp, F[i]);

    /* Outputs: F, then dF/dx column by column, then dF/dp column by column,
     * so that the output order is the column-major layout of Jx and Jp. */
    size_t nout = (size_t)n + (size_t)n * n + (size_t)n * m;
    lcn_node_t *out = lcn_malloc_array(nout ? nout : 1, sizeof *out);
    memcpy(out, F, (size_t)n * sizeof *out);
    for (int j = 0; j < n + m; j++) lcn_slp_diff_many(out + n + (size_t)n * j, slp, F, (size_t)n, j);

    lcn_program_build(&sys->prog[0], &sys->nregs, slp, out, (size_t)n);
    lcn_program_build(&sys->prog[1], &sys->nregs, slp, out, (size_t)n + (size_t)n * n);
    lcn_program_build(&sys->prog[2], &sys->nregs, slp, out, nout);
    lcn_free(out);

    sys->nconst = slp->nconst;
    sys->cre = lcn_malloc_array(sys->nconst ? sys->nconst : 1, sizeof(mpq_t));
    sys->cim = lcn_malloc_array(sys->nconst ? sys->nconst : 1, sizeof(mpq_t));
    sys->cd = lcn_malloc_array(sys->nconst ? sys->nconst : 1, sizeof *sys->cd);
    for (size_t c = 0; c < sys->nconst; c++) {
        mpq_init(sys->cre[c]);
        mpq_init(sys->cim[c]);
        mpq_set(sys->cre[c], slp->cre[c]);
        mpq_set(sys->cim[c], slp->cim[c]);
        sys->cd[c] = lcn_q_get_d(slp->cre[c], slp->cim[c]);
    }
    return LCN_OK;
}

static void free_names(char **names, int count)
{
    if (!names) return;
    for (int i = 0; i < count; i++) lcn_free(names[i]);
    lcn_free(names);
}

void lcn_system_set_native_d(lcn_system_t sys, lcn_system_native_d_fn fn, void *data, void (*free_fn)(void *),
                             size_t nwork)
{
    if (sys->native_free) sys->native_free(sys->native_data);
    sys->native_d = fn;
    sys->native_data = data;
    sys->native_free = free_fn;
    sys->native_nwork = nwork;
}

void lcn_system_clear(lcn_system_t sys)
{
    if (sys->native_free) sys->native_free(sys->native_data);
    for (int k = 0; k < 3; k++) {
        lcn_free(sys->prog[k].ins);
        lcn_free(sys->prog[k].out);
    }
    for (size_t c = 0; c < sys->nconst; c++) {
        mpq_clear(sys->cre[c]);
        mpq_clear(sys->cim[c]);
    }
    lcn_free(sys->cre);
    lcn_free(sys->cim);
    lcn_free(sys->cd);
    lcn_free(sys->degrees);
    free_names(sys->var_names, sys->n);
    free_names(sys->param_names, sys->m);
    memset(sys, 0, sizeof *sys);
}

static char **copy_names(const char *const *names, int count)
{
    if (!names) return NULL;
    char **out = lcn_malloc_array(count ? (size_t)count : 1, sizeof *out);
    for (int i = 0; i < count; i++) {
        size_t len = strlen(names[i]) + 1;
        out[i] = lcn_malloc(len);
        memcpy(out[i], names[i], len);
    }
    return out;
}

void lcn_system_set_names(lcn_system_t sys, const char *const *var_names, const char *const *param_names)
{
    free_names(sys->var_names, sys->n);
    free_names(sys->param_names, sys->m);
    sys->var_names = copy_names(var_names, sys->n);
    sys->param_names = copy_names(param_names, sys->m);
}

void lcn_system_ws_init(lcn_system_ws_t ws, const lcn_system_t sys)
{
    ws->nregs = sys->nregs;
    ws->nconst = sys->nconst;
    size_t nrd = sys->nregs > sys->native_nwork ? sys->nregs : sys->native_nwork;
    ws->rd = lcn_malloc_array(nrd ? nrd : 1, sizeof *ws->rd);
    ws->td = NULL;
    ws->rm = NULL;
    ws->cm = NULL;
    ws->prec_rm = ws->prec_cm = 0;
}

void lcn_system_ws_clear(lcn_system_ws_t ws)
{
    lcn_free(ws->rd);
    lcn_free(ws->td);
    if (ws->rm) {
        for (size_t i = 0; i < ws->nregs; i++) mpc_clear(ws->rm[i]);
        lcn_free(ws->rm);
    }
    if (ws->cm) {
        for (size_t i = 0; i < ws->nconst; i++) mpc_clear(ws->cm[i]);
        lcn_free(ws->cm);
    }
    memset(ws, 0, sizeof *ws);
}
