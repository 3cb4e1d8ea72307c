/* Path results and results: status names, allocation, counts. */
#include <string.h>
#include "impl.h"

const char *lcn_path_status_string(lcn_path_status_t s)
{
    switch (s) {
    case LCN_PATH_SUCCESS: return "success";
    case LCN_PATH_SINGULAR: return "singular";
    case LCN_PATH_AT_INFINITY: return "at_infinity";
    case LCN_PATH_MAX_STEPS: return "max_steps";
    case LCN_PATH_ILL_CONDITIONED: return "ill_conditioned";
    case LCN_PATH_STEP_TOO_SMALL: return "step_too_small";
    case LCN_PATH_INVALID_START: return "invalid_start";
    }
    return "unknown";
}

int lcn_path_status_is_failure(lcn_path_status_t s)
{
    return s != LCN_PATH_SUCCESS && s != LCN_PATH_SINGULAR && s != LCN_PATH_AT_INFINITY;
}

void lcn_path_result_init2(lcn_path_result_t r, int n)
{
    memset(r, 0, sizeof *r);
    r->n = n;
    r->x = lcn_calloc((size_t)(n > 0 ? n : 1), sizeof *r->x);
    r->status = LCN_PATH_MAX_STEPS;
    r->prec = 53;
    r->winding = 1;
    r->t_end = 1;
}

void lcn_path_result_clear(lcn_path_result_t r)
{
    lcn_free(r->x);
    r->x = NULL;
}

int lcn_path_result_is_success(const lcn_path_result_t r) { return r->status == LCN_PATH_SUCCESS; }

void lcn_result_init(lcn_result_t r)
{
    r->n = 0;
    r->npaths = 0;
    r->paths = NULL;
    r->seconds = 0;
}

void lcn_result_init2(lcn_result_t r, int n, size_t npaths)
{
    lcn_result_clear(r);
    r->n = n;
    r->npaths = npaths;
    r->paths = lcn_malloc_array(npaths ? npaths : 1, sizeof *r->paths);
    for (size_t i = 0; i < npaths; i++) lcn_path_result_init2(&r->paths[i], n);
}

void lcn_result_clear(lcn_result_t r)
{
    for (size_t i = 0; i < r->npaths; i++) lcn_path_result_clear(&r->paths[i]);
    lcn_free(r->paths);
    lcn_result_init(r);
}

size_t lcn_result_count(const lcn_result_t r, lcn_path_status_t s)
{
    size_t c = 0;
    for (size_t i = 0; i < r->npaths; i++) c += r->paths[i].status == s;
    return c;
}
