/* lcncrit: integer partitions, the index set of the multiple root loci Δ_λ
 * (KMMT22 Def. 3.1).
 *
 * A partition λ of n is stored with its parts in non-increasing order,
 * λ_1 >= λ_2 >= … >= λ_r >= 1, Σ λ_i = n; the partition of 0 has r = 0.
 * Enumeration order (documented, fixed): lexicographically increasing in
 * (λ_1, λ_2, …), i.e. from (1^n) up to (n). For n = 4:
 *     1111, 211, 22, 31, 4
 * which is the order of KMMT22 Ex. 3.3 and Ex. 6.7. */
#ifndef LCNCRIT_PARTITION_H
#define LCNCRIT_PARTITION_H

#include <stddef.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest n enumerated by lcn_partitions_init_set (p(60) = 966467). */
#define LCN_PARTITION_MAX_N 60

/* First partition of n >= 0 in the order above: (1^n). parts holds >= n
 * entries; returns r. */
LCN_EXPORT int lcn_partition_first(int *parts, int n);
/* Advance parts[0..*r-1] to the next partition of the same n; returns 1,
 * or 0 (parts unchanged) if it was the last one, (n). parts holds >= n
 * entries. */
LCN_EXPORT int lcn_partition_next(int *parts, int *r);
/* 1 if parts[0..r-1] is a non-increasing list of positive integers. */
LCN_EXPORT int lcn_partition_is_valid(const int *parts, int r);
/* Sort parts[0..r-1] into non-increasing order in place. */
LCN_EXPORT void lcn_partition_sort(int *parts, int r);
/* Π_j m_j! where m_j = number of parts equal to j (exact while the product
 * fits in an unsigned long): how often the locus
 * parametrisation hits a point with distinct roots (DESIGN.md §2). */
LCN_EXPORT unsigned long lcn_partition_symmetry(const int *parts, int r);
/* Write "2,1,1" into buf (snprintf semantics; returns the length it
 * needed). The partition of 0 is "". */
LCN_EXPORT int lcn_partition_get_str(char *buf, size_t len, const int *parts, int r);

/* All partitions of n, in the order above. */
typedef struct {
    int n;
    size_t count;
    int *len;    /* len[i]: number of parts of partition i */
    int **parts; /* parts[i][0..len[i]-1], non-increasing */
} lcn_partitions_struct;
typedef lcn_partitions_struct lcn_partitions_t[1];

LCN_EXPORT void lcn_partitions_init(lcn_partitions_t p);
/* Enumerate every partition of n. LCN_ERR_ARG if n < 0, LCN_ERR_LIMIT if
 * n > LCN_PARTITION_MAX_N; p is then empty. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_partitions_init_set(lcn_partitions_t p, int n);
LCN_EXPORT void lcn_partitions_clear(lcn_partitions_t p);

#ifdef __cplusplus
}
#endif
#endif
