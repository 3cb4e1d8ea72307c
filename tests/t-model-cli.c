/* End-to-end tests of `lcncrit arch` and `lcncrit edd`: run the binary
 * (path in $LCNCRIT, set by tests/meson.build) and check output and exit
 * codes (SPEC.md: 0 done, 2 bad input with a message naming the argument). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include "test.h"

/* Run "$LCNCRIT args", capture stdout+stderr into out; return exit status. */
static int run(char *out, size_t len, const char *args)
{
    const char *bin = getenv("LCNCRIT");
    char cmd[2048];
    if (!bin) {
        fprintf(stderr, "LCNCRIT not set\n");
        exit(77);
    }
    snprintf(cmd, sizeof cmd, "'%s' %s 2>&1", bin, args);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    size_t n = fread(out, 1, len - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char buf[1 << 20];

static void test_cli_edd(void)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = run(buf, sizeof buf, "edd --k 9,9 --s 2,1");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    CHECK(rc == 0, "edd --k 9,9 --s 2,1 exit %d:\n%s", rc, buf);
    CHECK(strstr(buf, "10218105") != NULL, "Shahverdi Table 3 C_(9,9) = 10218105 missing:\n%s", buf);
    CHECK(secs < 1.0, "edd took %.3f s", secs);
    /* Shahverdi Fig. 1, and JSON on stdout */
    rc = run(buf, sizeof buf, "edd --k 2,3,4,5 --s 2,2,2,1 --json - --quiet");
    CHECK(rc == 0 && strstr(buf, "\"generic\": 2976084") != NULL, "C_(2,3,4,5) JSON (exit %d):\n%s", rc, buf);
    /* KMMT22 Ex. 6.7 and 5.10 */
    rc = run(buf, sizeof buf, "edd --k 3,2,2 --json -");
    CHECK(rc == 0 && strstr(buf, "\"upper_bound\": {\"identity\": 36") != NULL, "(3,2,2) bound 36:\n%s", buf);
    rc = run(buf, sizeof buf, "edd --k 4,2");
    CHECK(rc == 0 && strstr(buf, "KMMT22 Ex. 6.7): identity 11") != NULL, "(4,2) bound 11:\n%s", buf);
    rc = run(buf, sizeof buf, "edd --k 2,3 --json -");
    CHECK(rc == 0 && strstr(buf, "\"params_prediction\": {\"identity\": 10") != NULL, "(2,3) prediction 10:\n%s",
          buf);
    /* an unknown locus prints "unknown" */
    rc = run(buf, sizeof buf, "edd --k 3,3,2");
    CHECK(rc == 0 && strstr(buf, "unknown") != NULL, "(3,3,2): no 'unknown':\n%s", buf);
}

static void test_cli_arch(void)
{
    int rc = run(buf, sizeof buf, "arch --k 3,2,2");
    CHECK(rc == 0, "arch exit %d:\n%s", rc, buf);
    CHECK(strstr(buf, "not filling") && strstr(buf, "stride-one") && strstr(buf, "end-to-end filter size k = 5"),
          "arch facts:\n%s", buf);
    rc = run(buf, sizeof buf, "arch --k 2,2,2 --s 1,2,1 --json -");
    CHECK(rc == 0 && strstr(buf, "\"reduced\": {\"k\": [3, 2], \"s\": [2, 1]") && strstr(buf, "\"end_to_end_k\": 5"),
          "mixed arch JSON (exit %d):\n%s", rc, buf);
    /* KMMT22 Ex. 5.6: 13|0 is compatible with (3,2,2), not with (4,2) */
    rc = run(buf, sizeof buf, "arch --k 3,2,2 --json - --quiet");
    CHECK(rc == 0 && strstr(buf, "{\"rrmp\": \"13|0\", \"function_space\": true, \"boundary\": false, "
                                 "\"compatible\": true, \"factorization\": "),
          "(3,2,2) 13|0:\n%s", buf);
    rc = run(buf, sizeof buf, "arch --k 4,2 --json - --quiet");
    CHECK(rc == 0 && strstr(buf, "{\"rrmp\": \"13|0\", \"function_space\": true, \"boundary\": false, "
                                 "\"compatible\": false, \"factorization\": null}"),
          "(4,2) 13|0:\n%s", buf);
    /* writing to a file */
    char path[] = "/tmp/t-model-cli-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd >= 0) {
        char args[256];
        snprintf(args, sizeof args, "arch --k 2,2 --s 2,1 --json %s", path);
        rc = run(buf, sizeof buf, args);
        FILE *f = fopen(path, "r");
        size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
        buf[n] = '\0';
        if (f) fclose(f);
        CHECK(rc == 0 && strstr(buf, "\"end_to_end_k\": 4") && strstr(buf, "\"kind\": \"reduced\""), "file:\n%s", buf);
        remove(path);
    }
}

static void test_cli_errors(void)
{
    struct {
        const char *args, *needle;
    } bad[] = {
        {"arch --k 3,0", "--k"},          {"arch --k 3,2 --s 1", "--s"}, {"arch --k abc", "--k"},
        {"edd --k 3,0", "--k"},           {"edd --k 3,2 --s 1", "--s"},  {"edd --k abc", "--k"},
        {"edd --s 1,1", "--k"},           {"arch --k 3 --bogus", "--bogus"},
        {"edd --k 9,9 --s 2,0", "--s"},   {"arch --k 5000", "--k"},      {"edd --k 3,2 --s 1,-1", "--s"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int rc = run(buf, sizeof buf, bad[i].args);
        CHECK(rc == 2, "'%s' exit %d (expected 2):\n%s", bad[i].args, rc, buf);
        CHECK(strstr(buf, bad[i].needle) != NULL, "'%s': message does not name %s:\n%s", bad[i].args, bad[i].needle,
              buf);
    }
}

LCN_TEST_MAIN({"cli_edd", test_cli_edd}, {"cli_arch", test_cli_arch}, {"cli_errors", test_cli_errors})
