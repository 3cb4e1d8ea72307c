/* lcncrit arch: architecture facts (SPEC.md): end-to-end k, reduced form,
 * stride-one or not, filling, dimension, the loci / varieties it leads to,
 * rrmp compatibility. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* Larger degrees have thousands of patterns: tables are skipped. */
#define TABLE_MAX_N 24

/* Parse --k / --s and the common options into arch. Returns CLI_OK, -1
 * after --help, or the exit status. */
static int parse(const char *cmd, int argc, char **argv, cli_common *common, lcn_arch_t arch)
{
    cli_arch_opts ao;
    cli_arch_opts_init(&ao);
    cli_common_init(common);
    for (int i = 1; i < argc; i++) {
        int r = cli_common_parse(common, argc, argv, &i);
        if (r == 0) r = cli_arch_opts_parse(&ao, cmd, argc, argv, &i);
        if (r < 0) return CLI_BAD_INPUT;
        if (r > 0) continue;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lcncrit %s --k K1,K2,.. [--s S1,S2,..] [--json FILE|-]\n", cmd);
            return -1;
        } else {
            return cli_bad(cmd, "unknown option '%s'", argv[i]);
        }
    }
    return cli_arch_opts_finish(&ao, cmd, "3,2,2", arch);
}

static void print_ints(FILE *f, const int *v, int n)
{
    fputc('(', f);
    for (int i = 0; i < n; i++) fprintf(f, "%s%d", i ? "," : "", v[i]);
    fputc(')', f);
}

/* The rrmp table of a stride-one architecture (KMMT22 Lemma 4.2, Prop. 4.4,
 * §5.1): text to out (if non-NULL), JSON array to js (if non-NULL). */
static int rrmp_table(FILE *out, FILE *js, const lcn_arch_t a)
{
    lcn_rrmp_list_t list;
    if (lcn_rrmp_list_init_set(list, a->kend - 1) != LCN_OK) return 0;
    if (out)
        fprintf(out, "\n  %-12s %-15s %-9s %-11s %s\n", "rrmp", "function space", "boundary", "compatible",
                "factorization (KMMT22 Ex. 5.6)");
    if (js) fputs("[", js);
    for (size_t i = 0; i < list->count; i++) {
        char buf[128];
        const lcn_rrmp_struct *x = &list->v[i];
        lcn_rrmp_get_str(buf, sizeof buf, x);
        char wit[256];
        int fs = lcn_rrmp_in_function_space(x, a), bd = lcn_rrmp_on_boundary(x, a);
        int co = lcn_compat_real_witness(wit, sizeof wit, x, a);
        if (out)
            fprintf(out, "  %-12s %-15s %-9s %-11s %s\n", buf, fs == 1 ? "in" : "complement", bd == 1 ? "yes" : "no",
                    co == 1 ? "yes" : "no", co == 1 ? wit : "-");
        if (js) {
            fprintf(js, "%s\n    {\"rrmp\": \"%s\", \"function_space\": %s, \"boundary\": %s, \"compatible\": %s",
                    i ? "," : "", buf, fs == 1 ? "true" : "false", bd == 1 ? "true" : "false",
                    co == 1 ? "true" : "false");
            if (co == 1) fprintf(js, ", \"factorization\": \"%s\"}", wit);
            else fputs(", \"factorization\": null}", js);
        }
    }
    if (js) fputs("]", js);
    lcn_rrmp_list_clear(list);
    return 1;
}

/* Multiple root loci Δ_λ with complex compatibility and N(λ). */
static void loci_table(FILE *out, FILE *js, const lcn_arch_t a)
{
    lcn_partitions_t p;
    if (lcn_partitions_init_set(p, a->kend - 1) != LCN_OK) {
        if (js) fputs("null", js);
        return;
    }
    if (out) fprintf(out, "\n  %-14s %-10s %s\n", "locus", "compatible", "N(lambda)");
    if (js) fputs("[", js);
    for (size_t i = 0; i < p->count; i++) {
        char buf[256];
        uint64_t N = 0;
        lcn_partition_get_str(buf, sizeof buf, p->parts[i], p->len[i]);
        lcn_err_t err = lcn_compat_count(&N, p->parts[i], p->len[i], a);
        if (out) {
            char name[300];
            snprintf(name, sizeof name, "Delta(%s)", buf);
            if (err) fprintf(out, "  %-14s %-10s %s\n", name, "?", "too many");
            else fprintf(out, "  %-14s %-10s %llu\n", name, N ? "yes" : "no", (unsigned long long)N);
        }
        if (js) {
            fprintf(js, "%s\n    {\"partition\": [%s], ", i ? "," : "", buf);
            if (err) fputs("\"compatible\": null, \"N\": null}", js);
            else fprintf(js, "\"compatible\": %s, \"N\": %llu}", N ? "true" : "false", (unsigned long long)N);
        }
    }
    if (js) fputs("]", js);
    lcn_partitions_clear(p);
}

