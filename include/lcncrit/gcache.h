/* lcncrit: generic solution sets, computed once by monodromy and cached.
 *
 * A cache entry is keyed by the system kind and sizes, the component, the
 * seed (the charts and p0 depend on it), the library version and the file
 * format; it is a lcn_generic_write text file under the cache directory
 * (default $XDG_CACHE_HOME/lcncrit, else $HOME/.cache/lcncrit). An entry
 * is used only after its solutions are checked to solve F(·; p0) = 0, so a
 * stale or corrupt file costs a recomputation, never a wrong answer.
 *
 * Behind the cache directory, read-only: the complete sets shipped with
 * lcncrit in data/generic (bench/generic-data.sh makes them; the directory
 * is $LCNCRIT_DATA/generic, by default the source tree's data/generic, and
 * LCNCRIT_DATA= (empty) turns it off), so that the common cases need no
 * monodromy. They are computed by lcncrit's own monodromy, with seed
 * LCN_GCACHE_SHIPPED_SEED; the user's data are still reached by tracking
 * every path. A shipped set serves every seed: its base point p0 = (u0, T0)
 * is a point of the full parameter space, the same for any charts, so its
 * solutions carried into another seed's charts (lcn_critsys_theta_rechart,
 * the same factors and w, then Newton there) are that system's generic set
 * at p0. */
#ifndef LCNCRIT_GCACHE_H
#define LCNCRIT_GCACHE_H

#include "components.h"
#include "monodromy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The seed of the shipped sets (bench/generic-data.sh). */
#define LCN_GCACHE_SHIPPED_SEED 1

/* The cache key of component index ci of cs with seed (no '/' in it). */
LCN_EXPORT void lcn_gcache_key(char *buf, size_t len, const lcn_critsys_t cs, size_t ci, uint64_t seed);
/* The default cache directory into buf; LCN_ERR_ARG if neither
 * XDG_CACHE_HOME nor HOME is set. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_gcache_default_dir(char *buf, size_t len);

/* The shipped sets' directory into buf (see above); LCN_ERR_ARG when it is
 * turned off. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_gcache_data_dir(char *buf, size_t len);

/* The generic set of component ci: from the cache directory dir (NULL: the
 * default; "" or "none": no cache, and no shipped set either) if a valid
 * entry exists, else from the shipped sets, else by
 * monodromy from lcn_component_seed (seed from mopts->seed), then stored
 * (only when complete or when no count is known). g must be initialised
 * (lcn_generic_init2 with cs->n, cs->m). *from_cache (may be NULL) is set
 * to 1 when the entry came from the cache directory, 2 when it is a
 * shipped set (of this seed, or of LCN_GCACHE_SHIPPED_SEED carried into
 * this seed's charts), 0 when it was computed. Cache write failures are
 * logged, not fatal. */
LCN_EXPORT LCN_WUR lcn_err_t lcn_gcache_obtain(lcn_generic_t g, const lcn_critsys_t cs, const lcn_components_t cc,
                                               size_t ci, const char *dir, const lcn_monodromy_opts_t mopts,
                                               int *from_cache);

#ifdef __cplusplus
}
#endif
#endif
