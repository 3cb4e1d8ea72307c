/* lcncrit: the results of a solve, one path result per path, stored by path
 * index (so the output never depends on the number of threads). */
#ifndef LCNCRIT_RESULT_H
#define LCNCRIT_RESULT_H

#include "path_result.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int n;
    size_t npaths;
    lcn_path_result_struct *paths; /* npaths entries; paths[i].x has n entries */
    double seconds;                /* wall time of the solve */
} lcn_result_struct;
typedef lcn_result_struct lcn_result_t[1];

LCN_EXPORT void lcn_result_init(lcn_result_t r);
/* Make room for npaths paths of n unknowns (previous content is freed). */
LCN_EXPORT void lcn_result_init2(lcn_result_t r, int n, size_t npaths);
LCN_EXPORT void lcn_result_clear(lcn_result_t r);
/* Number of paths with status s; the counts over all statuses add up to npaths. */
LCN_EXPORT size_t lcn_result_count(const lcn_result_t r, lcn_path_status_t s);

#ifdef __cplusplus
}
#endif
#endif
