/* libFuzzer harness for the CSV matrix reader behind `census --data`
 * (lcn_dmatrix_read_csv_mem, the in-memory twin of lcn_dmatrix_read_csv in
 * src/census/data.c).
 *
 * A read must either succeed with a rows x cols matrix (both >= 1) of finite
 * numbers, or fail with LCN_ERR_PARSE / LCN_ERR_LIMIT, a message naming the
 * input, and an empty matrix. A matrix that reads is also handed to
 * lcn_data_loss_form as X against a one-row Y of matching width for the
 * single-layer architecture of filter size rows (d0 = k), so the shape
 * checks and the X X^T factorisation see arbitrary data too: that must
 * succeed or refuse with LCN_ERR_ARG and a message. Build and run:
 * run-fuzz.sh csv. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lcncrit/arch.h"
#include "lcncrit/data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lcn_dmatrix_t m;
    char msg[600];
    msg[0] = 0;
    lcn_dmatrix_init(m);
    lcn_err_t e = lcn_dmatrix_read_csv_mem(m, (const char *)data, size, "fuzz.csv", msg, sizeof msg);
    if (e != LCN_OK) {
        if (e != LCN_ERR_PARSE && e != LCN_ERR_LIMIT) abort();
        if (strncmp(msg, "fuzz.csv", 8) != 0) abort();
        if (m->rows || m->cols || m->a) abort();
        return 0;
    }
    if (m->rows < 1 || m->cols < 1 || !m->a) abort();
    for (long i = 0; i < (long)m->rows * m->cols; i++)
        if (!isfinite(m->a[i])) abort();
    if (m->rows <= 16 && m->cols <= 256) {
        /* One layer of size k = rows, one output row: d0 = k. */
        lcn_arch_t arch;
        lcn_arch_init(arch);
        int k = m->rows, s = 1;
        if (lcn_arch_init_set(arch, &k, &s, 1) == LCN_OK) {
            lcn_dmatrix_t Y;
            lcn_dmatrix_init(Y);
            Y->rows = 1;
            Y->cols = m->cols;
            Y->a = calloc((size_t)m->cols, sizeof(double));
            for (int j = 0; j < m->cols; j++) Y->a[j] = m->a[j] - 0.5 * j;
            double T[16 * 16], u[16], cst;
            msg[0] = 0;
            e = lcn_data_loss_form(T, u, &cst, arch, m, Y, msg, sizeof msg);
            if (e != LCN_OK && (e != LCN_ERR_ARG || !msg[0])) abort();
            if (e == LCN_OK) {
                if (!isfinite(cst)) abort();
                for (int i = 0; i < k; i++)
                    if (!isfinite(u[i])) abort();
            }
            free(Y->a);
            Y->a = NULL;
        }
        lcn_arch_clear(arch);
    }
    lcn_dmatrix_clear(m);
    return 0;
}
