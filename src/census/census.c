/* The census: route an architecture to its components, solve each with the
 * systems of critpoints.h, then per point the roots, rrmp, reachability,
 * layer filters and their type in parameter space (census.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lcncrit/census.h"
#include "lcncrit/certify.h"
#include "lcncrit/compat.h"
#include "lcncrit/components.h"
#include "lcncrit/critpoints.h"
#include "lcncrit/edd.h"
#include "lcncrit/factor.h"
#include "lcncrit/partition.h"
#include "lcncrit/rrmp.h"

/* Root multiplicities computed from the locus's own factors are exact; the
 * tolerances below only decide which computed factors are the same point
 * or real, on refined points (errors ~1e-14). */
#define FACTOR_TOL 1e-8
/* From w alone (Segre), a root of multiplicity m is only accurate to about
 * eps^(1/m): rrmp_set_w's documented tolerance. */
#define W_ROOT_TOL 1e-6

void lcn_census_opts_init(lcn_census_opts_t o)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->threads = 0;
    o->cache_dir = NULL;
    o->weights_name = "identity";
    o->certify = 1;
    o->hessian_tol = 1e-7;
    o->max_factorizations = 10000;
    lcn_log_init(&o->log);
    lcn_log_init(&o->track_log);
}

void lcn_census_init(lcn_census_t c)
{
    memset(c, 0, sizeof *c);
    lcn_arch_init(c->arch);
    lcn_arch_init(c->farch);
    lcn_arch_init(c->sarch);
    c->route = "none";
}

static void point_clear(lcn_census_point_struct *p)
{
    lcn_free(p->w);
    lcn_free(p->theta);
    lcn_free(p->root);
    lcn_free(p->root_inf);
    lcn_free(p->root_mult);
    for (size_t i = 0; i < p->nfact; i++) lcn_free(p->fact[i].theta);
    lcn_free(p->fact);
}

void lcn_census_clear(lcn_census_t c)
{
    for (size_t i = 0; i < c->ncomp; i++) {
        for (size_t j = 0; j < c->comp[i].npts; j++) point_clear(&c->comp[i].pts[j]);
        lcn_free(c->comp[i].pts);
    }
    lcn_free(c->comp);
    lcn_free(c->u);
    lcn_free(c->T);
    lcn_arch_clear(c->arch);
    lcn_arch_clear(c->farch);
    lcn_arch_clear(c->sarch);
    lcn_census_init(c);
}

/* The name under which the count oracles are looked up: data and matrix
 * files are treated as generic ("for almost all data", DESIGN §3). */
