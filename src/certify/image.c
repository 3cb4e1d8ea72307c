/* Enclosing the image of a ball under a polynomial map given by SLP nodes,
 * so that certified zeros can be compared in other coordinates (e.g. the
 * end-to-end filter w(theta) of an LCN system, where several theta map to
 * one w).
 *
 * For g a node and y = x + h with ||h|| <= rho:
 *   |g(y) - g(x)| <= sum_{k>=1} sum_{|alpha|=k} |g_alpha| rho^k
 * (Taylor expansion at x; |h^alpha| <= rho^|alpha| since every |h_j| <= rho).
 * With A_g = M_g(0) and Delta_g = M_g(rho) - M_g(0) for the majorant series
 * M_g of majorant.c, the rules M_{a+-b} <= M_a + M_b and M_{ab} <= M_a M_b give
 *   Delta_{a+-b} <= Delta_a + Delta_b,
 *   Delta_{ab}   <= A_a Delta_b + Delta_a A_b + Delta_a Delta_b,
 * where A_g = M_g(0) = |g(x)| may be replaced by any upper bound (we use the
 * ball enclosure of g(x)), Delta_{x_j} = rho and Delta_c = 0: all terms
 * nonnegative, computed in doubles pushed up as in majorant.c. The value
 * g(x) itself is enclosed by ball arithmetic at prec (ball.c). */
#include <math.h>
#include <string.h>
#include "impl.h"

static inline double up(double z)
{
    return z * (1.0 + 0x1p-50) + 0x1p-1074;
}

