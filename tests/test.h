/* Shared test helpers: a fixed seed (LCN_TEST_SEED overrides it), an
 * iteration multiplier (LCN_TEST_MULTIPLIER), and checks that print every
 * input needed to reproduce a failure. Exit 0 pass, 1 fail, 77 skip. */
#ifndef LCN_TEST_H
#define LCN_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static int lcn_test_failures = 0;

static inline uint64_t lcn_test_seed(void)
{
    const char *s = getenv("LCN_TEST_SEED");
    return s ? strtoull(s, NULL, 0) : 20221123u;
}

static inline long lcn_test_multiplier(void)
{
    const char *s = getenv("LCN_TEST_MULTIPLIER");
    long m = s ? strtol(s, NULL, 0) : 1;
    return m > 0 ? m : 1;
}

#define CHECK(cond, ...)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "FAIL %s:%d: %s (seed %llu): ", __FILE__, __LINE__, \
                    #cond, (unsigned long long)lcn_test_seed());                \
            fprintf(stderr, __VA_ARGS__);                                       \
            fputc('\n', stderr);                                                \
            lcn_test_failures++;                                                \
        }                                                                       \
    } while (0)

/* One binary per module, one registered test per function: the test name
 * is argv[1], and main() dispatches through a table of these. */
typedef struct {
    const char *name;
    void (*fn)(void);
} lcn_test_case;

static inline int lcn_test_main(int argc, char **argv, const lcn_test_case *cases, size_t ncases)
{
    int ran = 0;
    for (size_t i = 0; i < ncases; i++) {
        if (argc > 1 && strcmp(argv[1], cases[i].name) != 0) continue;
        cases[i].fn();
        ran++;
    }
    if (!ran) {
        fprintf(stderr, "no test named %s\n", argc > 1 ? argv[1] : "(none)");
        return 2;
    }
    if (lcn_test_failures) fprintf(stderr, "%d check(s) failed\n", lcn_test_failures);
    return lcn_test_failures ? 1 : 0;
}

#define LCN_TEST_MAIN(...)                                                        \
    int main(int argc, char **argv)                                               \
    {                                                                             \
        static const lcn_test_case cases[] = {__VA_ARGS__};                       \
        return lcn_test_main(argc, argv, cases, sizeof cases / sizeof cases[0]);  \
    }

#endif
