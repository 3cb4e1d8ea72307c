/* Bounds on the higher derivatives of F at a point, for gamma.
 *
 * Write F_i(x + h) = sum_alpha c_{i,alpha} h^alpha (Taylor expansion at the
 * exact point x) and S_{i,k} = sum_{|alpha| = k} |c_{i,alpha}|. Then for
 * unit vectors h_1..h_k, |D^kF_i(x)(h_1,..,h_k)/k!| <= S_{i,k}: expanding the
 * symmetric k-linear form in coordinates, its coefficients over ordered
 * index tuples have absolute values summing to S_{i,k}, and every product
 * h_1[j_1]...h_k[j_k] has modulus <= 1. Hence
 *   ||D^kF(x)/k!|| <= (sum_i S_{i,k}^2)^{1/2}   (operator norm, Euclidean).
 *
 * S is computed without expanding anything: give every register g of the
 * straight-line program the univariate "majorant" polynomial
 * M_g(r) = sum_k (sum_{|alpha|=k} |g_alpha|) r^k. Then M_{g+-h} <= M_g + M_h
 * and M_{gh} <= M_g M_h coefficientwise (triangle inequality, grading by
 * degree), M_{x_j + h_j} = |x_j| + r and M_c = |c|. This loses cancellation
 * between terms, so S can overestimate, never underestimate; after a
 * multiprecision Newton refinement beta is tiny and a loose gamma costs
 * nothing.
 *
 * Arithmetic: doubles on nonnegative numbers, each result pushed up by
 * up(z) = z (1 + 2^-50) + 2^-1074, which dominates the exact value of the
 * operation on the (already upper-bound) operands: round-to-nearest loses at
 * most a factor (1 - 2^-53) per rounding for normal results and 2^-1075
 * absolutely for subnormal ones. Overflow gives Inf (the test then fails). */
#include <math.h>
#include "impl.h"

static inline double up(double z)
{
    return z * (1.0 + 0x1p-50) + 0x1p-1074;
}

static double mpc_abs_up_d(const mpc_t z, mpfr_t tmp)
{
    mpc_abs(tmp, z, MPFR_RNDU);
    return mpfr_get_d(tmp, MPFR_RNDU);
}

/* c = a * b truncated at degree D (c must not alias a or b). */
static void poly_mul(double *c, const double *a, const double *b, int D)
{
    for (int k = 0; k <= D; k++) {
        double acc = 0;
        for (int i = 0; i <= k; i++) {
            if (a[i] == 0 || b[k - i] == 0) continue;
            acc = up(acc + up(a[i] * b[k - i]));
        }
        c[k] = acc;
    }
}

int lcn_cert_majorant(lcn_cert_priv *w, const lcn_system_struct *sys, const mpc_t *x, const mpc_t *pm)
{
    const lcn_program_struct *prog = &sys->prog[0];
    int D = w->maxdeg;
    if (D < 0) return 0;
    size_t W = (size_t)D + 1;
    double *tmp = lcn_malloc_array(3 * W, sizeof *tmp), *t1 = tmp + W, *t2 = tmp + 2 * W;
    for (size_t k = 0; k < prog->nins; k++) {
        const lcn_instr_struct *in = &prog->ins[k];
        double *c = w->maj + (size_t)in->dst * W;
        const double *a = w->maj + (size_t)in->a * W, *b = w->maj + (size_t)in->b * W;
        switch (in->op) {
        case LCN_OP_CONST:
            for (int j = 0; j <= D; j++) c[j] = 0;
            c[0] = w->cabs_up[in->a];
            break;
        case LCN_OP_PARAM:
            for (int j = 0; j <= D; j++) c[j] = 0;
            c[0] = mpc_abs_up_d(pm[in->a], w->u[7]);
            break;
        case LCN_OP_VAR:
            for (int j = 0; j <= D; j++) c[j] = 0;
            c[0] = mpc_abs_up_d(x[in->a], w->u[7]);
            if (D >= 1) c[1] = 1;
            break;
        case LCN_OP_ADD: case LCN_OP_SUB:
            for (int j = 0; j <= D; j++) c[j] = (a[j] == 0 || b[j] == 0) ? a[j] + b[j] : up(a[j] + b[j]);
            break;
        case LCN_OP_NEG:
            for (int j = 0; j <= D; j++) c[j] = a[j];
            break;
        case LCN_OP_MUL:
            poly_mul(c, a, b, D);
            break;
        case LCN_OP_POW: {
            unsigned long e = (unsigned long)in->b;
            for (int j = 0; j <= D; j++) {
                tmp[j] = a[j]; /* base */
                c[j] = 0;
            }
            c[0] = 1;
            while (e) {
                if (e & 1) {
                    poly_mul(t1, c, tmp, D);
                    for (int j = 0; j <= D; j++) c[j] = t1[j];
                }
                e >>= 1;
                if (!e) break;
                poly_mul(t2, tmp, tmp, D);
                for (int j = 0; j <= D; j++) tmp[j] = t2[j];
            }
            break;
        }
        default: LCN_ASSERT(0 && "certify: unknown op");
        }
    }
    lcn_free(tmp);
    int ok = 1;
    for (size_t i = 0; i < prog->nout; i++) {
        const double *c = w->maj + (size_t)prog->out[i] * W;
        for (int j = 0; j <= D; j++) {
            w->S[i * W + (size_t)j] = c[j];
            if (!isfinite(c[j])) ok = 0;
        }
    }
    return ok;
}