static const char *expect_name(const char *w)
{
    if (!strcmp(w, "identity") || !strcmp(w, "bombieri") || !strcmp(w, "generic")) return w;
    return "generic";
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Roots from linear factors (l0 x + l1 y has the root (x:y) = (−l1 : l0)). */
/* The listing order of the roots: higher multiplicity first, finite before
 * infinite, then by real part and imaginary part, parts within 1e-8 of
 * each other (relative) counting as equal, so that the order does not hang
 * on the last bits of w. */
typedef struct {
    double complex z;
    int inf, mult;
} root_key;

static int cmp_part(double a, double b)
{
    double tol = 1e-8 * fmax(1.0, fmax(fabs(a), fabs(b)));
    return a < b - tol ? -1 : a > b + tol ? 1 : 0;
}

static int cmp_roots(const void *pa, const void *pb)
{
    const root_key *a = pa, *b = pb;
    if (a->mult != b->mult) return a->mult > b->mult ? -1 : 1;
    if (a->inf != b->inf) return a->inf - b->inf;
    int c = cmp_part(creal(a->z), creal(b->z));
    return c ? c : cmp_part(cimag(a->z), cimag(b->z));
}

static void set_roots(lcn_census_point_struct *p, const double complex *lin, const int *mult, int nf)
{
    p->nroots = nf;
    p->root = lcn_malloc_array((size_t)(nf ? nf : 1), sizeof *p->root);
    p->root_inf = lcn_malloc_array((size_t)(nf ? nf : 1), sizeof *p->root_inf);
    p->root_mult = lcn_malloc_array((size_t)(nf ? nf : 1), sizeof *p->root_mult);
    for (int i = 0; i < nf; i++) {
        double complex l0 = lin[2 * i], l1 = lin[2 * i + 1];
        double nrm = hypot(cabs(l0), cabs(l1));
        p->root_mult[i] = mult[i];
        if (cabs(l0) <= 1e-14 * nrm) {
            p->root_inf[i] = 1;
            p->root[i] = 0;
        } else {
            p->root_inf[i] = 0;
            p->root[i] = -l1 / l0;
        }
    }
    root_key *key = lcn_malloc_array((size_t)(nf ? nf : 1), sizeof *key);
    for (int i = 0; i < nf; i++) key[i] = (root_key){p->root[i], p->root_inf[i], p->root_mult[i]};
    qsort(key, (size_t)nf, sizeof *key, cmp_roots);
    for (int i = 0; i < nf; i++) {
        p->root[i] = key[i].z;
        p->root_inf[i] = key[i].inf;
        p->root_mult[i] = key[i].mult;
    }
    lcn_free(key);
}

/* Classify and store the factorizations of f (complex θ with real values). */
static void add_factorizations(lcn_census_point_struct *p, const lcn_factorizations_t f, const lcn_census_t c,
                               const lcn_census_opts_t o)
{
    const lcn_arch_struct *a = c->farch;
    int P = a->nparams;
    p->nfact = f->count;
    p->fact = lcn_calloc(f->count ? f->count : 1, sizeof *p->fact);
    for (size_t i = 0; i < f->count; i++) {
        lcn_census_fact_struct *F = &p->fact[i];
        F->theta = lcn_malloc_array((size_t)P, sizeof *F->theta);
        for (int j = 0; j < P; j++) F->theta[j] = creal(f->theta[i * (size_t)P + j]);
        lcn_param_normalize(F->theta, a);
        F->classified = lcn_param_classify(&F->info, a, F->theta, c->u, c->T, o->hessian_tol) == LCN_OK;
    }
}

static lcn_err_t locus_point(lcn_census_point_struct *p, const lcn_critsys_t cs, const lcn_census_t c,
                             const lcn_census_opts_t o)
{
    int r = cs->r;
    double complex lin[2 * LCN_CRITSYS_MAX_FACTORS];
    for (int i = 0; i < r; i++) {
        lcn_critsys_factor(lin + 2 * i, cs, i, p->theta);
        double nrm = hypot(cabs(lin[2 * i]), cabs(lin[2 * i + 1]));
        lin[2 * i] /= nrm;
        lin[2 * i + 1] /= nrm;
    }
    set_roots(p, lin, cs->fe, r);
    p->in_function_space = -1;
    p->compatible = -1;
    if (!p->real) return LCN_OK;
    lcn_rrmp_t x;
    lcn_rrmp_init(x);
    if (lcn_rrmp_set_factors(x, lin, cs->fe, r, FACTOR_TOL) != LCN_OK) {
        /* Real w whose factors do not pair up: leave it unclassified. */
        lcn_rrmp_clear(x);
        return LCN_OK;
    }
    lcn_rrmp_get_str(p->rrmp, sizeof p->rrmp, x);
    int inf = lcn_rrmp_in_function_space(x, c->farch);
    int cmp = lcn_compat_real(x, c->farch);
    lcn_rrmp_clear(x);
    p->in_function_space = inf >= 0 ? inf : -1;
    p->compatible = cmp >= 0 ? cmp : -1;
    if (p->compatible != 1) return LCN_OK;
    /* w = c0 · Π lin_i^{e_i}: c0 from the largest coefficient of the product. */
    int k = cs->k;
    double complex *prod = lcn_malloc_array((size_t)k, sizeof *prod), *tmp = lcn_malloc_array((size_t)k, sizeof *tmp);
    int np = 1;
    prod[0] = 1;
    for (int i = 0; i < r; i++)
        for (int e = 0; e < cs->fe[i]; e++) {
            _lcn_poly_mul(tmp, prod, np, lin + 2 * i, 2);
            np++;
            memcpy(prod, tmp, (size_t)np * sizeof *prod);
        }
    int jm = 0;
    for (int j = 1; j < k; j++)
        if (cabs(prod[j]) > cabs(prod[jm])) jm = j;
    double complex c0 = p->w[jm] / prod[jm];
    lcn_free(prod);
    lcn_free(tmp);
    lcn_factorizations_t f;
    lcn_factorizations_init(f);
    lcn_err_t err = lcn_factor_enumerate(f, c->farch, c0, lin, cs->fe, r, LCN_FACTOR_REAL | LCN_FACTOR_DISTINCT,
                                         FACTOR_TOL, o->max_factorizations);
    if (err == LCN_ERR_NUMERIC) {
        /* The chart's factors did not pass as real: from w's own roots. */
        lcn_factorizations_clear(f);
        lcn_factorizations_init(f);
        err = lcn_factor_w(f, c->farch, p->w, LCN_FACTOR_REAL | LCN_FACTOR_DISTINCT, W_ROOT_TOL,
                           o->max_factorizations);
    }
    if (err == LCN_OK || err == LCN_ERR_LIMIT) add_factorizations(p, f, c, o);
    if (err == LCN_ERR_LIMIT)
        lcn_logf(&o->log, LCN_LOG_WARN, "census: more than %zu factorizations of one point; the first kept",
                 o->max_factorizations);
    else if (err)
        /* A numerical failure on one point must not lose the census: the
         * point stays compatible with no filters listed, and says so. */
        lcn_logf(&o->log, LCN_LOG_WARN, "census: the factorizations of a compatible %s point failed (%s)", p->rrmp,
                 lcn_err_string(err));
    lcn_factorizations_clear(f);
    return LCN_OK;
}

/* Mixed strides: split every merged (reduced) layer fl_j into real filters
 * of its stride-one group, all combinations. */
static void split_groups(lcn_census_point_struct *p, const double complex *fl, const lcn_census_t c,
                         const lcn_census_opts_t o)
{
    const lcn_arch_struct *a = c->farch, *r = c->sarch;
    int G = r->L;
    lcn_factorizations_struct fg[LCN_ARCH_MAX_LAYERS];
    lcn_arch_struct sub[LCN_ARCH_MAX_LAYERS];
    int members[LCN_ARCH_MAX_LAYERS][LCN_ARCH_MAX_LAYERS], nm[LCN_ARCH_MAX_LAYERS];
    size_t total = 1;
    int ok = 1;
    for (int j = 0; j < G; j++) {
        nm[j] = 0;
        lcn_factorizations_init(&fg[j]);
    }
    for (int l = 0; l < a->L; l++)
        if (c->group[l] >= 0) {
            int j = c->group[l];
            members[j][nm[j]++] = l;
        }
    for (int j = 0; j < G && ok; j++) {
        int kk[LCN_ARCH_MAX_LAYERS];
        for (int q = 0; q < nm[j]; q++) kk[q] = a->k[members[j][q]];
        lcn_arch_init(&sub[j]);
        if (lcn_arch_init_set(&sub[j], kk, NULL, nm[j]) != LCN_OK) {
            ok = 0;
            break;
        }
        if (nm[j] == 1) {
            /* A group of one layer is the merged layer itself. */
            fg[j].count = 1;
            fg[j].nparams = kk[0];
            fg[j].theta = lcn_malloc_array((size_t)kk[0], sizeof *fg[j].theta);
            memcpy(fg[j].theta, fl + r->off[j], (size_t)kk[0] * sizeof *fg[j].theta);
        } else {
            lcn_err_t err = lcn_factor_w(&fg[j], &sub[j], fl + r->off[j], LCN_FACTOR_REAL, W_ROOT_TOL,
                                         o->max_factorizations);
            if (err != LCN_OK && err != LCN_ERR_LIMIT) fg[j].count = 0;
        }
        if (fg[j].count == 0) ok = 0;
        else if (total <= o->max_factorizations) total *= fg[j].count;
    }
    p->compatible = ok;
    if (ok) {
        if (total > o->max_factorizations) total = o->max_factorizations;
        lcn_factorizations_t f;
        lcn_factorizations_init(f);
        f->count = total;
        f->nparams = a->nparams;
        f->theta = lcn_malloc_array(total * (size_t)a->nparams, sizeof *f->theta);
        for (size_t t = 0; t < total; t++) {
            double complex *th = f->theta + t * (size_t)a->nparams;
            size_t rest = t;
            for (int j = 0; j < G; j++) {
                size_t idx = rest % fg[j].count;
                rest /= fg[j].count;
                const double complex *src = fg[j].theta + idx * (size_t)fg[j].nparams;
                for (int q = 0; q < nm[j]; q++) {
                    int l = members[j][q];
                    memcpy(th + a->off[l], src + sub[j].off[q], (size_t)a->k[l] * sizeof *th);
                }
            }
            for (int l = 0; l < a->L; l++)
                if (c->group[l] < 0) th[a->off[l]] = 1;
        }
        add_factorizations(p, f, c, o);
        lcn_factorizations_clear(f);
    }
    for (int j = 0; j < G; j++) lcn_factorizations_clear(&fg[j]);
}

/* Layers of a (not stride-one, embedding 1) architecture grouped into the
 * layers of its reduced form r: consecutive layers of size >= 2 whose
 * effective stride (including scalar layers between them) is 1 merge.
 * Returns 1 if the grouping reproduces r. */
static int arch_groups(int *group, const lcn_arch_t a, const lcn_arch_t r)
{
    int g = -1, have = 0;
    long since = 0;
    int size[LCN_ARCH_MAX_LAYERS];
    for (int l = 0; l < a->L; l++) {
        if (a->k[l] == 1) {
            group[l] = -1;
            if (have) since *= a->s[l];
            continue;
        }
        if (!have || since != 1) {
            g++;
            size[g] = 1;
        }
        group[l] = g;
        size[g] += a->k[l] - 1;
        have = 1;
        since = a->s[l];
    }
    if (g + 1 != r->L) return 0;
    for (int j = 0; j <= g; j++)
        if (size[j] != r->k[j]) return 0;
    return 1;
}

static lcn_err_t segre_point(lcn_census_point_struct *p, const lcn_critsys_t cs, const lcn_census_t c,
                             const lcn_census_opts_t o)
{
    int k = cs->k;
    double complex *lin = lcn_malloc_array((size_t)2 * (size_t)k, sizeof *lin), cc;
    int *mult = lcn_malloc_array((size_t)k, sizeof *mult);
    int nf = 0;
    if (k > 1 && lcn_factor_linear(lin, &cc, p->w, k) == LCN_OK)
        nf = lcn_factor_cluster(lin, mult, lin, NULL, k - 1, W_ROOT_TOL);
    set_roots(p, lin, mult, nf);
    lcn_free(lin);
    lcn_free(mult);
    p->in_function_space = -1;
    p->compatible = -1;
    if (!p->real) return LCN_OK;
    double *wr = lcn_malloc_array((size_t)k, sizeof *wr);
    for (int j = 0; j < k; j++) wr[j] = creal(p->w[j]);
    lcn_rrmp_t x;
    lcn_rrmp_init(x);
    if (lcn_rrmp_set_w(x, wr, k, W_ROOT_TOL) == LCN_OK) lcn_rrmp_get_str(p->rrmp, sizeof p->rrmp, x);
    lcn_rrmp_clear(x);
    lcn_free(wr);
    /* The Segre parametrisation gives the layers straight from θ; the point
     * is reachable with real parameters iff every layer is real. */
    const lcn_arch_struct *a = c->sarch;
    double complex *fl = lcn_malloc_array((size_t)a->nparams + 8, sizeof *fl);
    lcn_critsys_layers(fl, cs, p->theta);
    int real = 1;
    for (int l = 0; l < a->L; l++)
        if (!lcn_is_projectively_real(fl + a->off[l], a->k[l], FACTOR_TOL)) real = 0;
    p->compatible = real;
    if (real && c->grouped) {
        split_groups(p, fl, c, o);
    } else if (real) {
        /* Layers 2..L come out real; the phase of layer 1 follows from w. */
        lcn_factorizations_t f;
        lcn_factorizations_init(f);
        f->count = 1;
        f->nparams = a->nparams;
        f->theta = fl;
        add_factorizations(p, f, c, o);
    }
    lcn_free(fl);
    return LCN_OK;
}

static void packed_params(double complex *p1, const lcn_critsys_t cs, const lcn_census_t c)
{
    int k = c->k;
    double complex *uc = lcn_malloc_array((size_t)k, sizeof *uc), *Tc = lcn_malloc_array((size_t)k * k, sizeof *Tc);
    for (int j = 0; j < k; j++) uc[j] = c->u[j];
    for (int j = 0; j < k * k; j++) Tc[j] = c->T[j];
    lcn_critsys_pack(p1, cs, uc, Tc);
    lcn_free(uc);
    lcn_free(Tc);
}

static void solver_opts(lcn_monodromy_opts_t mo, lcn_solve_opts_t so, const lcn_census_opts_t o)
{
    lcn_monodromy_opts_init(mo);
    mo->seed = o->seed;
    mo->track.seed = o->seed;
    mo->track.threads = o->threads;
    mo->track.log = o->track_log;
    mo->checkpoint = o->checkpoint;
    *so = mo->track;
    /* One line per monodromy batch would drown the census's own progress. */
    if (mo->track.log.max_level > LCN_LOG_WARN) mo->track.log.max_level = LCN_LOG_WARN;
}

/* The census's data packed as cs's parameters (returned in *p1, which the
 * caller frees), then every critical point of cs at them (cp initialised
 * here). complete may be NULL. */
static lcn_err_t solve_at_data(lcn_critpoints_t cp, double complex **p1, const lcn_critsys_t cs,
                               const lcn_census_t c, const lcn_census_opts_t o, int *complete)
{
    *p1 = lcn_malloc_array((size_t)cs->m, sizeof **p1);
    packed_params(*p1, cs, c);
    lcn_monodromy_opts_t mo;
    lcn_solve_opts_t so;
    solver_opts(mo, so, o);
    lcn_critpoints_init(cp);
    return lcn_critpoints_solve_all(cp, cs, *p1, o->cache_dir, mo, so, complete, NULL);
}

/* Solve one component (cs built) and post-process its points. */
static lcn_err_t solve_component(lcn_census_component_struct *cm, const lcn_critsys_t cs, lcn_census_t c,
                                 const lcn_census_opts_t o)
{
    double t0 = now();
    const char *en = expect_name(c->weights), *src = NULL;
    cm->expected = lcn_critsys_expected(cs, en, &src);
    cm->expected_source = src;
    cm->expected_identity = lcn_critsys_expected(cs, "identity", NULL);
    cm->expected_generic = lcn_critsys_expected(cs, "generic", NULL);
    double complex *p1;
    lcn_critpoints_t cp;
    int complete = 0;
    lcn_err_t err = solve_at_data(cp, &p1, cs, c, o, &complete);
    if (err) goto done;
    cm->complete = complete;
    cm->found = cp->count;
    cm->nreal = cp->nreal;
    cm->tracked = cp->tracked;
    cm->finite = cp->finite;
    cm->at_infinity = cp->at_infinity;
    cm->singular = cp->singular;
    cm->failed = cp->failed;
    cm->degenerate = cp->degenerate;
    cm->npts = cp->count;
    cm->pts = lcn_calloc(cp->count ? cp->count : 1, sizeof *cm->pts);
    lcn_certificate_struct *certs = NULL;
    if (o->certify && cp->count) {
        double complex *xs = lcn_malloc_array(cp->count * (size_t)cs->n, sizeof *xs);
        for (size_t i = 0; i < cp->count; i++)
            memcpy(xs + i * (size_t)cs->n, cp->pts[i].theta, (size_t)cs->n * sizeof *xs);
        certs = lcn_calloc(cp->count, sizeof *certs);
        /* A failure leaves points uncertified; it is not fatal for the census. */
        lcn_err_t cerr = lcn_certify_points(certs, NULL, cs->sys, p1, xs, cp->count, 0, 128, o->threads);
        if (cerr) lcn_logf(&o->log, LCN_LOG_WARN, "census: certification: %s", lcn_err_string(cerr));
        lcn_free(xs);
    }
    for (size_t i = 0; i < cp->count && !err; i++) {
        lcn_census_point_struct *p = &cm->pts[i];
        const lcn_critpoint_struct *q = &cp->pts[i];
        p->w = lcn_malloc_array((size_t)cs->k, sizeof *p->w);
        memcpy(p->w, q->w, (size_t)cs->k * sizeof *p->w);
        p->theta = lcn_malloc_array((size_t)cs->n, sizeof *p->theta);
        memcpy(p->theta, q->theta, (size_t)cs->n * sizeof *p->theta);
        p->real = q->real;
        p->loss = q->loss + c->cst;
        p->residual = q->residual;
        p->certified = certs ? certs[i].zero_certified : 0;
        err = cs->kind == LCN_CRITSYS_LOCUS ? locus_point(p, cs, c, o) : segre_point(p, cs, c, o);
        if (p->certified) cm->ncertified++;
        if (p->real && p->compatible == 1) cm->ncompatible++;
        cm->nfactorizations += p->nfact;
    }
    lcn_free(certs);
    cm->mismatch = cm->expected > 0 && (long)cm->found != cm->expected;
done:
    cm->seconds = now() - t0;
    lcn_critpoints_clear(cp);
    lcn_free(p1);
    return err;
}

static void add_totals(lcn_census_t c, const lcn_census_component_struct *cm)
{
    c->complex_total += cm->found;
    c->real_total += cm->nreal;
    c->compatible_real += cm->ncompatible;
    c->certified_total += cm->ncertified;
    c->network_points += cm->nfactorizations;
    if (cm->mismatch) c->mismatch = 1;
}

lcn_err_t lcn_census_run(lcn_census_t c, const lcn_arch_t arch, const double *u, const double *T, double cst,
                         const lcn_census_opts_t o)
{
    lcn_census_clear(c);
    if (arch->L < 1 || arch->kend < 2) return LCN_ERR_ARG;
    double t0 = now();
    lcn_arch_set(c->arch, arch);
    c->k = arch->kend;
    c->u = lcn_malloc_array((size_t)c->k, sizeof *c->u);
    c->T = lcn_malloc_array((size_t)c->k * (size_t)c->k, sizeof *c->T);
    memcpy(c->u, u, (size_t)c->k * sizeof *c->u);
    memcpy(c->T, T, (size_t)c->k * (size_t)c->k * sizeof *c->T);
    c->cst = cst;
    c->seed = o->seed;
    snprintf(c->weights, sizeof c->weights, "%s", o->weights_name ? o->weights_name : "identity");

    int stride_one = 0;
    if (arch->stride_one) {
        lcn_arch_set(c->farch, arch);
        c->route = "stride-one";
        stride_one = 1;
    } else if (arch->red_embed == 1 && arch->red_L == 1) {
        /* Every layer of size >= 2 sits in one stride-one group (the strides
         * only act through scalar layers): the same µ as the architecture
         * with all strides 1. */
        int s1[LCN_ARCH_MAX_LAYERS];
        for (int l = 0; l < arch->L; l++) s1[l] = 1;
        lcn_err_t err = lcn_arch_init_set(c->farch, arch->k, s1, arch->L);
        if (err) return err;
        c->route = "stride-one";
        stride_one = 1;
        snprintf(c->not_covered, sizeof c->not_covered, "%s", "");
    } else if (arch->red_embed != 1) {
        c->route = "not-covered";
        snprintf(c->not_covered, sizeof c->not_covered,
                 "a scalar first layer with stride %d spreads the end-to-end filter out (reduced embedding %d); "
                 "the census of such architectures is not implemented: nothing was computed",
                 arch->s[0], arch->red_embed);
        c->seconds = now() - t0;
        return LCN_OK;
    } else {
        lcn_arch_reduce(c->sarch, arch);
        c->route = arch->reduced ? "reduced" : "mixed";
        if (!arch->reduced && arch_groups(c->group, arch, c->sarch)) {
            lcn_arch_set(c->farch, arch);
            c->grouped = 1;
            snprintf(c->not_covered, sizeof c->not_covered,
                     "mixed strides: computed the Segre neurovariety of the reduced architecture and split its "
                     "merged layers into the stride-one groups; NOT computed: critical points on the root loci "
                     "inside merged layers (merged layers with repeated roots)");
        } else {
            lcn_arch_set(c->farch, c->sarch);
            if (!arch->reduced)
                snprintf(c->not_covered, sizeof c->not_covered,
                         "mixed strides: computed the Segre neurovariety of the reduced architecture (its layer "
                         "filters are those of the merged layers); NOT computed: the stride-one groups inside "
                         "merged layers");
        }
    }

    if (stride_one) {
        int n = c->farch->kend - 1;
        lcn_partitions_t parts;
        lcn_partitions_init(parts);
        lcn_err_t err = lcn_partitions_init_set(parts, n);
        if (err) return err;
        c->comp = lcn_calloc(parts->count ? parts->count : 1, sizeof *c->comp);
        for (size_t i = 0; i < parts->count && !err; i++) {
            lcn_census_component_struct *cm = &c->comp[i];
            cm->kind = LCN_CENSUS_ROOT_LOCUS;
            cm->r = parts->len[i];
            memcpy(cm->lambda, parts->parts[i], (size_t)cm->r * sizeof(int));
            char lb[128];
            lcn_partition_get_str(lb, sizeof lb, cm->lambda, cm->r);
            lcn_logf(&o->log, LCN_LOG_INFO, "census: root locus (%s), %zu of %zu ...", lb, i + 1, parts->count);
            lcn_critsys_t cs;
            err = lcn_critsys_init_locus(cs, cm->lambda, cm->r, o->seed);
            if (err) break;
            c->ncomp = i + 1;
            err = solve_component(cm, cs, c, o);
            lcn_critsys_clear(cs);
            if (!err) {
                add_totals(c, cm);
                lcn_logf(&o->log, LCN_LOG_INFO, "census: root locus (%s): %zu complex, %zu real (%.2f s)", lb,
                         cm->found, cm->nreal, cm->seconds);
            }
        }
        lcn_partitions_clear(parts);
        if (err) return err;
        uint64_t ub;
        c->upper_bound_known =
            lcn_edd_upper_bound(&ub, c->farch, lcn_edd_weights_from_name(expect_name(c->weights))) == 1;
        c->upper_bound = c->upper_bound_known ? ub : 0;
        /* Σ found(λ) over the λ = λ_{ρ|γ} of compatible real patterns. */
        lcn_rrmp_list_t rl;
        lcn_rrmp_list_init(rl);
        if (lcn_rrmp_list_init_set(rl, n) == LCN_OK) {
            int *use = lcn_calloc(c->ncomp ? c->ncomp : 1, sizeof *use);
            for (size_t i = 0; i < rl->count; i++) {
                if (lcn_compat_real(&rl->v[i], c->farch) != 1) continue;
                int lam[LCN_RRMP_MAX_DEGREE];
                int r = lcn_rrmp_partition(lam, &rl->v[i]);
                for (size_t j = 0; j < c->ncomp; j++)
                    if (c->comp[j].r == r && !memcmp(c->comp[j].lambda, lam, (size_t)r * sizeof(int))) use[j] = 1;
            }
            c->found_bound = 0;
            for (size_t j = 0; j < c->ncomp; j++)
                if (use[j]) c->found_bound += c->comp[j].found;
            c->found_bound_known = 1;
            lcn_free(use);
        }
        lcn_rrmp_list_clear(rl);
    } else {
        const lcn_arch_struct *a = c->sarch;
        c->comp = lcn_calloc(1, sizeof *c->comp);
        lcn_census_component_struct *cm = &c->comp[0];
        cm->kind = LCN_CENSUS_SEGRE;
        cm->sL = a->L;
        memcpy(cm->sk, a->k, (size_t)a->L * sizeof(int));
        memcpy(cm->ss, a->s, (size_t)a->L * sizeof(int));
        lcn_logf(&o->log, LCN_LOG_INFO, "census: Segre neurovariety ...");
        lcn_critsys_t cs;
        lcn_err_t err = lcn_critsys_init_segre(cs, a->k, a->s, a->L, o->seed);
        if (err) return err;
        c->ncomp = 1;
        err = solve_component(cm, cs, c, o);
        lcn_critsys_clear(cs);
        if (err) return err;
        add_totals(c, cm);
    }
    c->seconds = now() - t0;
    return LCN_OK;
}

lcn_err_t lcn_census_verify_params(lcn_census_t c, const lcn_census_opts_t o)
{
    if (strcmp(c->route, "stride-one") != 0) return LCN_ERR_ARG;
    const lcn_arch_struct *a = c->farch;
    uint64_t pred = 0;
    for (size_t i = 0; i < c->ncomp; i++) {
        uint64_t N = 0;
        lcn_err_t err = lcn_compat_count(&N, c->comp[i].lambda, c->comp[i].r, a);
        if (err) return err;
        pred += N * (uint64_t)c->comp[i].found;
    }
    lcn_critsys_t cs;
    lcn_err_t err = lcn_critsys_init_params(cs, a->k, NULL, a->L, o->seed);
    if (err) return err;
    lcn_logf(&o->log, LCN_LOG_INFO, "census: parameter space (P), %d unknowns ...", cs->n);
    double complex *p1;
    lcn_critpoints_t cp;
    err = solve_at_data(cp, &p1, cs, c, o, NULL);
    if (!err) {
        c->params_done = 1;
        c->params_found = cp->count;
        c->params_predicted = pred;
        c->params_mismatch = (uint64_t)cp->count != pred;
        if (c->params_mismatch) c->mismatch = 1;
    }
    lcn_critpoints_clear(cp);
    lcn_free(p1);
    lcn_critsys_clear(cs);
    return err;
}
