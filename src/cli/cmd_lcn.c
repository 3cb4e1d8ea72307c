/* lcncrit locus / segre / params: the critical points of the loss on one
 * multiple root locus, on the Segre neurovariety, or in parameter space
 * (DESIGN.md §2, §4; SPEC.md). census lives in cmd_census.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "lcncrit/checkpoint.h"
#include "lcncrit/components.h"
#include "lcncrit/critpoints.h"
#include "lcncrit/critsys.h"
#include "lcncrit/gcache.h"
#include "lcncrit/json.h"
#include "lcncrit/monodromy.h"
#include "lcncrit/rrmp.h"
#include "lcncrit/weights.h"

/* Stream of --target random. */
#define TARGET_STREAM 0x54524754u
#define MAXL 32
#define MAXK 400

typedef struct {
    cli_common c;
    int kind;                 /* LCN_CRITSYS_* */
    int a[MAXL], na;          /* partition, or k */
    int s[MAXL], ns;          /* strides (segre, params) */
    const char *target;
    const char *weights;
    uint64_t max_paths;       /* refuse larger generic counts (limits.c) */
} lcn_opts;

static void print_ints(FILE *f, const int *v, int n)
{
    for (int j = 0; j < n; j++) fprintf(f, "%s%d", j ? "," : "", v[j]);
}

/* The rrmp of a real point: from the factors of θ for a root locus (exact
 * multiplicities), from the roots of w otherwise. */
static int point_rrmp(char *buf, size_t len, const lcn_critsys_t cs, const lcn_critpoint_struct *pt)
{
    lcn_rrmp_t x;
    lcn_rrmp_init(x);
    lcn_err_t err;
    if (cs->kind == LCN_CRITSYS_LOCUS) {
        double complex lin[2 * LCN_CRITSYS_MAX_FACTORS];
        for (int i = 0; i < cs->r; i++) lcn_critsys_factor(lin + 2 * i, cs, i, pt->theta);
        err = lcn_rrmp_set_factors(x, lin, cs->fe, cs->r, 1e-8);
    } else {
        double w[MAXK];
        for (int j = 0; j < cs->k; j++) w[j] = creal(pt->w[j]);
        err = lcn_rrmp_set_w(x, w, cs->k, 1e-6);
    }
    if (!err) lcn_rrmp_get_str(buf, len, x);
    lcn_rrmp_clear(x);
    return err ? -1 : 0;
}

