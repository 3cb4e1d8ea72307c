/* Tests of src/core: the random number generator. */
#include <math.h>
#include "lcncrit/rng.h"
#include "test.h"

static void test_rng(void)
{
    lcn_rng_t a, b;
    lcn_rng_init(a, lcn_test_seed(), 7);
    lcn_rng_init(b, lcn_test_seed(), 7);
    for (int i = 0; i < 1000; i++) CHECK(lcn_rng_u64(a) == lcn_rng_u64(b), "same seed, different stream at %d", i);
    lcn_rng_init(b, lcn_test_seed(), 8);
    int same = 0;
    for (int i = 0; i < 1000; i++) same += lcn_rng_u64(a) == lcn_rng_u64(b);
    CHECK(same == 0, "streams 7 and 8 agree %d times", same);
    /* Moments of the normal generator: mean 0, variance 1 within 5 sigma. */
    long n = 100000 * lcn_test_multiplier();
    double s = 0, s2 = 0;
    for (long i = 0; i < n; i++) {
        double z = lcn_rng_normal(a);
        s += z;
        s2 += z * z;
    }
    CHECK(fabs(s / n) < 5.0 / sqrt((double)n), "normal mean %g", s / n);
    CHECK(fabs(s2 / n - 1.0) < 5.0 * sqrt(2.0 / n), "normal variance %g", s2 / n);
    for (int i = 0; i < 1000; i++) {
        double complex u = lcn_rng_unit(a);
        CHECK(fabs(cabs(u) - 1.0) < 1e-15, "unit modulus %g", cabs(u));
        CHECK(lcn_rng_below(a, 7) < 7, "below out of range");
    }
}

LCN_TEST_MAIN({"rng", test_rng})
