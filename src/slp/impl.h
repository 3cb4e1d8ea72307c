/* Shared internals of the slp module. Never installed. */
#ifndef LCN_SLP_IMPL_H
#define LCN_SLP_IMPL_H

#include "lcncrit/slp.h"
#include "lcncrit/system.h"

/* The constant index of a CONST node, or -1 for other nodes. */
static inline int32_t lcn_slp_const_index(const lcn_slp_struct *slp, lcn_node_t f)
{
    return slp->nodes[f].op == LCN_OP_CONST ? slp->nodes[f].a : -1;
}

/* Mark every node reachable from out[0..nout) in mark[0..len) (1 = needed).
 * Operands precede their node, so one descending scan suffices. */
void lcn_slp_mark_needed(char *mark, const lcn_slp_struct *slp, const lcn_node_t *out, size_t nout);

/* Compile the nodes out[0..nout) into a register program; *nregs is raised
 * to the number of registers it needs. */
void lcn_program_build(lcn_program_struct *prog, size_t *nregs, const lcn_slp_struct *slp,
                       const lcn_node_t *out, size_t nout);

/* Round exact constant (re, im) to a complex double, round-to-nearest. */
double complex lcn_q_get_d(const mpq_t re, const mpq_t im);

#endif
