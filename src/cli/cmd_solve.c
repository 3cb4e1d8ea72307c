/* lcncrit solve FILE: any square polynomial system in the text format
 * (systems/FORMAT.md), by the total-degree homotopy.
 *
 * Output: the version, seed and threads; the system's shape; a table of
 * path statuses that adds up to the number of paths; the distinct finite
 * nonsingular solutions and, separately, the singular endpoints with the
 * number of paths that reached each (their multiplicity as seen by the
 * homotopy). With --json - the JSON goes to stdout and the human summary to
 * stderr. Exit 2 on bad input (parse errors as FILE:LINE:COL: message), 1 on
 * an internal failure, 4 when --expect N is given and the number of finite
 * nonsingular solutions differs, else 0. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "lcncrit/json.h"
#include "lcncrit/parse.h"

#define SOLVE_DEFAULT_MAX_PATHS 10000000.0

static void usage(FILE *f)
{
    fprintf(f, "usage: lcncrit solve FILE [--param NAME=VALUE]... [--expect N] [--max-paths N]\n"
               "                     [--json FILE|-] [--threads N] [--seed S] [--quiet]\n"
               "Solve the square polynomial system in FILE ('-': standard input) by the\n"
               "total-degree homotopy. The format is described in systems/FORMAT.md.\n"
               "  --param NAME=VALUE  set parameter NAME (overrides a value in the file);\n"
               "                      VALUE is a constant such as 1/3, 2.5e-3 or 1 - 2*I\n"
               "  --expect N          exit 4 unless exactly N finite nonsingular solutions\n"
               "  --max-paths N       refuse systems whose total degree exceeds N [1e7]\n");
}

static void json_solutions(FILE *f, const lcn_solution_set_t set)
{
    fputc('[', f);
    for (size_t i = 0; i < set->count; i++) {
        fprintf(f, "%s\n    {\"x\": ", i ? "," : "");
        lcn_json_complexes(f, set->x + i * (size_t)set->n, set->n);
        fprintf(f, ", \"real\": %s, \"residual\": ", lcn_json_bool(set->real[i]));
        lcn_json_num(f, set->residual[i]);
        fputs(", \"accuracy\": ", f);
        lcn_json_num(f, set->accuracy[i]);
        fputs(", \"cond\": ", f);
        lcn_json_num(f, set->cond[i]);
        fprintf(f, ", \"multiplicity\": %d, \"winding\": %d}", set->multiplicity[i], set->winding[i]);
    }
    fputs(set->count ? "\n  ]" : "]", f);
}

static void print_complex(FILE *f, double complex z, int real)
{
    if (real || cimag(z) == 0) fprintf(f, "%.16g", creal(z));
    else fprintf(f, "%.16g %c %.16g*I", creal(z), cimag(z) < 0 ? '-' : '+', fabs(cimag(z)));
}

static void print_solutions(FILE *f, const char *title, const lcn_solution_set_t set, char **names, int singular)
{
    for (size_t i = 0; i < set->count; i++) {
        fprintf(f, "%s %zu (%s", title, i + 1, set->real[i] ? "real" : "complex");
        if (singular) fprintf(f, ", %d path%s, winding %d", set->multiplicity[i], set->multiplicity[i] == 1 ? "" : "s",
                              set->winding[i]);
        fprintf(f, ", residual %.1e, accuracy %.1e, cond %.1e):\n", set->residual[i], set->accuracy[i], set->cond[i]);
        for (int k = 0; k < set->n; k++) {
            fprintf(f, "  %s = ", names[k]);
            print_complex(f, set->x[i * (size_t)set->n + (size_t)k], set->real[i]);
            fputc('\n', f);
        }
    }
}

/* "NAME=VALUE" for --param: the value is parsed exactly. */
static int set_param(lcn_parsed_system_t ps, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg) return cli_bad("solve", "--param: expected NAME=VALUE, got '%s'", arg);
    size_t nl = (size_t)(eq - arg);
    char name[LCN_PARSE_MAX_NAME + 1];
    if (nl > LCN_PARSE_MAX_NAME) return cli_bad("solve", "--param: name too long in '%s'", arg);
    memcpy(name, arg, nl);
    name[nl] = '\0';
    int j = lcn_parsed_system_find_param(ps, name);
    if (j < 0) return cli_bad("solve", "--param: the system has no parameter '%s'", name);
    lcn_parse_error_t err;
    lcn_err_t e = lcn_parse_constant(ps->param_re[j], ps->param_im[j], eq + 1, strlen(eq + 1), err);
    if (e) return cli_bad("solve", "--param %s: column %d of '%s': %s", name, err->column, eq + 1, err->msg);
    ps->param_has_value[j] = 1;
    return 0;
}

