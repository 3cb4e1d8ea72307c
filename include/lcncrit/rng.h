/* lcncrit: a small deterministic random number generator.
 *
 * xoshiro256** seeded through splitmix64 from (seed, stream). A path's
 * randomness comes from (seed, path index) so results do not depend on the
 * number of threads. Not for cryptography. */
#ifndef LCNCRIT_RNG_H
#define LCNCRIT_RNG_H

#include <complex.h>
#include <stdint.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    uint64_t s[4];
} lcn_rng_struct;
typedef lcn_rng_struct lcn_rng_t[1];

/* Independent streams for distinct (seed, stream) pairs. */
LCN_EXPORT void lcn_rng_init(lcn_rng_t rng, uint64_t seed, uint64_t stream);
LCN_EXPORT uint64_t lcn_rng_u64(lcn_rng_t rng);
/* Uniform in [0, 1) with 53 random bits. */
LCN_EXPORT double lcn_rng_uniform(lcn_rng_t rng);
/* Uniform integer in [0, n), n > 0, without modulo bias. */
LCN_EXPORT uint64_t lcn_rng_below(lcn_rng_t rng, uint64_t n);
/* Standard normal (Box-Muller). */
LCN_EXPORT double lcn_rng_normal(lcn_rng_t rng);
/* Complex normal: real and imaginary parts independent N(0, 1/2). */
LCN_EXPORT double complex lcn_rng_cnormal(lcn_rng_t rng);
/* Uniform on the unit circle: the gamma of the gamma trick. */
LCN_EXPORT double complex lcn_rng_unit(lcn_rng_t rng);

#ifdef __cplusplus
}
#endif
#endif
