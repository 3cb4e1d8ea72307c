/* Solution sets on disk: JSON (readable, exact: 17 significant digits
 * round-trip a double) and a compact binary form for large sets. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lcncrit/json.h"
#include "lcncrit/solution_set.h"
#include "impl.h"

lcn_err_t lcn_solution_set_write_json(FILE *out, const lcn_solution_set_t set)
{
    const int n = set->n;
    fprintf(out, "{\"format\": \"lcncrit-solutions\", \"version\": 1, \"n\": %d, \"count\": %zu, \"solutions\": [",
            n, set->count);
    for (size_t j = 0; j < set->count; j++) {
        fputs(j ? ",\n  {\"x\": [" : "\n  {\"x\": [", out);
        for (int i = 0; i < n; i++) {
            /* Not lcn_json_complexes: NaN and inf must survive the round trip. */
            double complex z = set->x[j * (size_t)n + i];
            fputs(i ? ", [" : "[", out);
            lcn_json_num_tagged(out, creal(z));
            fputs(", ", out);
            lcn_json_num_tagged(out, cimag(z));
            fputc(']', out);
        }
        fprintf(out, "], \"real\": %s, \"accuracy\": ", lcn_json_bool(set->real[j]));
        lcn_json_num_tagged(out, set->accuracy[j]);
        fputs(", \"residual\": ", out);
        lcn_json_num_tagged(out, set->residual[j]);
        fputs(", \"cond\": ", out);
        lcn_json_num_tagged(out, set->cond[j]);
        fprintf(out, ", \"multiplicity\": %d, \"winding\": %d}", set->multiplicity[j], set->winding[j]);
    }
    fputs(set->count ? "\n]}\n" : "]}\n", out);
    return ferror(out) ? LCN_ERR_IO : LCN_OK;
}

/* A small recursive-descent reader for the JSON above; unknown keys are
 * skipped whatever their value. */
typedef struct {
    FILE *in;
    int c; /* lookahead */
} rd;

static void adv(rd *r) { r->c = getc(r->in); }
static void ws(rd *r)
{
    while (r->c != EOF && isspace(r->c)) adv(r);
}
static int expect(rd *r, int ch)
{
    ws(r);
    if (r->c != ch) return 0;
    adv(r);
    return 1;
}

static int read_string(rd *r, char *buf, size_t cap)
{
    ws(r);
    if (r->c != '"') return 0;
    adv(r);
    size_t len = 0;
    while (r->c != '"') {
        if (r->c == EOF) return 0;
        if (r->c == '\\') {
            adv(r);
            if (r->c == EOF) return 0;
        }
        if (len + 1 < cap) buf[len++] = (char)r->c;
        adv(r);
    }
    adv(r);
    buf[len] = 0;
    return 1;
}

static int read_number(rd *r, double *v)
{
    ws(r);
    char buf[64];
    if (r->c == '"') {
        if (!read_string(r, buf, sizeof buf)) return 0;
        if (!strcmp(buf, "nan")) *v = NAN;
        else if (!strcmp(buf, "inf")) *v = INFINITY;
        else if (!strcmp(buf, "-inf")) *v = -INFINITY;
        else return 0;
        return 1;
    }
    size_t len = 0;
    while (r->c != EOF && (isdigit(r->c) || strchr("+-.eE", r->c))) {
        if (len + 1 >= sizeof buf) return 0;
        buf[len++] = (char)r->c;
        adv(r);
    }
    buf[len] = 0;
    char *end;
    *v = strtod(buf, &end);
    return len > 0 && *end == 0;
}

static int read_bool(rd *r, int *b)
{
    ws(r);
    const char *word = r->c == 't' ? "true" : r->c == 'f' ? "false" : NULL;
    if (!word) return 0;
    for (const char *p = word; *p; p++) {
        if (r->c != *p) return 0;
        adv(r);
    }
    *b = word[0] == 't';
    return 1;
}