int cmd_arch(int argc, char **argv)
{
    const char *cmd = argv[0];
    cli_common common;
    lcn_arch_t a;
    lcn_arch_init(a);
    int rc = parse(cmd, argc, argv, &common, a);
    if (rc < 0) return CLI_OK; /* --help */
    if (rc != CLI_OK) return rc;
    int json_stdout = common.json && !strcmp(common.json, "-");
    FILE *out = json_stdout ? (common.quiet ? NULL : stderr) : (common.quiet ? NULL : stdout);
    int n = a->kend - 1;
    /* Opened first: an unwritable --json is bad input, refused before any
     * output. */
    FILE *js = NULL;
    if (common.json && !(js = cli_json_open(cmd, common.json))) {
        lcn_arch_clear(a);
        return CLI_BAD_INPUT;
    }

    if (out) {
        fprintf(out, "lcncrit %s arch\n", lcn_version());
        fputs("architecture: k = ", out);
        print_ints(out, a->k, a->L);
        fputs(", s = ", out);
        print_ints(out, a->s, a->L);
        fprintf(out, "\n  end-to-end filter size k = %d (degree %d), total stride %ld, %d parameters\n", a->kend, n,
                a->sigma, a->nparams);
        fprintf(out, "  kind: %s; reduced architecture: k = ", lcn_arch_kind(a));
        print_ints(out, a->red_k, a->red_L);
        fputs(", s = ", out);
        print_ints(out, a->red_s, a->red_L);
        if (a->red_embed > 1) fprintf(out, ", spread by %d", a->red_embed);
        fprintf(out, "\n  function space: dimension %d in R^%d, %s", a->dim, a->kend,
                a->filling ? "filling" : "not filling");
        if (a->stride_one) fprintf(out, " (%d even filter%s; KMMT22 Thm 4.1)", a->e, a->e == 1 ? "" : "s");
        fputc('\n', out);
        if (a->stride_one) {
            fprintf(out, "  critical points lie on the multiple root loci Delta_lambda, lambda a partition of %d "
                         "(KMMT22 Thm 5.2)\n", n);
            if (n > TABLE_MAX_N) fprintf(out, "  (degree %d > %d: tables omitted)\n", n, TABLE_MAX_N);
            else {
                rrmp_table(out, NULL, a);
                loci_table(out, NULL, a);
            }
        } else {
            fputs("  critical points: the Segre neurovariety of the reduced architecture (Shahverdi Thm 4.1)\n", out);
        }
    }
    if (js) {
        fprintf(js, "{\n  \"tool\": \"lcncrit\", \"version\": \"%s\", \"command\": \"arch\",\n  \"architecture\": ",
                lcn_version());
        lcn_arch_write_json(js, a);
        if (a->stride_one) {
            fputs(",\n  \"varieties\": \"root-loci\",\n  \"rrmp\": ", js);
            if (n > TABLE_MAX_N || !rrmp_table(NULL, js, a)) fputs("null", js);
            fputs(",\n  \"loci\": ", js);
            if (n > TABLE_MAX_N) fputs("null", js);
            else loci_table(NULL, js, a);
        } else {
            fputs(",\n  \"varieties\": \"segre\", \"segre\": {\"k\": [", js);
            for (int l = 0; l < a->red_L; l++) fprintf(js, "%s%d", l ? ", " : "", a->red_k[l]);
            fputs("]}", js);
        }
        fputs("\n}\n", js);
        cli_json_close(js);
    }
    lcn_arch_clear(a);
    return CLI_OK;
}