int cmd_solve(int argc, char **argv)
{
    cli_common c;
    cli_common_init(&c);
    const char *file = NULL, *expect_s = NULL;
    const char **params = NULL;
    int nparam_args = 0;
    double max_paths = SOLVE_DEFAULT_MAX_PATHS;
    long expect = -1;
    int rc = CLI_OK;
    params = calloc((size_t)argc + 1, sizeof *params);
    if (!params) return CLI_FAIL;
    for (int i = 1; i < argc; i++) {
        int r = cli_common_parse(&c, argc, argv, &i);
        if (r < 0) { rc = CLI_BAD_INPUT; goto out_args; }
        if (r > 0) continue;
        const char *a = argv[i], *v;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            goto out_args;
        } else if (!strcmp(a, "--param")) {
            if (!(v = cli_value("solve", argc, argv, &i))) { rc = CLI_BAD_INPUT; goto out_args; }
            params[nparam_args++] = v;
        } else if (!strcmp(a, "--expect")) {
            if (!(expect_s = cli_value("solve", argc, argv, &i))) { rc = CLI_BAD_INPUT; goto out_args; }
            char *end;
            errno = 0;
            expect = strtol(expect_s, &end, 10);
            if (!*expect_s || *end || errno || expect < 0) {
                rc = cli_bad("solve", "--expect: '%s' is not a nonnegative integer", expect_s);
                goto out_args;
            }
        } else if (!strcmp(a, "--max-paths")) {
            if (!(v = cli_value("solve", argc, argv, &i))) { rc = CLI_BAD_INPUT; goto out_args; }
            char *end;
            errno = 0;
            max_paths = strtod(v, &end);
            if (!*v || *end || errno || !(max_paths >= 1) || !isfinite(max_paths)) {
                rc = cli_bad("solve", "--max-paths: '%s' is not a number >= 1", v);
                goto out_args;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            rc = cli_bad("solve", "unknown option '%s' (try lcncrit solve --help)", a);
            goto out_args;
        } else if (file) {
            rc = cli_bad("solve", "more than one FILE given ('%s' and '%s')", file, a);
            goto out_args;
        } else {
            file = a;
        }
    }
    if (!file) {
        usage(stderr);
        rc = cli_bad("solve", "no FILE given");
        goto out_args;
    }

    /* Only the parameter-homotopy commands save checkpoints (README). */
    if (c.checkpoint)
        fprintf(stderr, "lcncrit solve: warning: --checkpoint is not supported by solve (total degree); ignored\n");
    /* Human output goes to stderr when stdout carries the JSON. */
    FILE *out = c.json && !strcmp(c.json, "-") ? stderr : stdout;
    const char *fname = strcmp(file, "-") ? file : "<stdin>";

    lcn_parsed_system_t ps;
    lcn_system_t sys;
    lcn_result_t res;
    lcn_solution_set_t set, sing;
    lcn_parse_error_t err;
    double complex *p = NULL;
    FILE *jf = NULL;
    int have_sys = 0, have_sets = 0;
    lcn_parsed_system_init(ps);
    lcn_result_init(res);

    lcn_err_t e = lcn_parse_file(ps, file, err);
    if (e) {
        if (err->line) rc = cli_bad("solve", "%s:%d:%d: %s", fname, err->line, err->column, err->msg);
        else rc = cli_bad("solve", "%s: %s", fname, err->msg);
        goto cleanup;
    }
    for (int k = 0; k < nparam_args; k++)
        if ((rc = set_param(ps, params[k])) != 0) goto cleanup;
    p = calloc((size_t)ps->nparams + 1, sizeof *p);
    if (!p) { rc = CLI_FAIL; goto cleanup; }
    if ((e = lcn_parsed_system_param_values_d(p, ps, err))) {
        rc = cli_bad("solve", "%s: %s, or with --param NAME=VALUE", fname, err->msg);
        goto cleanup;
    }
    /* Bezout number before compiling, so absurd systems are refused early. */
    double bezout = 1;
    for (int i = 0; i < ps->neqs; i++) bezout *= (double)lcn_parsed_system_degree(ps, i);
    if ((e = lcn_parsed_system_compile(sys, ps, err))) {
        lcn_system_clear(sys);
        if (err->line) rc = cli_bad("solve", "%s:%d: %s", fname, err->line, err->msg);
        else rc = cli_bad("solve", "%s: %s", fname, err->msg);
        goto cleanup;
    }
    have_sys = 1;
    if (bezout > max_paths) {
        rc = cli_bad("solve", "%s: total degree %.4g exceeds --max-paths %.4g", fname, bezout, max_paths);
        goto cleanup;
    }
    /* Opened before the run: an unwritable --json path is bad input, found
     * before the tracking, not after. */
    if (c.json && !(jf = cli_json_open("solve", c.json))) {
        rc = CLI_BAD_INPUT;
        goto cleanup;
    }

    lcn_solve_opts_t opts;
    lcn_solve_opts_init(opts);
    opts->seed = c.seed;
    opts->threads = c.threads;
    opts->log.fn = cli_log;
    opts->log.data = &c;
    opts->log.max_level = !c.quiet && isatty(STDERR_FILENO) ? LCN_LOG_INFO : LCN_LOG_WARN;

    char thr[32];
    if (c.threads > 0) snprintf(thr, sizeof thr, "%d", c.threads);
    else snprintf(thr, sizeof thr, "all");
    fprintf(out, "lcncrit %s solve %s (seed %llu, threads %s)\n", lcn_version(), fname, (unsigned long long)c.seed, thr);
    fprintf(out, "system: %d variable%s, %d parameter%s, degrees", ps->nvars, ps->nvars == 1 ? "" : "s", ps->nparams,
            ps->nparams == 1 ? "" : "s");
    for (int i = 0; i < ps->neqs; i++) fprintf(out, " %d", sys->degrees[i]);
    fprintf(out, ", total degree %.0f\n", bezout);
    for (int j = 0; j < ps->nparams; j++) {
        fprintf(out, "  %s = ", ps->param_names[j]);
        print_complex(out, p[j], 0);
        fputc('\n', out);
    }
    fflush(out);

    e = lcn_solve_total_degree(res, sys, ps->nparams ? p : NULL, opts);
    if (e) {
        fprintf(stderr, "lcncrit solve: the solver failed: %s\n", lcn_err_string(e));
        rc = CLI_FAIL;
        goto cleanup;
    }

    lcn_solution_set_init(set, sys->n);
    lcn_solution_set_init(sing, sys->n);
    have_sets = 1;
    set->tol = opts->dedup_tol;
    if ((e = lcn_solution_set_from_result(set, res, sys, ps->nparams ? p : NULL, opts))) {
        fprintf(stderr, "lcncrit solve: post-processing failed: %s\n", lcn_err_string(e));
        rc = CLI_FAIL;
        goto cleanup;
    }
    /* Singular endpoints are known only to about the square root (or the
     * winding-number root) of the working accuracy, so they are grouped with
     * a looser tolerance than regular solutions. */
    sing->tol = 1e-5;
    const int real_sys = lcn_system_is_real(sys, ps->nparams ? p : NULL);
    for (size_t i = 0; i < res->npaths; i++) {
        const lcn_path_result_struct *r = &res->paths[i];
        if (r->status != LCN_PATH_SINGULAR) continue;
        double sc = 1, im = 0;
        for (int k = 0; k < sys->n; k++) {
            if (cabs(r->x[k]) > sc) sc = cabs(r->x[k]);
            if (fabs(cimag(r->x[k])) > im) im = fabs(cimag(r->x[k]));
        }
        int real = real_sys && im <= fmax(1e-6, 10 * r->accuracy) * sc;
        size_t idx;
        if (lcn_solution_set_add(sing, r->x, r->accuracy, r->residual, real, &idx)) {
            sing->cond[idx] = r->cond;
            sing->winding[idx] = r->winding;
        }
    }
    lcn_solution_set_sort(sing);

    size_t count[LCN_PATH_NSTATUS], failed = 0, total = 0;
    for (int s = 0; s < LCN_PATH_NSTATUS; s++) {
        count[s] = lcn_result_count(res, (lcn_path_status_t)s);
        total += count[s];
        if (lcn_path_status_is_failure((lcn_path_status_t)s)) failed += count[s];
    }
    LCN_ASSERT(total == res->npaths);
    size_t nreal = 0, jumps = 0;
    for (size_t i = 0; i < set->count; i++) {
        nreal += set->real[i] != 0;
        jumps += (size_t)(set->multiplicity[i] - 1);
    }

    fprintf(out, "paths: %zu tracked in %.2f s\n", res->npaths, res->seconds);
    for (int s = 0; s < LCN_PATH_NSTATUS; s++)
        fprintf(out, "  %-16s %zu\n", lcn_path_status_string((lcn_path_status_t)s), count[s]);
    fprintf(out, "  %-16s %zu\n", "total", total);
    if (!c.quiet) {
        print_solutions(out, "solution", set, ps->var_names, 0);
        print_solutions(out, "singular point", sing, ps->var_names, 1);
    }
    fprintf(out, "found: %zu finite nonsingular solution%s (%zu real, %zu non-real); %zu singular point%s "
                 "(%zu path%s); %zu path%s at infinity; %zu failed path%s\n",
            set->count, set->count == 1 ? "" : "s", nreal, set->count - nreal, sing->count, sing->count == 1 ? "" : "s",
            count[LCN_PATH_SINGULAR], count[LCN_PATH_SINGULAR] == 1 ? "" : "s", count[LCN_PATH_AT_INFINITY],
            count[LCN_PATH_AT_INFINITY] == 1 ? "" : "s", failed, failed == 1 ? "" : "s");
    if (jumps)
        fprintf(stderr, "lcncrit solve: warning: %zu successful path%s ended on a solution already found "
                        "(path jumping); rerun with another --seed to check the count\n",
                jumps, jumps == 1 ? "" : "s");
    if (failed)
        fprintf(stderr, "lcncrit solve: warning: %zu path%s failed; the solution list may be incomplete\n", failed,
                failed == 1 ? "" : "s");

    if (jf) {
        fprintf(jf, "{\n  \"tool\": \"lcncrit\", \"command\": \"solve\", \"version\": ");
        lcn_json_str(jf, lcn_version());
        fprintf(jf, ", \"seed\": %llu,\n  \"file\": ", (unsigned long long)c.seed);
        lcn_json_str(jf, fname);
        fputs(",\n  \"system\": {\"variables\": [", jf);
        for (int k = 0; k < ps->nvars; k++) {
            if (k) fputs(", ", jf);
            lcn_json_str(jf, ps->var_names[k]);
        }
        fputs("], \"parameters\": [", jf);
        for (int j = 0; j < ps->nparams; j++) {
            fputs(j ? ", {\"name\": " : "{\"name\": ", jf);
            lcn_json_str(jf, ps->param_names[j]);
            fputs(", \"value\": [", jf);
            lcn_json_num(jf, creal(p[j]));
            fputs(", ", jf);
            lcn_json_num(jf, cimag(p[j]));
            fputs("]}", jf);
        }
        fputs("], \"degrees\": [", jf);
        for (int i = 0; i < ps->neqs; i++) fprintf(jf, "%s%d", i ? ", " : "", sys->degrees[i]);
        fprintf(jf, "], \"total_degree\": %.0f},\n", bezout);
        fprintf(jf, "  \"paths\": {\"tracked\": %zu, \"finite\": %zu, \"singular\": %zu, \"at_infinity\": %zu, "
                    "\"failed\": %zu,\n    \"by_status\": {",
                res->npaths, count[LCN_PATH_SUCCESS], count[LCN_PATH_SINGULAR], count[LCN_PATH_AT_INFINITY], failed);
        for (int s = 0; s < LCN_PATH_NSTATUS; s++)
            fprintf(jf, "%s\"%s\": %zu", s ? ", " : "", lcn_path_status_string((lcn_path_status_t)s), count[s]);
        fprintf(jf, "}},\n  \"seconds\": ");
        lcn_json_num(jf, res->seconds);
        fprintf(jf, ",\n  \"found\": {\"complex\": %zu, \"real\": %zu, \"singular\": %zu},\n", set->count, nreal,
                sing->count);
        fputs("  \"solutions\": ", jf);
        json_solutions(jf, set);
        fputs(",\n  \"singular_solutions\": ", jf);
        json_solutions(jf, sing);
        fputs("\n}\n", jf);
        int werr = ferror(jf);
        cli_json_close(jf);
        jf = NULL;
        if (werr) {
            fprintf(stderr, "lcncrit solve: error writing %s\n", c.json);
            rc = CLI_FAIL;
            goto cleanup;
        }
    }
    if (expect >= 0 && (size_t)expect != set->count) {
        fprintf(stderr, "lcncrit solve: expected %ld finite nonsingular solutions, found %zu\n", expect, set->count);
        rc = CLI_MISMATCH;
    }

cleanup:
    if (jf) cli_json_abandon(jf);
    if (have_sets) {
        lcn_solution_set_clear(set);
        lcn_solution_set_clear(sing);
    }
    lcn_result_clear(res);
    if (have_sys) lcn_system_clear(sys);
    free(p);
    lcn_parsed_system_clear(ps);
out_args:
    free(params);
    return rc;
}