static int skip_value(rd *r, int depth)
{
    ws(r);
    if (depth > 64) return 0;
    if (r->c == '"') {
        char buf[8];
        return read_string(r, buf, sizeof buf);
    }
    if (r->c == '{' || r->c == '[') {
        int close = r->c == '{' ? '}' : ']', obj = r->c == '{';
        adv(r);
        if (expect(r, close)) return 1;
        for (;;) {
            if (obj) {
                char buf[8];
                if (!read_string(r, buf, sizeof buf) || !expect(r, ':')) return 0;
            }
            if (!skip_value(r, depth + 1)) return 0;
            if (expect(r, close)) return 1;
            if (!expect(r, ',')) return 0;
        }
    }
    if (r->c == 't' || r->c == 'f') {
        int b;
        return read_bool(r, &b);
    }
    if (r->c == 'n') {
        for (const char *p = "null"; *p; p++) {
            if (r->c != *p) return 0;
            adv(r);
        }
        return 1;
    }
    double v;
    return read_number(r, &v);
}

typedef struct {
    double complex *x;
    int nx, real, mult, wind;
    double acc, res, cond;
} sol_rec;

static int read_solution(rd *r, sol_rec *s, int cap)
{
    s->nx = 0;
    s->real = 0;
    s->mult = s->wind = 1;
    s->acc = s->res = s->cond = 0;
    if (!expect(r, '{')) return 0;
    if (expect(r, '}')) return 1;
    for (;;) {
        char key[32];
        if (!read_string(r, key, sizeof key) || !expect(r, ':')) return 0;
        if (!strcmp(key, "x")) {
            if (!expect(r, '[')) return 0;
            if (!expect(r, ']'))
                for (;;) {
                    double re, im;
                    if (!expect(r, '[') || !read_number(r, &re) || !expect(r, ',') || !read_number(r, &im) ||
                        !expect(r, ']'))
                        return 0;
                    if (s->nx >= cap) return 0;
                    s->x[s->nx++] = CMPLX(re, im);
                    if (expect(r, ']')) break;
                    if (!expect(r, ',')) return 0;
                }
        } else if (!strcmp(key, "real")) {
            if (!read_bool(r, &s->real)) return 0;
        } else if (!strcmp(key, "accuracy")) {
            if (!read_number(r, &s->acc)) return 0;
        } else if (!strcmp(key, "residual")) {
            if (!read_number(r, &s->res)) return 0;
        } else if (!strcmp(key, "cond")) {
            if (!read_number(r, &s->cond)) return 0;
        } else if (!strcmp(key, "multiplicity") || !strcmp(key, "winding")) {
            double v;
            if (!read_number(r, &v)) return 0;
            if (key[0] == 'm')
                s->mult = (int)v;
            else
                s->wind = (int)v;
        } else if (!skip_value(r, 1)) {
            return 0;
        }
        if (expect(r, '}')) return 1;
        if (!expect(r, ',')) return 0;
    }
}

/* Append without deduplication: a stored set is already deduplicated and
 * its order is kept. */
static void append_raw(lcn_solution_set_struct *s, const sol_rec *q)
{
    size_t idx;
    double tol = s->tol;
    s->tol = -1; /* nothing is equal at a negative tolerance */
    lcn_solution_set_add(s, q->x, q->acc, q->res, q->real, &idx);
    s->tol = tol;
    s->cond[idx] = q->cond;
    s->multiplicity[idx] = q->mult;
    s->winding[idx] = q->wind;
}

lcn_err_t lcn_solution_set_read_json(lcn_solution_set_t set, FILE *in)
{
    rd r = {in, 0};
    adv(&r);
    int n = -1;
    long count = -1;
    lcn_err_t err = LCN_ERR_PARSE;
    sol_rec q = {0};
    lcn_solution_set_struct tmp;
    int have_set = 0;
    if (!expect(&r, '{')) goto cleanup;
    if (expect(&r, '}')) goto cleanup;
    for (;;) {
        char key[32];
        if (!read_string(&r, key, sizeof key) || !expect(&r, ':')) goto cleanup;
        if (!strcmp(key, "n")) {
            double v;
            if (!read_number(&r, &v) || v < 0 || v > 1e6 || have_set) goto cleanup;
            n = (int)v;
        } else if (!strcmp(key, "count")) {
            double v;
            if (!read_number(&r, &v) || v < 0) goto cleanup;
            count = (long)v;
        } else if (!strcmp(key, "solutions")) {
            if (n < 0) goto cleanup; /* n must come first (as written) */
            lcn_solution_set_init(&tmp, n);
            have_set = 1;
            q.x = lcn_malloc_array((size_t)(n ? n : 1), sizeof *q.x);
            if (!expect(&r, '[')) goto cleanup;
            if (!expect(&r, ']'))
                for (;;) {
                    if (!read_solution(&r, &q, n) || q.nx != n) goto cleanup;
                    append_raw(&tmp, &q);
                    if (expect(&r, ']')) break;
                    if (!expect(&r, ',')) goto cleanup;
                }
        } else if (!skip_value(&r, 1)) {
            goto cleanup;
        }
        if (expect(&r, '}')) break;
        if (!expect(&r, ',')) goto cleanup;
    }
    if (!have_set || (count >= 0 && (size_t)count != tmp.count)) goto cleanup;
    tmp.tol = set->tol > 0 ? set->tol : 1e-7;
    lcn_solution_set_clear(set);
    *set = tmp;
    have_set = 0;
    err = LCN_OK;
cleanup:
    if (ferror(in)) err = LCN_ERR_IO;
    if (have_set) lcn_solution_set_clear(&tmp);
    lcn_free(q.x);
    return err;
}

