/* lcncrit: compatibility of root patterns with a stride-one architecture
 * (KMMT22 §5.1, Cor. 5.5) and the number N(λ) of placements (DESIGN.md §3).
 *
 * Bins are the layers, of sizes k_l - 1 (a layer with k_l = 1 is a bin of
 * size 0). A real pattern (ρ|γ) is compatible if ρ_i balls of size 1 and
 * colour i and γ_j balls of size 2 and colour r+j fit into the bins, every
 * bin filled exactly and no bin holding two balls of one colour: then every
 * critical point with that pattern on Δ_λ comes from a critical point of the
 * network, otherwise none does (for generic data). Over C the same with λ
 * and all balls of size 1. */
#ifndef LCNCRIT_COMPAT_H
#define LCNCRIT_COMPAT_H

#include <stddef.h>
#include <stdint.h>
#include "arch.h"
#include "common.h"
#include "rrmp.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1 if compatible, 0 if not; LCN_ERR_ARG if arch is not stride-one or the
 * degrees differ (x->n != kend - 1, Σλ != kend - 1). */
LCN_EXPORT int lcn_compat_real(const lcn_rrmp_t x, const lcn_arch_t arch);
LCN_EXPORT int lcn_compat_complex(const int *lambda, int r, const lcn_arch_t arch);

/* A feasible factorization of a compatible (ρ|γ) in the notation of KMMT22
 * Ex. 5.6: layers separated by '*', real linear factors p1, p2, .. (p_i
 * has multiplicity ρ_i, ρ in non-decreasing order) and quadratics q1, ..
 * (q_j for γ_j), e.g. "p1p2*p3*p3" for 112|0 and (3,2,2); a layer with
 * k_l = 1 is written "1". Returns 1 and writes buf (truncated to len) if
 * compatible, 0 (buf = "-") if not, or LCN_ERR_ARG as lcn_compat_real. */
LCN_EXPORT int lcn_compat_real_witness(char *buf, size_t len, const lcn_rrmp_t x, const lcn_arch_t arch);

/* N(λ): the number of placements of the balls of λ (colours = the r roots,
 * which are distinct points, so colours are labelled; balls of one colour
 * are alike) into the labelled bins, each bin filled exactly, no bin with
 * two balls of one colour. It is the number of scaling classes of critical
 * parameters θ over one critical point w ∈ Δ_λ with distinct roots
 * (KMMT22 Lemma 5.7, Thm 5.3, 5.4); KMMT22 Ex. 5.10, k = (2,3):
 * N(1,1,1) = 3, N(2,1) = 1, N(3) = 0. Exact. LCN_ERR_ARG as above,
 * LCN_ERR_LIMIT if the count overflows 64 bits or the search is too big. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_compat_count(uint64_t *N, const int *lambda, int r, const lcn_arch_t arch);

/* Kernel: colour i has count[i] balls of size size[i] >= 1 (i < ncol);
 * bins have capacities cap[0..nbins-1]. Returns 1 and a placement
 * a[i*nbins + l] in {0,1} (a may be NULL) if every bin can be filled exactly
 * with at most one ball of each colour per bin, else 0. */
LCN_EXPORT int _lcn_compat_place(int *a, const int *count, const int *size, int ncol, const int *cap, int nbins);

#ifdef __cplusplus
}
#endif
#endif
