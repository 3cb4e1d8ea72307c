/* The census's human tables and its JSON (SPEC.md), written to the
 * caller's FILE. */
#include <math.h>
#include <string.h>
#include "lcncrit/census.h"
#include "lcncrit/json.h"

/* A yes/no that may be undecided (v < 0): null then. */
static void jtri(FILE *f, int v)
{
    fputs(v < 0 ? "null" : lcn_json_bool(v), f);
}

static void comp_label(char *buf, size_t len, const lcn_census_component_struct *cm)
{
    size_t o = 0;
    if (cm->kind == LCN_CENSUS_ROOT_LOCUS) {
        o += (size_t)snprintf(buf, len, "root locus Δ(");
        for (int i = 0; i < cm->r && o < len; i++) o += (size_t)snprintf(buf + o, len - o, "%s%d", i ? "," : "", cm->lambda[i]);
    } else {
        o += (size_t)snprintf(buf, len, "Segre neurovariety k=(");
        for (int i = 0; i < cm->sL && o < len; i++) o += (size_t)snprintf(buf + o, len - o, "%s%d", i ? "," : "", cm->sk[i]);
        if (o < len) o += (size_t)snprintf(buf + o, len - o, ") s=(");
        for (int i = 0; i < cm->sL && o < len; i++) o += (size_t)snprintf(buf + o, len - o, "%s%d", i ? "," : "", cm->ss[i]);
    }
    if (o < len) snprintf(buf + o, len - o, ")");
}

/* A number for the tables: rounding noise below 1e-12 of the scale shown as 0. */
static double clean(double x, double scale)
{
    return fabs(x) < 1e-12 * scale ? 0.0 : x;
}

static void text_roots(FILE *f, const lcn_census_point_struct *p)
{
    double sc = 1;
    for (int i = 0; i < p->nroots; i++)
        if (!p->root_inf[i]) sc = fmax(sc, cabs(p->root[i]));
    for (int i = 0; i < p->nroots; i++) {
        if (i) fputc(' ', f);
        if (p->root_inf[i]) fputs("inf", f);
        else {
            double re = clean(creal(p->root[i]), sc), im = clean(cimag(p->root[i]), sc);
            if (im == 0) fprintf(f, "%.6g", re);
            else fprintf(f, "%.4g%+.4gi", re, im);
        }
        if (p->root_mult[i] > 1) fprintf(f, "^%d", p->root_mult[i]);
    }
}

static void text_w(FILE *f, const double complex *w, int k, int real)
{
    double sc = 0;
    for (int j = 0; j < k; j++) sc = fmax(sc, cabs(w[j]));
    fputc('(', f);
    for (int j = 0; j < k; j++) {
        double re = clean(creal(w[j]), sc), im = clean(cimag(w[j]), sc);
        if (real) fprintf(f, "%s%.10g", j ? ", " : "", re);
        else fprintf(f, "%s%.5g%+.5gi", j ? ", " : "", re, im);
    }
    fputc(')', f);
}

static const char *yesno(int v)
{
    return v < 0 ? "-" : v ? "yes" : "no";
}

