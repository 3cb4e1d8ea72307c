/* Symbolic differentiation of an SLP: derivatives are new nodes, so the
 * Jacobian of a system is itself an SLP, shared subexpressions included. */
#include "impl.h"

void lcn_slp_diff_many(lcn_node_t *out, lcn_slp_t slp, const lcn_node_t *f, size_t nf, int wrt)
{
    LCN_ASSERT(wrt >= 0 && wrt < slp->nvars + slp->nparams);
    if (nf == 0) return;
    size_t len = slp->len; /* nodes appended below are not revisited */
    char *mark = lcn_malloc(len);
    lcn_slp_mark_needed(mark, slp, f, nf);
    lcn_node_t *d = lcn_malloc_array(len, sizeof *d);
    lcn_node_t zero = lcn_slp_const_si(slp, 0, 0), one = lcn_slp_const_si(slp, 1, 0);
    /* Ascending order: operands are differentiated before their node. */
    for (size_t i = 0; i < len; i++) {
        if (!mark[i]) continue;
        lcn_slp_node_struct nd = slp->nodes[i]; /* copy: slp->nodes may move */
        switch (nd.op) {
        case LCN_OP_CONST: d[i] = zero; break;
        case LCN_OP_VAR: d[i] = nd.a == wrt ? one : zero; break;
        case LCN_OP_PARAM: d[i] = slp->nvars + nd.a == wrt ? one : zero; break;
        case LCN_OP_ADD: d[i] = lcn_slp_add(slp, d[nd.a], d[nd.b]); break;
        case LCN_OP_SUB: d[i] = lcn_slp_sub(slp, d[nd.a], d[nd.b]); break;
        case LCN_OP_MUL:
            d[i] = lcn_slp_add(slp, lcn_slp_mul(slp, d[nd.a], nd.b), lcn_slp_mul(slp, nd.a, d[nd.b]));
            break;
        case LCN_OP_NEG: d[i] = lcn_slp_neg(slp, d[nd.a]); break;
        case LCN_OP_POW:
            if (lcn_slp_is_zero(slp, d[nd.a])) {
                d[i] = zero;
            } else {
                /* d(a^e) = e a^(e-1) da */
                lcn_node_t e = lcn_slp_const_si(slp, nd.b, 0);
                d[i] = lcn_slp_mul(slp, lcn_slp_mul(slp, e, lcn_slp_pow(slp, nd.a, (unsigned long)nd.b - 1)), d[nd.a]);
            }
            break;
        default: LCN_ASSERT(0 && "diff: unknown op");
        }
    }
    for (size_t k = 0; k < nf; k++) out[k] = d[f[k]];
    lcn_free(d);
    lcn_free(mark);
}

lcn_node_t lcn_slp_diff(lcn_slp_t slp, lcn_node_t f, int wrt)
{
    lcn_node_t out;
    lcn_slp_diff_many(&out, slp, &f, 1, wrt);
    return out;
}
