/* Shared internals of the lcn module. Never installed. */
#ifndef LCN_LCN_IMPL_H
#define LCN_LCN_IMPL_H

#include "lcncrit/critsys.h"

/* How the parameters of a product system enter (critsys.c build_system):
 * FIXED: p = b, T = T0 (the monodromy system); FULL: p = (u, T upper);
 * LINE: p = s on the line pb + s (pa − pb) of full parameters. */
typedef enum {
    LCN_CRITSYS_NATIVE_FIXED,
    LCN_CRITSYS_NATIVE_FULL,
    LCN_CRITSYS_NATIVE_LINE
} lcn_critsys_native_mode_t;

/* Give sys (built from cs by build_system in that mode) the structural
 * double evaluator of critsys_eval.c when every factor has power 1; does
 * nothing otherwise. pa, pb: the line's end points (LINE only). */
void lcn_critsys_native_install(lcn_system_t sys, const lcn_critsys_struct *cs, lcn_critsys_native_mode_t mode,
                                const double complex *pa, const double complex *pb);

#endif
