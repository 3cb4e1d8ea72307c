/* libFuzzer harness for the weight-matrix file reader behind --weights FILE
 * (lcn_weights_read in src/lcn/weights.c, which takes a path: the input is
 * written to a per-process temporary file).
 *
 * The first byte picks k in 1..8, the rest is the file. A read must either
 * succeed with a matrix that passes lcn_weights_check (finite, symmetric,
 * positive definite) or fail with LCN_ERR_PARSE / LCN_ERR_ARG and a
 * message. Build and run: run-fuzz.sh weights. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lcncrit/weights.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void remove_file(void)
{
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int k = 1 + data[0] % 8;
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/fuzz-weights.%ld", (long)getpid());
        atexit(remove_file);
    }
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1) abort();
    fclose(f);
    double T[64];
    char msg[512];
    msg[0] = 0;
    lcn_err_t e = lcn_weights_read(T, k, path, msg, sizeof msg);
    if (e == LCN_OK) {
        if (lcn_weights_check(T, k, NULL, 0) != LCN_OK) abort();
    } else {
        if (e != LCN_ERR_PARSE && e != LCN_ERR_ARG) abort();
        if (!msg[0]) abort();
    }
    return 0;
}