void lcn_census_write_text(FILE *f, const lcn_census_t c)
{
    const lcn_arch_struct *a = c->arch;
    fprintf(f, "lcncrit %s census (seed %llu)\n", lcn_version(), (unsigned long long)c->seed);
    fprintf(f, "architecture k = (");
    for (int l = 0; l < a->L; l++) fprintf(f, "%s%d", l ? "," : "", a->k[l]);
    fprintf(f, "), s = (");
    for (int l = 0; l < a->L; l++) fprintf(f, "%s%d", l ? "," : "", a->s[l]);
    fprintf(f, "): %s, end-to-end k = %d, function space of dimension %d%s\n", lcn_arch_kind(a), a->kend, a->dim,
            a->filling ? " (filling)" : "");
    fprintf(f, "weights %s, %s u = (", c->weights, strcmp(c->weights, "data") ? "target" : "data:");
    for (int j = 0; j < c->k; j++) fprintf(f, "%s%.10g", j ? ", " : "", c->u[j]);
    fprintf(f, ")");
    if (!strcmp(c->weights, "data")) fprintf(f, ", loss constant %.10g", c->cst);
    fputc('\n', f);
    if (!strcmp(c->route, "stride-one"))
        fprintf(f, "route: stride one: one multiple root locus per partition of n = %d%s\n", c->farch->kend - 1,
                c->arch->stride_one ? "" : " (strides act only through scalar layers: same map as all strides 1)");
    else if (!strcmp(c->route, "reduced")) fprintf(f, "route: reduced architecture: the Segre neurovariety\n");
    else if (!strcmp(c->route, "mixed")) fprintf(f, "route: mixed strides: the Segre neurovariety of the reduced architecture\n");
    else fprintf(f, "route: NOT COVERED\n");
    if (c->not_covered[0]) fprintf(f, "note: %s\n", c->not_covered);

    /* Losses are quadratic: rounding noise is relative to |u|_T^2. */
    double lscale = fabs(c->cst);
    for (int i = 0; i < c->k; i++)
        for (int j = 0; j < c->k; j++) lscale += fabs(c->u[i] * c->T[(size_t)i * c->k + j] * c->u[j]);
    lscale = fmax(1.0, lscale);
    for (size_t ci = 0; ci < c->ncomp; ci++) {
        const lcn_census_component_struct *cm = &c->comp[ci];
        char lb[160];
        comp_label(lb, sizeof lb, cm);
        fprintf(f, "\n== %s\n", lb);
        fprintf(f, "   expected: ");
        if (cm->expected > 0) fprintf(f, "%ld (%s)", cm->expected, cm->expected_source ? cm->expected_source : "");
        else fprintf(f, "unknown for these weights (new data)");
        if (cm->expected_identity != cm->expected_generic) {
            fprintf(f, "; identity ");
            if (cm->expected_identity > 0) fprintf(f, "%ld", cm->expected_identity);
            else fprintf(f, "unknown");
            fprintf(f, ", generic ");
            if (cm->expected_generic > 0) fprintf(f, "%ld", cm->expected_generic);
            else fprintf(f, "unknown");
        }
        fprintf(f, "\n   found: %zu complex, %zu real, %zu certified, %zu reachable real%s\n", cm->found, cm->nreal,
                cm->ncertified, cm->ncompatible, cm->mismatch ? "   MISMATCH" : cm->expected > 0 ? "   ok" : "");
        fprintf(f, "   paths: %zu tracked, %zu finite, %zu at infinity, %zu singular, %zu failed, %zu degenerate dropped; %.2f s%s\n",
                cm->tracked, cm->finite, cm->at_infinity, cm->singular, cm->failed, cm->degenerate, cm->seconds,
                cm->complete ? "" : "; generic set incomplete");
        if (!cm->npts) continue;
        fprintf(f, "   %3s  %-4s  %-4s  %14s  %-8s  %-5s  %-5s  %s  |  roots x/y (^multiplicity)\n", "#", "type", "cert",
                "loss", "rrmp", "in M", "reach", "w");
        for (size_t i = 0; i < cm->npts; i++) {
            const lcn_census_point_struct *p = &cm->pts[i];
            fprintf(f, "   %3zu  %-4s  %-4s  %14.8g  %-8s  %-5s  %-5s  ", i + 1, p->real ? "real" : "cplx",
                    p->certified ? "yes" : "no", fabs(p->loss) < 1e-20 * lscale ? 0.0 : p->loss, p->rrmp[0] ? p->rrmp : "-", yesno(p->in_function_space),
                    yesno(p->compatible));
            text_w(f, p->w, c->k, p->real);
            fputs("  |  ", f);
            text_roots(f, p);
            fputc('\n', f);
            const lcn_arch_struct *fa = c->farch;
            for (size_t j = 0; j < p->nfact; j++) {
                const lcn_census_fact_struct *F = &p->fact[j];
                fprintf(f, "         filters");
                for (int l = 0; l < fa->L; l++) {
                    double sc = 0;
                    for (int t = 0; t < fa->k[l]; t++) sc = fmax(sc, fabs(F->theta[fa->off[l] + t]));
                    fputs(" (", f);
                    for (int t = 0; t < fa->k[l]; t++)
                        fprintf(f, "%s%.6g", t ? ", " : "", clean(F->theta[fa->off[l] + t], sc));
                    fputc(')', f);
                }
                if (!F->classified) fprintf(f, "  type unknown (Hessian failed)\n");
                else if (F->info.type == LCN_CRIT_SADDLE)
                    fprintf(f, "  saddle, index %d of %d (eigenvalues %.3g .. %.3g)\n", F->info.index, F->info.dim,
                            F->info.eig_min, F->info.eig_max);
                else
                    fprintf(f, "  %s (eigenvalues %.3g .. %.3g%s)\n", lcn_crit_type_name(F->info.type), F->info.eig_min,
                            F->info.eig_max, F->info.nzero ? ", some zero" : "");
            }
        }
    }
    fprintf(f, "\nsummary: %zu complex, %zu real, %zu reachable real (compatible), %zu network critical points "
               "(factorizations), %zu certified\n",
            c->complex_total, c->real_total, c->compatible_real, c->network_points, c->certified_total);
    if (!strcmp(c->route, "stride-one")) {
        if (c->upper_bound_known)
            fprintf(f, "KMMT22 upper bound on reachable end-to-end filters (sum of EDdeg over compatible loci): %llu\n",
                    (unsigned long long)c->upper_bound);
        else
            fprintf(f, "KMMT22 upper bound: unknown (some ED degree has no formula)\n");
        if (c->found_bound_known)
            fprintf(f, "the same sum with the counts found here: %llu\n", (unsigned long long)c->found_bound);
    }
    if (c->params_done)
        fprintf(f, "parameter space (P): %zu nonzero complex critical points; predicted from this census "
                   "sum_lambda found(lambda)*N(lambda) = %llu: %s\n",
                c->params_found, (unsigned long long)c->params_predicted, c->params_mismatch ? "MISMATCH" : "ok");
    fprintf(f, "counts: %s\n", !strcmp(c->route, "not-covered") ? "nothing computed (not covered)"
                               : c->mismatch ? "SOME COUNT DIFFERS FROM ITS EXPECTATION"
                                             : "every known expected count met");
    fprintf(f, "time %.2f s\n", c->seconds);
}