lcn_err_t lcn_certify_image(double complex *gx, double *radius, const lcn_slp_t slp, const lcn_node_t *g, size_t ng,
                            const double complex *p, const double complex *x, double rho, long prec)
{
    if (!gx || !radius || (ng > 0 && !g)) return LCN_ERR_ARG;
    if (!(rho >= 0) || isinf(rho)) return LCN_ERR_ARG;
    for (int j = 0; j < slp->nvars; j++)
        if (!isfinite(creal(x[j])) || !isfinite(cimag(x[j]))) return LCN_ERR_ARG;
    for (int j = 0; j < slp->nparams; j++)
        if (!isfinite(creal(p[j])) || !isfinite(cimag(p[j]))) return LCN_ERR_ARG;
    size_t top = 0;
    for (size_t i = 0; i < ng; i++) {
        if (g[i] < 0 || (size_t)g[i] >= slp->len) return LCN_ERR_ARG;
        if ((size_t)g[i] + 1 > top) top = (size_t)g[i] + 1;
    }
    if (prec < 64) prec = 64;
    /* Needed nodes: operands precede their node, so one descending scan. */
    char *need = lcn_calloc(top ? top : 1, 1);
    for (size_t i = 0; i < ng; i++) need[g[i]] = 1;
    for (size_t k = top; k-- > 0;) {
        if (!need[k]) continue;
        const lcn_slp_node_struct *nd = &slp->nodes[k];
        if (nd->op == LCN_OP_ADD || nd->op == LCN_OP_SUB || nd->op == LCN_OP_MUL) {
            need[nd->a] = need[nd->b] = 1;
        } else if (nd->op == LCN_OP_NEG || nd->op == LCN_OP_POW) {
            need[nd->a] = 1;
        }
    }
    lcn_cert_priv w;
    memset(&w, 0, sizeof w);
    lcn_cert_temps_init(&w, (mpfr_prec_t)prec);
    mpc_t *bm = lcn_malloc_array(top ? top : 1, sizeof(mpc_t));
    mpfr_t *br = lcn_malloc_array(top ? top : 1, sizeof(mpfr_t));
    double *A = lcn_malloc_array(top ? top : 1, sizeof *A), *Dl = lcn_malloc_array(top ? top : 1, sizeof *Dl);
    mpfr_t *tmp = &w.u[7];
    for (size_t k = 0; k < top; k++) {
        if (!need[k]) continue;
        const lcn_slp_node_struct *nd = &slp->nodes[k];
        mpc_init2(bm[k], (mpfr_prec_t)prec);
        mpfr_init2(br[k], LCN_CERT_RAD_PREC);
        mpfr_set_zero(br[k], 1);
        int a = nd->a, b = nd->b, inex;
        switch (nd->op) {
        case LCN_OP_CONST: {
            int ire = mpfr_set_q(mpc_realref(bm[k]), slp->cre[a], MPFR_RNDN);
            int iim = mpfr_set_q(mpc_imagref(bm[k]), slp->cim[a], MPFR_RNDN);
            lcn_cert_round_err(br[k], bm[k], MPC_INEX(ire, iim), &w);
            Dl[k] = 0;
            break;
        }
        case LCN_OP_VAR:
        case LCN_OP_PARAM:
            inex = mpc_set_dc(bm[k], nd->op == LCN_OP_VAR ? x[a] : p[a], MPC_RNDNN);
            lcn_cert_round_err(br[k], bm[k], inex, &w);
            Dl[k] = nd->op == LCN_OP_VAR ? rho : 0;
            break;
        case LCN_OP_ADD:
        case LCN_OP_SUB:
            lcn_cert_ball_add(bm[k], br[k], bm[a], br[a], bm[b], br[b], nd->op == LCN_OP_SUB, &w);
            Dl[k] = up(Dl[a] + Dl[b]);
            break;
        case LCN_OP_MUL:
            lcn_cert_ball_mul(bm[k], br[k], bm[a], br[a], bm[b], br[b], &w);
            Dl[k] = up(up(up(A[a] * Dl[b]) + up(Dl[a] * A[b])) + up(Dl[a] * Dl[b]));
            break;
        case LCN_OP_NEG:
            mpc_neg(bm[k], bm[a], MPC_RNDNN);
            mpfr_set(br[k], br[a], MPFR_RNDU);
            Dl[k] = Dl[a];
            break;
        case LCN_OP_POW: {
            lcn_cert_ball_pow(bm[k], br[k], bm[a], br[a], (unsigned long)b, &w);
            double pa = 1, pd = 0; /* (A, Delta) of a^j, by repeated multiplication */
            for (long j = 0; j < b; j++) {
                double na = up(pa * A[a]);
                pd = up(up(up(pa * Dl[a]) + up(pd * A[a])) + up(pd * Dl[a]));
                pa = na;
                if (isinf(pa) || isinf(pd)) break;
            }
            Dl[k] = pd;
            break;
        }
        default: LCN_ASSERT(0 && "certify: unknown op");
        }
        /* |g(x)| <= |mid| + rad: tighter than propagating A, no cancellation lost */
        lcn_cert_ball_abs_up(*tmp, bm[k], br[k], &w);
        A[k] = mpfr_get_d(*tmp, MPFR_RNDU);
    }
    /* radius^2 >= sum_i (|gx_i - mid_i| + rad_i + Delta_i)^2 */
    mpfr_t s, e;
    mpfr_init2(s, 64);
    mpfr_init2(e, (mpfr_prec_t)prec + 64);
    mpfr_set_zero(s, 1);
    int finite = 1;
    for (size_t i = 0; i < ng; i++) {
        size_t k = (size_t)g[i];
        double re = mpfr_get_d(mpc_realref(bm[k]), MPFR_RNDN), im = mpfr_get_d(mpc_imagref(bm[k]), MPFR_RNDN);
        gx[i] = CMPLX(re, im);
        if (!isfinite(re) || !isfinite(im) || !isfinite(Dl[k])) finite = 0;
        mpfr_set_d(e, re, MPFR_RNDN);
        mpfr_sub(e, e, mpc_realref(bm[k]), MPFR_RNDA);
        mpfr_sqr(*tmp, e, MPFR_RNDU);
        mpfr_set_d(e, im, MPFR_RNDN);
        mpfr_sub(e, e, mpc_imagref(bm[k]), MPFR_RNDA);
        mpfr_sqr(e, e, MPFR_RNDU);
        mpfr_add(*tmp, *tmp, e, MPFR_RNDU);
        mpfr_sqrt(*tmp, *tmp, MPFR_RNDU);
        mpfr_add(*tmp, *tmp, br[k], MPFR_RNDU);
        mpfr_add_d(*tmp, *tmp, Dl[k], MPFR_RNDU);
        mpfr_sqr(*tmp, *tmp, MPFR_RNDU);
        mpfr_add(s, s, *tmp, MPFR_RNDU);
    }
    mpfr_sqrt(s, s, MPFR_RNDU);
    *radius = finite ? mpfr_get_d(s, MPFR_RNDU) : INFINITY;
    mpfr_clear(s);
    mpfr_clear(e);
    for (size_t k = 0; k < top; k++)
        if (need[k]) {
            mpc_clear(bm[k]);
            mpfr_clear(br[k]);
        }
    lcn_free(bm);
    lcn_free(br);
    lcn_free(A);
    lcn_free(Dl);
    lcn_free(need);
    lcn_cert_temps_clear(&w);
    return LCN_OK;
}
