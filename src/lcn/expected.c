/* Expected counts for the solver: thin wrappers over the model's oracles
 * (edd.h, DESIGN.md §3), in the units the solver counts. */
#include <limits.h>
#include <string.h>
#include "lcncrit/components.h"
#include "lcncrit/edd.h"

long lcn_locus_eddeg(const int *lambda, int r, const char *weights, const char **source)
{
    uint64_t d = 0;
    if (source) *source = NULL;
    lcn_edd_weights_t w = lcn_edd_weights_from_name(weights ? weights : "identity");
    if (lcn_edd_root_locus(&d, lambda, r, w, source) != 1 || d > (uint64_t)LONG_MAX) return 0;
    return (long)d;
}

long lcn_segre_eddeg(const int *k, int L)
{
    uint64_t d = 0;
    if (lcn_edd_segre_u64(&d, k, L) != LCN_OK || d > (uint64_t)LONG_MAX) return 0;
    return (long)d;
}

long lcn_critsys_expected(const lcn_critsys_t cs, const char *weights, const char **source)
{
    if (source) *source = NULL;
    lcn_edd_weights_t w = lcn_edd_weights_from_name(weights ? weights : "identity");
    if (cs->kind == LCN_CRITSYS_LOCUS) return lcn_locus_eddeg(cs->fe, cs->r, weights, source);
    if (cs->kind == LCN_CRITSYS_SEGRE) {
        if (w != LCN_EDD_GENERIC && w != LCN_EDD_MATRIX) return 0;
        if (source) *source = "Shahverdi Thm. 4.1 (generic ED degree of the Segre product)";
        return lcn_segre_eddeg(cs->fk, cs->r);
    }
    /* (P) of a reduced architecture: the Segre count (components.c). */
    int reduced = 1;
    for (int l = 0; l < cs->L; l++)
        if (cs->arch_k[l] < 2 || (l + 1 < cs->L && cs->arch_s[l] < 2)) reduced = 0;
    if (reduced && cs->L > 1) {
        if (w != LCN_EDD_GENERIC && w != LCN_EDD_MATRIX) return 0;
        if (source) *source = "Shahverdi Thm. 4.1 (reduced architecture: µ is the Segre embedding)";
        return lcn_segre_eddeg(cs->fk, cs->r);
    }
    /* (P): Σ over the components (placements), each EDdeg(Δ_λ) × orbit,
     * i.e. Σ_λ EDdeg(Δ_λ) N(λ) (unknown for mixed strides). */
    lcn_components_t cc;
    lcn_components_init(cc);
    long tot = 0;
    if (lcn_components_init_set(cc, cs) == LCN_OK) {
        for (size_t i = 0; i < cc->count && tot >= 0; i++) {
            const lcn_component_struct *c = &cc->c[i];
            long d = c->r ? lcn_locus_eddeg(c->lambda, c->r, weights, NULL) : 0;
            tot = d ? tot + d * c->orbit : -1;
        }
    }
    lcn_components_clear(cc);
    if (tot <= 0) return 0;
    if (source) *source = "KMMT22 Cor. 5.5: Σ_λ EDdeg(Δ_λ)·N(λ)";
    return tot;
}