void lcn_census_write_json(FILE *f, const lcn_census_t c)
{
    fprintf(f, "{\n  \"tool\": \"lcncrit\", \"version\": \"%s\", \"seed\": %llu, \"command\": \"census\",\n",
            lcn_version(), (unsigned long long)c->seed);
    fprintf(f, "  \"architecture\": ");
    lcn_arch_write_json(f, c->arch);
    fprintf(f, ",\n  \"route\": \"%s\", \"not_covered\": ", c->route);
    if (c->not_covered[0]) lcn_json_str(f, c->not_covered);
    else fputs("null", f);
    fprintf(f, ",\n  \"weights\": ");
    lcn_json_str(f, c->weights);
    fprintf(f, ", \"target\": ");
    lcn_json_nums(f, c->u, c->k);
    fprintf(f, ", \"loss_constant\": ");
    lcn_json_num(f, c->cst);
    fprintf(f, ",\n  \"filter_architecture\": {\"k\": ");
    lcn_json_ints(f, c->farch->k, c->farch->L);
    fprintf(f, ", \"s\": ");
    lcn_json_ints(f, c->farch->s, c->farch->L);
    fprintf(f, "},\n  \"components\": [");
    for (size_t ci = 0; ci < c->ncomp; ci++) {
        const lcn_census_component_struct *cm = &c->comp[ci];
        fprintf(f, "%s\n    {", ci ? "," : "");
        if (cm->kind == LCN_CENSUS_ROOT_LOCUS) {
            fprintf(f, "\"kind\": \"root-locus\", \"partition\": ");
            lcn_json_ints(f, cm->lambda, cm->r);
        } else {
            fprintf(f, "\"kind\": \"segre\", \"k\": ");
            lcn_json_ints(f, cm->sk, cm->sL);
            fprintf(f, ", \"s\": ");
            lcn_json_ints(f, cm->ss, cm->sL);
        }
        fprintf(f, ",\n     \"expected\": ");
        if (cm->expected > 0) {
            fprintf(f, "{\"complex\": %ld, \"source\": ", cm->expected);
            lcn_json_str(f, cm->expected_source ? cm->expected_source : "");
            fprintf(f, "}");
        } else
            fputs("null", f);
        fprintf(f, ", \"expected_identity\": ");
        if (cm->expected_identity > 0) fprintf(f, "%ld", cm->expected_identity);
        else fputs("null", f);
        fprintf(f, ", \"expected_generic\": ");
        if (cm->expected_generic > 0) fprintf(f, "%ld", cm->expected_generic);
        else fputs("null", f);
        fprintf(f, ", \"match\": %s,\n", cm->expected > 0 ? lcn_json_bool(!cm->mismatch) : "null");
        fprintf(f, "     \"found\": {\"complex\": %zu, \"real\": %zu, \"certified\": %zu, \"compatible_real\": %zu, "
                   "\"factorizations\": %zu},\n",
                cm->found, cm->nreal, cm->ncertified, cm->ncompatible, cm->nfactorizations);
        fprintf(f, "     \"paths\": {\"tracked\": %zu, \"finite\": %zu, \"at_infinity\": %zu, \"singular\": %zu, "
                   "\"failed\": %zu, \"degenerate\": %zu},\n",
                cm->tracked, cm->finite, cm->at_infinity, cm->singular, cm->failed, cm->degenerate);
        fprintf(f, "     \"generic_complete\": %s, \"seconds\": %.3f,\n     \"solutions\": [", lcn_json_bool(cm->complete),
                cm->seconds);
        for (size_t i = 0; i < cm->npts; i++) {
            const lcn_census_point_struct *p = &cm->pts[i];
            fprintf(f, "%s\n      {\"w\": ", i ? "," : "");
            lcn_json_complexes(f, p->w, c->k);
            fprintf(f, ", \"real\": %s, \"certified\": %s, \"loss\": ", lcn_json_bool(p->real), lcn_json_bool(p->certified));
            lcn_json_num(f, p->loss);
            fprintf(f, ", \"residual\": ");
            lcn_json_num(f, p->residual);
            fprintf(f, ",\n       \"roots\": [");
            for (int r = 0; r < p->nroots; r++) {
                fprintf(f, "%s{\"x\": ", r ? ", " : "");
                if (p->root_inf[r]) fputs("null", f);
                else {
                    fputc('[', f);
                    lcn_json_num(f, creal(p->root[r]));
                    fputs(", ", f);
                    lcn_json_num(f, cimag(p->root[r]));
                    fputc(']', f);
                }
                fprintf(f, ", \"infinity\": %s, \"multiplicity\": %d}", lcn_json_bool(p->root_inf[r]), p->root_mult[r]);
            }
            fprintf(f, "],\n       \"rrmp\": ");
            if (p->rrmp[0]) lcn_json_str(f, p->rrmp);
            else fputs("null", f);
            fprintf(f, ", \"in_function_space\": ");
            jtri(f, p->in_function_space);
            fprintf(f, ", \"compatible\": ");
            jtri(f, p->real ? p->compatible : 0);
            fprintf(f, ",\n       \"filters\": [");
            const lcn_arch_struct *fa = c->farch;
            for (size_t j = 0; j < p->nfact; j++) {
                fprintf(f, "%s[", j ? ", " : "");
                for (int l = 0; l < fa->L; l++) {
                    if (l) fputs(", ", f);
                    lcn_json_nums(f, p->fact[j].theta + fa->off[l], fa->k[l]);
                }
                fputc(']', f);
            }
            fprintf(f, "], \"types\": [");
            for (size_t j = 0; j < p->nfact; j++) {
                const lcn_census_fact_struct *F = &p->fact[j];
                fprintf(f, "%s{\"type\": ", j ? ", " : "");
                if (F->classified) {
                    fprintf(f, "\"%s\", \"index\": %d, \"dim\": %d, \"zero_eigenvalues\": %d, \"eig_min\": ",
                            lcn_crit_type_name(F->info.type), F->info.index, F->info.dim, F->info.nzero);
                    lcn_json_num(f, F->info.eig_min);
                    fprintf(f, ", \"eig_max\": ");
                    lcn_json_num(f, F->info.eig_max);
                    fprintf(f, ", \"grad_norm\": ");
                    lcn_json_num(f, F->info.grad_norm);
                } else
                    fputs("null", f);
                fputc('}', f);
            }
            fputs("]}", f);
        }
        fprintf(f, "\n     ]}");
    }
    fprintf(f, "\n  ],\n  \"totals\": {\"complex\": %zu, \"real\": %zu, \"compatible_real\": %zu, "
               "\"network_critical_points\": %zu, \"certified\": %zu, \"upper_bound\": ",
            c->complex_total, c->real_total, c->compatible_real, c->network_points, c->certified_total);
    if (c->upper_bound_known) fprintf(f, "%llu", (unsigned long long)c->upper_bound);
    else fputs("null", f);
    fprintf(f, ", \"upper_bound_found\": ");
    if (c->found_bound_known) fprintf(f, "%llu", (unsigned long long)c->found_bound);
    else fputs("null", f);
    fprintf(f, ", \"all_counts_match\": %s}", lcn_json_bool(!c->mismatch && strcmp(c->route, "not-covered")));
    if (c->params_done)
        fprintf(f, ",\n  \"params\": {\"found\": %zu, \"predicted\": %llu, \"match\": %s}", c->params_found,
                (unsigned long long)c->params_predicted, lcn_json_bool(!c->params_mismatch));
    fprintf(f, ",\n  \"seconds\": %.3f\n}\n", c->seconds);
}