#define BIN_MAGIC "LCNSOLS"
#define BIN_VERSION 1u
#define BIN_BOM 0x01020304u

lcn_err_t lcn_solution_set_write_binary(FILE *out, const lcn_solution_set_t set)
{
    const size_t n = (size_t)set->n;
    uint32_t hdr[4] = {BIN_VERSION, BIN_BOM, (uint32_t)set->n, 0};
    uint64_t count = set->count;
    if (fwrite(BIN_MAGIC, 1, 8, out) != 8 || fwrite(hdr, sizeof hdr, 1, out) != 1 ||
        fwrite(&count, sizeof count, 1, out) != 1)
        return LCN_ERR_IO;
    for (size_t j = 0; j < set->count; j++) {
        double d[3] = {set->accuracy[j], set->residual[j], set->cond[j]};
        int32_t iv[2] = {set->multiplicity[j], set->winding[j]};
        uint8_t re = (uint8_t)(set->real[j] != 0);
        if (n && fwrite(set->x + j * n, sizeof *set->x, n, out) != n) return LCN_ERR_IO;
        if (fwrite(d, sizeof d, 1, out) != 1 || fwrite(iv, sizeof iv, 1, out) != 1 || fwrite(&re, 1, 1, out) != 1)
            return LCN_ERR_IO;
    }
    return ferror(out) ? LCN_ERR_IO : LCN_OK;
}

lcn_err_t lcn_solution_set_read_binary(lcn_solution_set_t set, FILE *in)
{
    char magic[8];
    uint32_t hdr[4];
    uint64_t count;
    if (fread(magic, 1, 8, in) != 8 || fread(hdr, sizeof hdr, 1, in) != 1 || fread(&count, sizeof count, 1, in) != 1)
        return ferror(in) ? LCN_ERR_IO : LCN_ERR_PARSE;
    if (memcmp(magic, BIN_MAGIC, 8) != 0 || hdr[0] != BIN_VERSION || hdr[1] != BIN_BOM || hdr[2] > 1000000u)
        return LCN_ERR_PARSE;
    const int n = (int)hdr[2];
    lcn_solution_set_struct tmp;
    lcn_solution_set_init(&tmp, n);
    sol_rec q = {0};
    q.x = lcn_malloc_array((size_t)(n ? n : 1), sizeof *q.x);
    q.nx = n;
    lcn_err_t err = LCN_OK;
    for (uint64_t j = 0; j < count; j++) {
        double d[3];
        int32_t iv[2];
        uint8_t re;
        if ((n && fread(q.x, sizeof *q.x, (size_t)n, in) != (size_t)n) || fread(d, sizeof d, 1, in) != 1 ||
            fread(iv, sizeof iv, 1, in) != 1 || fread(&re, 1, 1, in) != 1) {
            err = ferror(in) ? LCN_ERR_IO : LCN_ERR_PARSE;
            break;
        }
        q.acc = d[0];
        q.res = d[1];
        q.cond = d[2];
        q.mult = iv[0];
        q.wind = iv[1];
        q.real = re;
        append_raw(&tmp, &q);
    }
    lcn_free(q.x);
    if (err != LCN_OK) {
        lcn_solution_set_clear(&tmp);
        return err;
    }
    tmp.tol = set->tol > 0 ? set->tol : 1e-7;
    lcn_solution_set_clear(set);
    *set = tmp;
    return LCN_OK;
}
