/* For the bench programs that start from the complete generic set of the
 * Segre system (k1,k2), s = (2,1) (bench-loops, bench-edges, bench-trace). */
#ifndef LCNCRIT_BENCH_GENERIC_H
#define LCNCRIT_BENCH_GENERIC_H

#include <complex.h>
#include <stdio.h>
#include "lcncrit/lcncrit.h"
#include "lcncrit/components.h"
#include "lcncrit/critsys.h"
#include "lcncrit/gcache.h"
#include "lcncrit/monodromy.h"

/* cs, cc and g (cleared by the caller) for Segre (kk[0], kk[1]) with the
 * seed: g from the cache directory dir (computed there if absent), and
 * b0 = T0 u0 (k entries), where g's base point sits in the monodromy
 * system. mo (initialised here) holds the legs' options. 0 on success. */
static inline int bench_generic(lcn_critsys_t cs, lcn_components_t cc, lcn_generic_t g, double complex **b0,
                                lcn_monodromy_opts_t mo, const int *kk, unsigned long long seed, int threads,
                                const char *dir, const char *prog)
{
    int ss[2] = {2, 1};
    if (lcn_critsys_init_segre(cs, kk, ss, 2, seed) != LCN_OK) {
        fprintf(stderr, "%s: bad k\n", prog);
        return 2;
    }
    lcn_components_init(cc);
    lcn_monodromy_opts_init(mo);
    mo->seed = seed;
    mo->track.threads = threads;
    lcn_generic_init2(g, cs->n, cs->m);
    if (lcn_components_init_set(cc, cs) || lcn_gcache_obtain(g, cs, cc, 0, dir, mo, NULL) || !g->complete) {
        fprintf(stderr, "%s: no complete generic set\n", prog);
        return 1;
    }
    const int k = cs->k;
    *b0 = calloc((size_t)k, sizeof **b0);
    for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++) (*b0)[i] += cs->T0[i + (size_t)k * j] * g->p0[j];
    return 0;
}

#endif
