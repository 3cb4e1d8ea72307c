/* Training data -> (T, u, const) (lossdata.h). */
#include <lapacke.h>
#include <string.h>
#include "lcncrit/lossdata.h"

lcn_err_t lcn_lossdata_weights(double *T, double *u, double *cst, int k, long sigma, int dL, const double *X, int d0,
                               int N, const double *Y)
{
    if (k < 1 || dL < 1 || N < 1 || sigma < 1 || (long)d0 != k + (dL - 1) * sigma) return LCN_ERR_ARG;
    /* G = X X^T (d0×d0), H = Y X^T (dL×d0). */
    double *G = lcn_calloc((size_t)d0 * d0, sizeof *G), *H = lcn_calloc((size_t)dL * d0, sizeof *H);
    for (int i = 0; i < d0; i++)
        for (int j = 0; j <= i; j++) {
            double s = 0;
            for (int t = 0; t < N; t++) s += X[(size_t)i * N + t] * X[(size_t)j * N + t];
            G[(size_t)i * d0 + j] = G[(size_t)j * d0 + i] = s;
        }
    for (int m = 0; m < dL; m++)
        for (int j = 0; j < d0; j++) {
            double s = 0;
            for (int t = 0; t < N; t++) s += Y[(size_t)m * N + t] * X[(size_t)j * N + t];
            H[(size_t)m * d0 + j] = s;
        }
    double *b = lcn_calloc((size_t)k, sizeof *b), *L = lcn_malloc_array((size_t)k * k, sizeof *L);
    for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int m = 0; m < dL; m++) s += G[(size_t)(i + sigma * m) * d0 + (size_t)(j + sigma * m)];
            T[i + k * j] = s;
        }
        double s = 0;
        for (int m = 0; m < dL; m++) s += H[(size_t)m * d0 + (size_t)(i + sigma * m)];
        b[i] = s;
    }
    memcpy(L, T, (size_t)k * k * sizeof *L);
    memcpy(u, b, (size_t)k * sizeof *u);
    lapack_int info = LAPACKE_dposv(LAPACK_COL_MAJOR, 'U', k, 1, L, k, u, k);
    LCN_ASSERT(info >= 0);
    lcn_err_t err = info > 0 ? LCN_ERR_NUMERIC : LCN_OK;
    if (!err && cst) {
        double yy = 0, bu = 0;
        for (size_t a = 0; a < (size_t)dL * N; a++) yy += Y[a] * Y[a];
        for (int i = 0; i < k; i++) bu += b[i] * u[i];
        *cst = yy - bu;
    }
    lcn_free(G);
    lcn_free(H);
    lcn_free(b);
    lcn_free(L);
    return err;
}

double lcn_lossdata_loss(const double *w, int k, long sigma, int dL, const double *X, int d0, int N, const double *Y)
{
    double s = 0;
    (void)d0;
    for (int m = 0; m < dL; m++)
        for (int t = 0; t < N; t++) {
            double o = -Y[(size_t)m * N + t];
            for (int j = 0; j < k; j++) o += w[j] * X[(size_t)(j + sigma * m) * N + t];
            s += o * o;
        }
    return s;
}
