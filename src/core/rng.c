/* xoshiro256** (Blackman and Vigna), seeded through splitmix64. */
#include "lcncrit/rng.h"

#include <math.h>

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void lcn_rng_init(lcn_rng_t rng, uint64_t seed, uint64_t stream)
{
    /* Mix the stream through splitmix64 first so that nearby (seed, stream)
     * pairs give unrelated states. */
    uint64_t x = seed ^ 0x6a09e667f3bcc909ULL;
    uint64_t y = splitmix64(&x) ^ (stream * 0xd1b54a32d192ed03ULL + 0x3c6ef372fe94f82bULL);
    for (int i = 0; i < 4; i++) rng->s[i] = splitmix64(&y);
}

uint64_t lcn_rng_u64(lcn_rng_t rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double lcn_rng_uniform(lcn_rng_t rng) { return (double)(lcn_rng_u64(rng) >> 11) * 0x1.0p-53; }

uint64_t lcn_rng_below(lcn_rng_t rng, uint64_t n)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t r;
    do r = lcn_rng_u64(rng);
    while (r >= limit);
    return r % n;
}

double lcn_rng_normal(lcn_rng_t rng)
{
    double u1 = 1.0 - lcn_rng_uniform(rng); /* (0, 1] so log is finite */
    double u2 = lcn_rng_uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

double complex lcn_rng_cnormal(lcn_rng_t rng)
{
    double re = lcn_rng_normal(rng), im = lcn_rng_normal(rng);
    return CMPLX(re * M_SQRT1_2, im * M_SQRT1_2);
}

double complex lcn_rng_unit(lcn_rng_t rng)
{
    double a = 2.0 * M_PI * lcn_rng_uniform(rng);
    return CMPLX(cos(a), sin(a));
}
