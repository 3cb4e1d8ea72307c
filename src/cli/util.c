/* Shared option parsing for the commands. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

void cli_common_init(cli_common *c)
{
    c->seed = 1;
    c->threads = 0;
    c->quiet = 0;
    c->json = NULL;
    c->cache = NULL;
    c->checkpoint = NULL;
    c->checkpoint_interval = 30;
    c->seen = 0;
}

int cli_bad(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "lcncrit %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return CLI_BAD_INPUT;
}

const char *cli_value(const char *cmd, int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        cli_bad(cmd, "option %s needs a value", argv[*i]);
        return NULL;
    }
    (*i)++;
    return argv[*i];
}

static int parse_ull(const char *s, unsigned long long *out)
{
    if (!*s || *s == '-') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end) return -1;
    *out = v;
    return 0;
}

/* A repeated option is refused rather than silently overridden: with
 * "--seed 1 ... --seed 2" in a long command line either reading is a guess. */
static int once(cli_common *c, int bit, const char *cmd, const char *opt)
{
    if (c->seen & (1u << bit)) {
        cli_bad(cmd, "option %s given twice", opt);
        return -1;
    }
    c->seen |= 1u << bit;
    return 0;
}

int cli_common_parse(cli_common *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i], *cmd = argv[0], *v;
    unsigned long long u;
    if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
        c->quiet = 1;
        return 1;
    }
    if (!strcmp(a, "--seed")) {
        if (once(c, 0, cmd, a)) return -1;
        if (!(v = cli_value(cmd, argc, argv, i))) return -1;
        if (parse_ull(v, &u)) return cli_bad(cmd, "--seed: '%s' is not a nonnegative integer", v), -1;
        c->seed = u;
        return 1;
    }
    if (!strcmp(a, "--threads")) {
        if (once(c, 1, cmd, a)) return -1;
        if (!(v = cli_value(cmd, argc, argv, i))) return -1;
        if (parse_ull(v, &u) || u > 4096)
            return cli_bad(cmd, "--threads: '%s' is not an integer in [0, 4096]", v), -1;
        c->threads = (int)u;
        return 1;
    }
    if (!strcmp(a, "--json")) {
        if (once(c, 2, cmd, a)) return -1;
        if (!(v = cli_value(cmd, argc, argv, i))) return -1;
        c->json = v;
        return 1;
    }
    if (!strcmp(a, "--cache")) {
        if (once(c, 3, cmd, a)) return -1;
        if (!(v = cli_value(cmd, argc, argv, i))) return -1;
        c->cache = v;
        return 1;
    }
    if (!strcmp(a, "--checkpoint")) {
        if (once(c, 4, cmd, a)) return -1;
        if (!(v = cli_value(cmd, argc, argv, i))) return -1;
        if (!*v) return cli_bad(cmd, "--checkpoint: empty file name"), -1;
        c->checkpoint = v;
        return 1;
    }
    if (!strcmp(a, "--checkpoint-interval")) {
        if (once(c, 5, cmd, a)) return -1;
        if (!(v = cli_value(cmd, argc, argv, i))) return -1;
        char *end;
        errno = 0;
        double d = strtod(v, &end);
        if (end == v || *end || errno || !(d >= 0) || d > 1e6)
            return cli_bad(cmd, "--checkpoint-interval: '%s' is not a number of seconds in [0, 1e6]", v), -1;
        c->checkpoint_interval = d;
        return 1;
    }
    return 0;
}

int cli_parse_int_list(const char *cmd, const char *opt, const char *s, int *out, int max, int min_value)
{
    int n = 0;
    const char *p = s;
    if (!*p) return cli_bad(cmd, "%s: empty list", opt), -1;
    for (;;) {
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (end == p || errno || v < min_value || v > 1000000)
            return cli_bad(cmd, "%s: '%s' is not a list of integers >= %d (at '%s')", opt, s, min_value, p), -1;
        if (n >= max) return cli_bad(cmd, "%s: more than %d entries", opt, max), -1;
        out[n++] = (int)v;
        if (*end == '\0') break;
        if (*end != ',') return cli_bad(cmd, "%s: unexpected '%c' in '%s'", opt, *end, s), -1;
        p = end + 1;
    }
    return n;
}

int cli_parse_double_list(const char *cmd, const char *opt, const char *s, double *out, int max)
{
    int n = 0;
    const char *p = s;
    if (!*p) return cli_bad(cmd, "%s: empty list", opt), -1;
    for (;;) {
        char *end;
        errno = 0;
        double v = strtod(p, &end);
        if (end == p || errno == ERANGE || !isfinite(v))
            return cli_bad(cmd, "%s: '%s' is not a list of finite numbers (at '%s')", opt, s, p), -1;
        if (n >= max) return cli_bad(cmd, "%s: more than %d entries", opt, max), -1;
        out[n++] = v;
        if (*end == '\0') break;
        if (*end != ',') return cli_bad(cmd, "%s: unexpected '%c' in '%s'", opt, *end, s), -1;
        p = end + 1;
    }
    return n;
}

int cli_parse_count(const char *cmd, const char *opt, const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    /* strtod, so that 1e6 is accepted as well as 1000000; 2^63 keeps the
     * conversion exact and in range. */
    double v = strtod(s, &end);
    if (!*s || *end || errno || !(v >= 1 && v <= 0x1p63) || v != floor(v))
        return cli_bad(cmd, "%s: '%s' is not a whole number >= 1", opt, s), -1;
    *out = (uint64_t)v;
    return 0;
}

/* The --json file is written as PATH.tmp and renamed over PATH when the
 * command finishes, so that a run that fails or is interrupted never leaves a
 * truncated file, nor replaces a previous good one. One --json per process:
 * the names live here. */
static char *json_tmp, *json_path;

FILE *cli_json_open(const char *cmd, const char *path)
{
    if (!strcmp(path, "-")) return stdout;
    size_t len = strlen(path);
    char *tmp = malloc(len + 5);
    if (!tmp) return cli_bad(cmd, "--json: out of memory"), NULL;
    memcpy(tmp, path, len);
    memcpy(tmp + len, ".tmp", 5);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        cli_bad(cmd, "--json: cannot write '%s': %s", path, strerror(errno));
        free(tmp);
        return NULL;
    }
    free(json_tmp);
    json_tmp = tmp;
    json_path = (char *)path;
    return f;
}

void cli_json_close(FILE *f)
{
    if (!f) return;
    if (f == stdout) {
        fflush(f);
        return;
    }
    int bad = fclose(f) != 0;
    if (json_tmp && (bad || rename(json_tmp, json_path) != 0)) {
        fprintf(stderr, "lcncrit: --json: cannot write '%s': %s\n", json_path, strerror(errno));
        remove(json_tmp);
    }
    free(json_tmp);
    json_tmp = NULL;
}

void cli_json_abandon(FILE *f)
{
    if (!f) return;
    if (f == stdout) {
        fflush(f);
        return;
    }
    fclose(f);
    if (json_tmp) remove(json_tmp);
    free(json_tmp);
    json_tmp = NULL;
}

void cli_log(void *data, lcn_log_level_t level, const char *line)
{
    const cli_common *c = data;
    if (c && c->quiet && level > LCN_LOG_WARN) return;
    fprintf(stderr, "%s%s\n", level == LCN_LOG_ERROR ? "error: " : level == LCN_LOG_WARN ? "warning: " : "", line);
}