static int parse(lcn_opts *o, int argc, char **argv)
{
    const char *cmd = argv[0];
    cli_common_init(&o->c);
    o->na = o->ns = 0;
    o->target = NULL;
    o->weights = NULL;
    o->max_paths = CLI_DEFAULT_MAX_PATHS;
    int max_paths_seen = 0;
    for (int i = 1; i < argc; i++) {
        int r = cli_common_parse(&o->c, argc, argv, &i);
        if (r < 0) return CLI_BAD_INPUT;
        if (r > 0) continue;
        const char *a = argv[i], *v;
        if ((o->kind == LCN_CRITSYS_LOCUS && !strcmp(a, "--partition")) ||
            (o->kind != LCN_CRITSYS_LOCUS && !strcmp(a, "--k"))) {
            if (o->na) return cli_bad(cmd, "option %s given twice", a);
            if (!(v = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
            if ((o->na = cli_parse_int_list(cmd, a, v, o->a, MAXL, 1)) < 0) return CLI_BAD_INPUT;
        } else if (o->kind != LCN_CRITSYS_LOCUS && !strcmp(a, "--s")) {
            if (o->ns) return cli_bad(cmd, "option %s given twice", a);
            if (!(v = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
            if ((o->ns = cli_parse_int_list(cmd, a, v, o->s, MAXL, 1)) < 0) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--target")) {
            if (o->target) return cli_bad(cmd, "option %s given twice", a);
            if (!(o->target = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--weights")) {
            if (o->weights) return cli_bad(cmd, "option %s given twice", a);
            if (!(o->weights = cli_value(cmd, argc, argv, &i))) return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--max-paths")) {
            if (max_paths_seen++) return cli_bad(cmd, "option %s given twice", a);
            if (!(v = cli_value(cmd, argc, argv, &i)) || cli_parse_count(cmd, a, v, &o->max_paths))
                return CLI_BAD_INPUT;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            printf("usage: lcncrit %s %s --target U|random [--weights identity|bombieri|generic|FILE]\n"
                   "       [--max-paths N] [--json FILE|-] [--seed S] [--threads N] [--cache DIR|none] [--quiet]\n"
                   "       [--checkpoint FILE [--checkpoint-interval SECONDS]]\n",
                   cmd, o->kind == LCN_CRITSYS_LOCUS ? "--partition 2,1,1" : o->kind == LCN_CRITSYS_SEGRE ? "--k 3,3 --s 2,1" : "--k 2,3 [--s 1,1]");
            exit(CLI_OK);
        } else {
            return cli_bad(cmd, "unknown option '%s' (try --help)", a);
        }
    }
    if (o->na == 0)
        return cli_bad(cmd, "%s is required", o->kind == LCN_CRITSYS_LOCUS ? "--partition" : "--k");
    if (!o->target) return cli_bad(cmd, "--target is required (a list of numbers, or 'random')");
    if (o->ns && o->ns != o->na) return cli_bad(cmd, "--s: %d strides for %d layers", o->ns, o->na);
    if (o->kind == LCN_CRITSYS_SEGRE && !o->ns) {
        /* The smallest reduced strides: 2 between layers (the last stride never changes w). */
        for (int l = 0; l < o->na; l++) o->s[l] = l + 1 < o->na ? 2 : 1;
        o->ns = o->na;
    }
    if (o->kind == LCN_CRITSYS_SEGRE)
        for (int l = 0; l < o->na; l++) {
            if (o->a[l] < 2) return cli_bad(cmd, "--k: k_%d = %d; the Segre system needs every k_l >= 2 (a reduced architecture)", l + 1, o->a[l]);
            if (l + 1 < o->na && o->s[l] < 2)
                return cli_bad(cmd, "--s: s_%d = %d; the Segre system needs strides >= 2 between layers (use 'params' or 'census' otherwise)", l + 1, o->s[l]);
        }
    return CLI_OK;
}

static int run(int kind, int argc, char **argv)
{
    lcn_opts o;
    o.kind = kind;
    const char *cmd = argv[0];
    int rc = parse(&o, argc, argv);
    if (rc) return rc;
    /* Building a system is already the expensive part for large k. */
    if ((rc = cli_lcn_check_size(cmd, kind, o.a, o.ns ? o.s : NULL, o.na, o.max_paths))) return rc;

    lcn_critsys_t cs;
    lcn_err_t err;
    if (kind == LCN_CRITSYS_LOCUS) err = lcn_critsys_init_locus(cs, o.a, o.na, o.c.seed);
    else if (kind == LCN_CRITSYS_SEGRE) err = lcn_critsys_init_segre(cs, o.a, o.s, o.na, o.c.seed);
    else err = lcn_critsys_init_params(cs, o.a, o.ns ? o.s : NULL, o.na, o.c.seed);
    if (err == LCN_ERR_LIMIT) return cli_bad(cmd, "%s: the end-to-end filter is too large (k > 400)", kind == LCN_CRITSYS_LOCUS ? "--partition" : "--k");
    if (err) return cli_bad(cmd, "%s: not a valid %s", kind == LCN_CRITSYS_LOCUS ? "--partition" : "--k", kind == LCN_CRITSYS_LOCUS ? "partition" : "architecture");
    int k = cs->k;

    /* The data: u and T. */
    double u[MAXK], *T = malloc(sizeof(double) * (size_t)k * (size_t)k);
    double complex *uc = malloc(sizeof *uc * (size_t)k), *Tc = malloc(sizeof *Tc * (size_t)k * (size_t)k);
    double complex *p1 = malloc(sizeof *p1 * (size_t)cs->m);
    lcn_critpoints_struct *cps = NULL;
    lcn_generic_struct *gs = NULL;
    int *from_cache = NULL;
    lcn_components_t cc;
    lcn_components_init(cc);
    FILE *jf = NULL;
    lcn_checkpoint_t ck;
    int have_ck = 0;
    int is_random = !strcmp(o.target, "random");
    if (is_random) {
        lcn_rng_t rng;
        lcn_rng_init(rng, o.c.seed, TARGET_STREAM);
        for (int j = 0; j < k; j++) u[j] = lcn_rng_normal(rng);
    } else {
        int nu = cli_parse_double_list(cmd, "--target", o.target, u, MAXK);
        if (nu < 0) {
            rc = CLI_BAD_INPUT;
            goto done;
        }
        if (nu != k) {
            rc = cli_bad(cmd, "--target: %d numbers, but the end-to-end filter has size k = %d", nu, k);
            goto done;
        }
    }
    const char *wname = o.weights ? o.weights : "identity";
    char msg[512];
    if ((err = lcn_weights_from_name(T, k, wname, o.c.seed, msg, sizeof msg))) {
        rc = cli_bad(cmd, "--weights: %s", msg);
        goto done;
    }
    for (int j = 0; j < k; j++) uc[j] = u[j];
    for (int j = 0; j < k * k; j++) Tc[j] = T[j];
    lcn_critsys_pack(p1, cs, uc, Tc);
    /* Opened before the run: an unwritable --json path is bad input, found
     * before minutes of tracking, not after. */
    if (o.c.json && !(jf = cli_json_open(cmd, o.c.json))) {
        rc = CLI_BAD_INPUT;
        goto done;
    }

    if (o.c.checkpoint) {
        /* The run's identity: what the saved state depends on (not the
         * threads: results do not depend on them). */
        char fp[1024];
        int off = snprintf(fp, sizeof fp, "lcncrit %s %s %s=", lcn_version(), cmd,
                           kind == LCN_CRITSYS_LOCUS ? "partition" : "k");
        for (int l = 0; l < o.na && off < (int)sizeof fp - 16; l++) off += snprintf(fp + off, sizeof fp - (size_t)off, "%s%d", l ? "," : "", o.a[l]);
        off += snprintf(fp + off, sizeof fp - (size_t)off, " s=");
        for (int l = 0; l < o.ns && off < (int)sizeof fp - 16; l++) off += snprintf(fp + off, sizeof fp - (size_t)off, "%s%d", l ? "," : "", o.s[l]);
        snprintf(fp + off, sizeof fp - (size_t)off, " seed=%llu weights=%s data=%016llx host=%s",
                 (unsigned long long)o.c.seed, wname,
                 (unsigned long long)cli_hash(0, p1, sizeof *p1 * (size_t)cs->m), cli_machine());
        have_ck = 1;
        if ((rc = cli_checkpoint_open(ck, cmd, &o.c, fp))) goto done;
    }

    /* Generic sets per component, then one parameter homotopy each. */
    if ((err = lcn_components_init_set(cc, cs))) {
        fprintf(stderr, "lcncrit %s: cannot list the components (%s)\n", cmd, lcn_err_string(err));
        rc = CLI_FAIL;
        goto done;
    }
    lcn_monodromy_opts_t mo;
    lcn_monodromy_opts_init(mo);
    mo->seed = o.c.seed;
    mo->track.seed = o.c.seed;
    mo->track.threads = o.c.threads;
    mo->track.log.fn = cli_log;
    mo->track.log.data = &o.c;
    mo->track.log.max_level = o.c.quiet ? LCN_LOG_WARN : LCN_LOG_INFO;
    lcn_solve_opts_t so;
    *so = mo->track;
    /* The tracker's per-solve progress lines are too many for monodromy;
     * monodromy reports once per loop. */
    mo->log = mo->track.log;
    mo->track.log.max_level = LCN_LOG_WARN;
    if (have_ck) mo->checkpoint = ck;
    gs = calloc(cc->count, sizeof *gs);
    cps = calloc(cc->count, sizeof *cps);
    from_cache = calloc(cc->count, sizeof *from_cache);
    const char *cache = o.c.cache;
    size_t tot = 0, totreal = 0, tracked = 0, finite = 0, atinf = 0, sing = 0, failed = 0, degen = 0;
    size_t retracked = 0, retracked_mp = 0, recharted = 0, recovered = 0, jumped = 0;
    int complete = 1, gammas = 0;
    double secs = 0;
    for (size_t ci = 0; ci < cc->count; ci++) {
        lcn_generic_init2(&gs[ci], cs->n, cs->m);
        lcn_critpoints_init(&cps[ci]);
        if (!o.c.quiet) fprintf(stderr, "component %s: generic solutions...\n", cc->c[ci].label);
        err = lcn_gcache_obtain(&gs[ci], cs, cc, ci, cache, mo, &from_cache[ci]);
        lcn_critpoints_hook_struct hook, *hk = NULL;
        if (have_ck) {
            char key[512];
            lcn_gcache_key(key, sizeof key, cs, ci, mo->seed);
            lcn_checkpoint_paths_hook(hk = &hook, ck, key);
        }
        if (!err) err = lcn_critpoints_solve_hooked(&cps[ci], cs, &gs[ci], p1, so, hk);
        if (err == LCN_ERR_INTERRUPTED && have_ck) {
            rc = cli_checkpoint_interrupted(ck, cmd);
            goto done;
        }
        if (err) {
            fprintf(stderr, "lcncrit %s: solve failed (%s)\n", cmd, lcn_err_string(err));
            rc = CLI_FAIL;
            goto done;
        }
        if (!gs[ci].complete) complete = 0;
        tot += cps[ci].count;
        totreal += cps[ci].nreal;
        tracked += cps[ci].tracked;
        finite += cps[ci].finite;
        atinf += cps[ci].at_infinity;
        sing += cps[ci].singular;
        failed += cps[ci].failed;
        degen += cps[ci].degenerate;
        retracked += cps[ci].retracked;
        retracked_mp += cps[ci].retracked_mp;
        recharted += cps[ci].recharted;
        recovered += cps[ci].recovered;
        jumped += cps[ci].jumped;
        gammas += cps[ci].extra_gammas;
        secs += cps[ci].seconds + (from_cache[ci] ? 0 : gs[ci].seconds);
    }
    /* The finished state: the same command again re-uses every path. */
    if (have_ck && lcn_checkpoint_save(ck))
        fprintf(stderr, "lcncrit %s: warning: cannot write the checkpoint %s\n", cmd, o.c.checkpoint);
    const char *src = NULL;
    long expected = lcn_critsys_expected(cs, wname, &src);
    /* A random target is generic data; a given target is what the paper
     * counts assume too (KMMT22 §7.3); only a matrix file has no formula. */
    int mismatch = expected > 0 && (long)tot != expected;

    /* Human output. */
    FILE *h = (o.c.json && !strcmp(o.c.json, "-")) ? stderr : stdout;
    if (!o.c.quiet || h == stdout) {
        fprintf(h, "lcncrit %s %s (seed %llu)\n", lcn_version(), cmd, (unsigned long long)o.c.seed);
        if (kind == LCN_CRITSYS_LOCUS) {
            fprintf(h, "multiple root locus Δ(");
            print_ints(h, cs->fe, cs->r);
            fprintf(h, "), k = %d, unknowns θ = (c, t_1..t_%d)\n", k, cs->r);
        } else {
            fprintf(h, "%s, k = (", kind == LCN_CRITSYS_SEGRE ? "Segre neurovariety" : "parameter space");
            print_ints(h, o.a, o.na);
            fprintf(h, "), s = (");
            if (o.ns) print_ints(h, o.s, o.ns);
            else for (int l = 0; l < o.na; l++) fprintf(h, "%s1", l ? "," : "");
            fprintf(h, "), end-to-end k = %d, %d unknowns\n", k, cs->n);
        }
        fprintf(h, "weights %s, target u = (", wname);
        for (int j = 0; j < k; j++) fprintf(h, "%s%.10g", j ? ", " : "", u[j]);
        fprintf(h, ")%s\n", is_random ? " (random)" : "");
        for (size_t ci = 0; ci < cc->count; ci++) {
            fprintf(h, "generic set %s: %zu solutions%s, ", cc->c[ci].label, gs[ci].sols->count,
                    cc->c[ci].expected ? (gs[ci].complete ? " (= expected, complete)" : " (FEWER than expected)")
                    : gs[ci].complete  ? " (no count known; complete: trace test passed)"
                                       : " (no count known: completeness not proven)");
            if (from_cache[ci] == 2) fprintf(h, "from the sets shipped with lcncrit (data/generic)\n");
            else if (from_cache[ci]) fprintf(h, "from the cache\n");
            else
                fprintf(h, "by monodromy (%ld loops, %ld legs, %ld base-point moves, %.2f s)\n", gs[ci].loops,
                        gs[ci].paths, gs[ci].moves, gs[ci].seconds);
        }
        fprintf(h, "paths %zu: %zu finite, %zu at infinity, %zu singular, %zu failed; %zu degenerate dropped\n",
                tracked, finite, atinf, sing, failed, degen);
        if (retracked || recharted || gammas)
            fprintf(h, "re-tracked: %zu paths with smaller steps along the same gamma (%zu of them in 128-bit "
                       "precision), %zu in other charts along the same gamma, %d new gamma%s (%zu endpoints "
                       "recovered); %zu jumped paths unresolved (among the failed)\n",
                    retracked, retracked_mp, recharted, gammas, gammas == 1 ? "" : "s", recovered, jumped);
        fprintf(h, "critical points: %zu complex, %zu real", tot, totreal);
        if (expected > 0) fprintf(h, "; expected %ld (%s)%s\n", expected, src, mismatch ? "  MISMATCH" : "  ok");
        else fprintf(h, "; no expected count known for these weights (new data)\n");
        fprintf(h, "  #  type  loss            residual  %s\n", kind == LCN_CRITSYS_LOCUS ? "rrmp     w" : "w");
        size_t idx = 0;
        double complex *fl = malloc(sizeof *fl * (size_t)(MAXK + 64 * MAXL));
        for (size_t ci = 0; ci < cc->count; ci++) {
            if (cc->count > 1)
                fprintf(h, "  -- component %s: %zu points%s\n", cc->c[ci].label, cps[ci].count,
                        cc->c[ci].r && cc->c[ci].r < k - 1 ? " (spurious: layers share roots, KMMT22 §5)" : "");
            for (size_t i = 0; i < cps[ci].count; i++) {
                const lcn_critpoint_struct *pt = &cps[ci].pts[i];
                char rb[64] = "-";
                if (pt->real) point_rrmp(rb, sizeof rb, cs, pt);
                fprintf(h, "%3zu  %s  %14.8g  %8.1e  ", ++idx, pt->real ? "real" : "cplx", pt->loss, pt->residual);
                if (kind == LCN_CRITSYS_LOCUS) fprintf(h, "%-8s ", rb);
                fputc('(', h);
                double wm = 0;
                for (int j = 0; j < k; j++) wm = fmax(wm, cabs(pt->w[j]));
                for (int j = 0; j < k; j++) {
                    /* Display only: parts below 1e-12 |w| are rounding noise of
                     * the refined point (the JSON keeps every digit). */
                    double re = creal(pt->w[j]), im = cimag(pt->w[j]);
                    if (fabs(re) < 1e-12 * wm) re = 0;
                    if (fabs(im) < 1e-12 * wm) im = 0;
                    if (pt->real) fprintf(h, "%s%.10g", j ? ", " : "", re);
                    else fprintf(h, "%s%.6g%+.6gi", j ? ", " : "", re, im);
                }
                fprintf(h, ")\n");
                if (kind != LCN_CRITSYS_LOCUS && pt->real) {
                    /* Layer filters: layers 2..L unit norm, layer 1 carries the scale. */
                    lcn_critsys_layers(fl, cs, pt->theta);
                    fprintf(h, "%*sfilters", 42, "");
                    int off = 0;
                    for (int l = 0; l < cs->L; l++) {
                        fprintf(h, " (");
                        for (int j = 0; j < cs->arch_k[l]; j++)
                            fprintf(h, "%s%.8g", j ? ", " : "", creal(fl[off + j]));
                        fprintf(h, ")");
                        off += cs->arch_k[l];
                    }
                    fputc('\n', h);
                }
            }
        }
        free(fl);
        fprintf(h, "time %.2f s%s\n", secs, complete ? "" : "; completeness not proven for some component");
    }

    if (jf) {
        fprintf(jf, "{\n  \"tool\": \"lcncrit\", \"version\": \"%s\", \"seed\": %llu, \"command\": \"%s\",\n", lcn_version(),
                (unsigned long long)o.c.seed, cmd);
        if (kind != LCN_CRITSYS_LOCUS) {
            fprintf(jf, "  \"architecture\": {\"k\": ");
            lcn_json_ints(jf, o.a, o.na);
            fprintf(jf, ", \"s\": ");
            if (o.ns) lcn_json_ints(jf, o.s, o.ns);
            else {
                int ones[MAXL];
                for (int l = 0; l < o.na; l++) ones[l] = 1;
                lcn_json_ints(jf, ones, o.na);
            }
            fprintf(jf, ", \"end_to_end_k\": %d},\n", k);
        }
        fputs("  \"weights\": ", jf);
        lcn_json_str(jf, wname);
        fputs(", \"target\": ", jf);
        lcn_json_nums(jf, u, k);
        fprintf(jf, ",\n  \"components\": [\n    {\"kind\": \"%s\", ",
                kind == LCN_CRITSYS_LOCUS ? "root-locus" : kind == LCN_CRITSYS_SEGRE ? "segre" : "params");
        if (kind == LCN_CRITSYS_LOCUS) {
            fprintf(jf, "\"partition\": ");
            lcn_json_ints(jf, cs->fe, cs->r);
        } else {
            fprintf(jf, "\"k\": ");
            lcn_json_ints(jf, o.a, o.na);
        }
        fprintf(jf, ",\n     \"expected\": ");
        if (expected > 0) fprintf(jf, "{\"complex\": %ld, \"source\": \"%s\"}", expected, src);
        else fprintf(jf, "null");
        fprintf(jf, ",\n     \"found\": {\"complex\": %zu, \"real\": %zu},\n", tot, totreal);
        fprintf(jf, "     \"paths\": {\"tracked\": %zu, \"finite\": %zu, \"at_infinity\": %zu, \"singular\": %zu, "
                    "\"failed\": %zu, \"degenerate\": %zu, \"retracked\": %zu, \"retracked_128bit\": %zu, "
                    "\"recharted\": %zu, \"extra_gammas\": %d, \"recovered\": %zu, \"jumped\": %zu},\n",
                tracked, finite, atinf, sing, failed, degen, retracked, retracked_mp, recharted, gammas, recovered,
                jumped);
        fprintf(jf, "     \"generic\": [");
        for (size_t ci = 0; ci < cc->count; ci++) {
            char tdbuf[32] = "null";
            if (gs[ci].trace_defect >= 0) snprintf(tdbuf, sizeof tdbuf, "%.3g", gs[ci].trace_defect);
            fprintf(jf, "%s{\"label\": \"%s\", \"solutions\": %zu, \"expected\": %ld, \"complete\": %s, "
                        "\"from_cache\": %s, \"shipped\": %s, \"loops\": %ld, \"base_moves\": %ld, \"trace_tests\": %ld, "
                        "\"trace_defect\": %s, \"seconds\": %.3f}",
                    ci ? ", " : "", cc->c[ci].label, gs[ci].sols->count, cc->c[ci].expected,
                    gs[ci].complete ? "true" : "false", from_cache[ci] ? "true" : "false",
                    from_cache[ci] == 2 ? "true" : "false", gs[ci].loops,
                    gs[ci].moves, gs[ci].traces, tdbuf, gs[ci].seconds);
        }
        fprintf(jf, "],\n     \"completeness_proven\": %s,\n     \"seconds\": %.3f,\n     \"solutions\": [",
                complete ? "true" : "false", secs);
        int first = 1;
        double complex *fl = malloc(sizeof *fl * (size_t)(MAXK + 64 * MAXL));
        for (size_t ci = 0; ci < cc->count; ci++)
            for (size_t i = 0; i < cps[ci].count; i++) {
                const lcn_critpoint_struct *pt = &cps[ci].pts[i];
                fprintf(jf, "%s\n      {\"w\": ", first ? "" : ",");
                first = 0;
                lcn_json_complexes(jf, pt->w, k);
                fprintf(jf, ", \"real\": %s, \"loss\": ", pt->real ? "true" : "false");
                lcn_json_num(jf, pt->loss);
                fprintf(jf, ", \"residual\": ");
                lcn_json_num(jf, pt->residual);
                char rb[64];
                if (pt->real && !point_rrmp(rb, sizeof rb, cs, pt)) fprintf(jf, ", \"rrmp\": \"%s\"", rb);
                if (kind != LCN_CRITSYS_LOCUS) {
                    lcn_critsys_layers(fl, cs, pt->theta);
                    fprintf(jf, ", \"filters\": [[");
                    int off = 0;
                    for (int l = 0; l < cs->L; l++) {
                        if (l) fputs(", ", jf);
                        lcn_json_complexes(jf, fl + off, cs->arch_k[l]);
                        off += cs->arch_k[l];
                    }
                    fprintf(jf, "]]");
                }
                if (kind == LCN_CRITSYS_PARAMS) {
                    fprintf(jf, ", \"theta\": ");
                    lcn_json_complexes(jf, pt->theta, cs->n);
                }
                fputc('}', jf);
            }
        free(fl);
        fprintf(jf, "\n     ]}\n  ],\n  \"totals\": {\"complex\": %zu, \"real\": %zu}\n}\n", tot, totreal);
        cli_json_close(jf);
        jf = NULL;
    }
    rc = mismatch ? CLI_MISMATCH : CLI_OK;
done:
    if (jf) cli_json_abandon(jf);
    if (gs)
        for (size_t ci = 0; ci < cc->count; ci++) {
            lcn_generic_clear(&gs[ci]);
            lcn_critpoints_clear(&cps[ci]);
        }
    free(gs);
    free(cps);
    free(from_cache);
    lcn_components_clear(cc);
    if (have_ck) lcn_checkpoint_clear(ck);
    free(T);
    free(uc);
    free(Tc);
    free(p1);
    lcn_critsys_clear(cs);
    return rc;
}

int cmd_locus(int argc, char **argv)
{
    return run(LCN_CRITSYS_LOCUS, argc, argv);
}

int cmd_segre(int argc, char **argv)
{
    return run(LCN_CRITSYS_SEGRE, argc, argv);
}

int cmd_params(int argc, char **argv)
{
    return run(LCN_CRITSYS_PARAMS, argc, argv);
}
