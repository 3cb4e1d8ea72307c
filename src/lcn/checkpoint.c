/* Checkpoints of monodromy and parameter homotopies (checkpoint.h). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lcncrit/checkpoint.h"

#define CHECKPOINT_FORMAT 3
/* Longest fingerprint line kept (a longer one is cut: still a fingerprint). */
#define FINGERPRINT_MAX 4000

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static char *dup_line(const char *s, size_t max)
{
    size_t len = strcspn(s, "\n");
    if (len > max) len = max;
    char *d = lcn_malloc(len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

static void entry_clear_mono(lcn_checkpoint_entry_struct *e)
{
    lcn_free(e->p0);
    lcn_free(e->base);
    lcn_free(e->x);
    lcn_free(e->accuracy);
    lcn_free(e->residual);
    lcn_free(e->multiplicity);
    lcn_free(e->st.vertices);
    lcn_free(e->st.pos);
    e->p0 = e->base = e->x = e->st.vertices = e->st.origin = NULL;
    e->st.pos = NULL;
    e->st.nloops = 0;
    e->moves = 0;
    e->accuracy = e->residual = NULL;
    e->multiplicity = NULL;
    e->has_mono = 0;
    e->count = 0;
}

static void entry_clear_paths(lcn_checkpoint_entry_struct *e)
{
    for (size_t i = 0; i < e->npaths && e->res; i++) lcn_free(e->res[i].x);
    lcn_free(e->res);
    lcn_free(e->done);
    e->res = NULL;
    e->done = NULL;
    e->npaths = 0;
    e->has_paths = 0;
}

/* Room for nloops loops of K corners in the state (vertices: nloops*K*m;
 * pos: nloops). */
static void entry_set_loops(lcn_checkpoint_entry_struct *e, int K, int nloops)
{
    size_t c = (size_t)(nloops > 0 ? nloops : 1), mm = (size_t)(e->m ? e->m : 1), kk = (size_t)(K > 0 ? K : 1);
    e->st.vertices = lcn_realloc(e->st.vertices, c * kk * mm * sizeof *e->st.vertices);
    e->st.pos = lcn_realloc(e->st.pos, c * sizeof *e->st.pos);
    e->st.corners = K;
    e->st.nloops = nloops;
}

/* Sizes of the monodromy part: p0 and base for m, no loops yet, the
 * solutions for count. */
static void entry_alloc_mono(lcn_checkpoint_entry_struct *e, int n, int m, size_t count)
{
    entry_clear_mono(e);
    size_t mm = (size_t)(m ? m : 1), c = count ? count : 1;
    e->has_mono = 1;
    e->n = n;
    e->m = m;
    e->count = count;
    e->p0 = lcn_calloc(mm, sizeof *e->p0);
    e->base = lcn_calloc(mm, sizeof *e->base);
    e->st.m = m;
    e->st.origin = e->p0;
    entry_set_loops(e, 2, 0);
    e->x = lcn_calloc(c * (size_t)n, sizeof *e->x);
    e->accuracy = lcn_calloc(c, sizeof *e->accuracy);
    e->residual = lcn_calloc(c, sizeof *e->residual);
    e->multiplicity = lcn_calloc(c, sizeof *e->multiplicity);
}

static void entry_alloc_paths(lcn_checkpoint_entry_struct *e, int n, size_t npaths)
{
    entry_clear_paths(e);
    e->has_paths = 1;
    e->pn = n;
    e->npaths = npaths;
    e->done = lcn_calloc(npaths ? npaths : 1, 1);
    e->res = lcn_calloc(npaths ? npaths : 1, sizeof *e->res);
}

void lcn_checkpoint_init(lcn_checkpoint_t ck, const char *path, const char *fingerprint)
{
    memset(ck, 0, sizeof *ck);
    ck->path = dup_line(path, 4096);
    ck->fingerprint = dup_line(fingerprint ? fingerprint : "", FINGERPRINT_MAX);
    ck->interval = 30;
    /* Small batches: a stop request waits for one batch at most, and two
     * threads still get many paths each. */
    ck->paths_batch = 64;
    ck->last_save = now();
    lcn_log_init(&ck->log);
}

static void remove_entries(lcn_checkpoint_t ck)
{
    for (size_t i = 0; i < ck->count; i++) {
        entry_clear_mono(ck->e[i]);
        entry_clear_paths(ck->e[i]);
        lcn_free(ck->e[i]);
    }
    lcn_free(ck->e);
    ck->e = NULL;
    ck->count = 0;
}

void lcn_checkpoint_clear(lcn_checkpoint_t ck)
{
    remove_entries(ck);
    lcn_free(ck->path);
    lcn_free(ck->fingerprint);
    memset(ck, 0, sizeof *ck);
}

lcn_checkpoint_entry_struct *lcn_checkpoint_entry(lcn_checkpoint_t ck, const char *key)
{
    for (size_t i = 0; i < ck->count; i++)
        if (!strcmp(ck->e[i]->key, key)) return ck->e[i];
    ck->e = lcn_realloc(ck->e, (ck->count + 1) * sizeof *ck->e);
    lcn_checkpoint_entry_struct *e = lcn_calloc(1, sizeof *e);
    e->ck = ck;
    snprintf(e->key, sizeof e->key, "%s", key);
    ck->e[ck->count++] = e;
    return e;
}

/* ---- the text form ---------------------------------------------------- */

static void put_c(FILE *f, double complex z)
{
    fprintf(f, " %a %a", creal(z), cimag(z));
}

static void write_entry(FILE *f, const lcn_checkpoint_entry_struct *e)
{
    fprintf(f, "entry %s\n", e->key);
    if (e->has_mono) {
        const lcn_monodromy_state_struct *st = &e->st;
        fprintf(f, "monodromy %d %d %zu %ld %ld %ld %ld %a\n", e->n, e->m, e->count, e->loops, e->paths,
                e->failures, e->steps, e->seconds);
        fprintf(f, "state %zu %d %" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64 " %a %a %d %d\n", st->before, st->stall,
                st->rng.s[0], st->rng.s[1], st->rng.s[2], st->rng.s[3], st->predictor_tol, st->max_step, st->corners,
                st->nloops);
        fputs("p0", f);
        for (int j = 0; j < e->m; j++) put_c(f, e->p0[j]);
        fprintf(f, "\nbase %ld", e->moves);
        for (int j = 0; j < e->m; j++) put_c(f, e->base[j]);
        fputc('\n', f);
        for (int l = 0; l < st->nloops; l++) {
            fprintf(f, "loop %zu", st->pos[l]);
            for (int j = 0; j < st->corners * e->m; j++) put_c(f, st->vertices[((size_t)l * st->corners) * e->m + j]);
            fputc('\n', f);
        }
        for (size_t i = 0; i < e->count; i++) {
            fputs("s", f);
            for (int j = 0; j < e->n; j++) put_c(f, e->x[i * (size_t)e->n + j]);
            fprintf(f, " %a %a %d\n", e->accuracy[i], e->residual[i], e->multiplicity[i]);
        }
    }
    if (e->has_paths) {
        size_t nd = 0;
        for (size_t i = 0; i < e->npaths; i++) nd += e->done[i] != 0;
        fprintf(f, "paths %d %zu %zu %" PRIx64 "\n", e->pn, e->npaths, nd, e->starts_hash);
        for (size_t i = 0; i < e->npaths; i++) {
            if (!e->done[i]) continue;
            const lcn_path_result_struct *r = &e->res[i];
            fprintf(f, "r %zu %d %d %ld %ld %ld %d %a %a %a %a", i, (int)r->status, r->winding, r->prec,
                    r->steps_accepted, r->steps_rejected, r->certified, r->accuracy, r->residual, r->cond, r->t_end);
            for (int j = 0; j < e->pn; j++) put_c(f, r->x[j]);
            fputc('\n', f);
        }
    }
    fputs("end\n", f);
}

lcn_err_t lcn_checkpoint_write(FILE *f, const lcn_checkpoint_t ck)
{
    fprintf(f, "lcncrit-checkpoint %d\nfingerprint %s\nentries %zu\n", CHECKPOINT_FORMAT, ck->fingerprint, ck->count);
    for (size_t i = 0; i < ck->count; i++) write_entry(f, ck->e[i]);
    fputs("eof\n", f);
    return ferror(f) ? LCN_ERR_IO : LCN_OK;
}

static int get_c(FILE *f, double complex *z)
{
    double re, im;
    if (fscanf(f, "%la %la", &re, &im) != 2) return -1;
    *z = CMPLX(re, im);
    return 0;
}

static int expect_word(FILE *f, const char *w)
{
    char buf[32];
    return fscanf(f, " %31s", buf) == 1 && !strcmp(buf, w) ? 0 : -1;
}

/* Sizes a checkpoint may claim: far beyond any solvable system, small enough
 * that a corrupt header cannot make us allocate gigabytes. */
#define MAX_UNKNOWNS 100000
#define MAX_POINTS ((size_t)1 << 24)
#define MAX_LOOPS 100000
#define MAX_CORNERS 64

static lcn_err_t read_entry(lcn_checkpoint_entry_struct *e, FILE *f)
{
    char word[32];
    for (;;) {
        if (fscanf(f, " %31s", word) != 1) return LCN_ERR_PARSE;
        if (!strcmp(word, "end")) return LCN_OK;
        if (!strcmp(word, "monodromy") && !e->has_mono) {
            int n, m;
            size_t count;
            long loops, paths, failures, steps;
            double secs;
            if (fscanf(f, "%d %d %zu %ld %ld %ld %ld %la", &n, &m, &count, &loops, &paths, &failures, &steps,
                       &secs) != 8)
                return LCN_ERR_PARSE;
            if (n < 1 || n > MAX_UNKNOWNS || m < 0 || m > MAX_UNKNOWNS || count > MAX_POINTS ||
                count * (size_t)n > MAX_POINTS)
                return LCN_ERR_PARSE;
            entry_alloc_mono(e, n, m, count);
            e->loops = loops;
            e->paths = paths;
            e->failures = failures;
            e->steps = steps;
            e->seconds = secs;
            lcn_monodromy_state_struct *st = &e->st;
            int K, nloops;
            if (expect_word(f, "state") ||
                fscanf(f, "%zu %d %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %la %la %d %d", &st->before,
                       &st->stall, &st->rng.s[0], &st->rng.s[1], &st->rng.s[2], &st->rng.s[3], &st->predictor_tol,
                       &st->max_step, &K, &nloops) != 10)
                return LCN_ERR_PARSE;
            if (st->before > count || K < 1 || K > MAX_CORNERS || nloops < 0 || nloops > MAX_LOOPS)
                return LCN_ERR_PARSE;
            if (expect_word(f, "p0")) return LCN_ERR_PARSE;
            for (int j = 0; j < m; j++)
                if (get_c(f, &e->p0[j])) return LCN_ERR_PARSE;
            if (expect_word(f, "base") || fscanf(f, "%ld", &e->moves) != 1 || e->moves < 0) return LCN_ERR_PARSE;
            for (int j = 0; j < m; j++)
                if (get_c(f, &e->base[j])) return LCN_ERR_PARSE;
            entry_set_loops(e, K, nloops);
            for (int l = 0; l < nloops; l++) {
                if (expect_word(f, "loop") || fscanf(f, "%zu", &st->pos[l]) != 1 || st->pos[l] > count)
                    return LCN_ERR_PARSE;
                for (int j = 0; j < K * m; j++)
                    if (get_c(f, &st->vertices[((size_t)l * K) * m + j])) return LCN_ERR_PARSE;
            }
            for (size_t i = 0; i < count; i++) {
                if (expect_word(f, "s")) return LCN_ERR_PARSE;
                for (int j = 0; j < n; j++)
                    if (get_c(f, &e->x[i * (size_t)n + j])) return LCN_ERR_PARSE;
                if (fscanf(f, "%la %la %d", &e->accuracy[i], &e->residual[i], &e->multiplicity[i]) != 3)
                    return LCN_ERR_PARSE;
            }
        } else if (!strcmp(word, "paths") && !e->has_paths) {
            int n;
            size_t np, nd;
            uint64_t h;
            if (fscanf(f, "%d %zu %zu %" SCNx64, &n, &np, &nd, &h) != 4) return LCN_ERR_PARSE;
            if (n < 1 || n > MAX_UNKNOWNS || np > MAX_POINTS || nd > np || np * (size_t)n > MAX_POINTS)
                return LCN_ERR_PARSE;
            entry_alloc_paths(e, n, np);
            e->starts_hash = h;
            for (size_t k = 0; k < nd; k++) {
                size_t i;
                int status, winding, cert;
                lcn_path_result_struct r;
                memset(&r, 0, sizeof r);
                if (expect_word(f, "r") ||
                    fscanf(f, "%zu %d %d %ld %ld %ld %d %la %la %la %la", &i, &status, &winding, &r.prec,
                           &r.steps_accepted, &r.steps_rejected, &cert, &r.accuracy, &r.residual, &r.cond,
                           &r.t_end) != 11)
                    return LCN_ERR_PARSE;
                if (i >= np || e->done[i] || status < 0 || status >= LCN_PATH_NSTATUS) return LCN_ERR_PARSE;
                r.status = (lcn_path_status_t)status;
                r.winding = winding;
                r.certified = cert;
                r.n = n;
                r.x = lcn_calloc((size_t)n, sizeof *r.x);
                e->res[i] = r;
                e->done[i] = 1;
                for (int j = 0; j < n; j++)
                    if (get_c(f, &e->res[i].x[j])) return LCN_ERR_PARSE;
            }
        } else {
            return LCN_ERR_PARSE;
        }
    }
}

lcn_err_t lcn_checkpoint_read(lcn_checkpoint_t ck, FILE *f, char *msg, size_t msglen)
{
    char line[FINGERPRINT_MAX + 64];
    int version;
    remove_entries(ck);
    if (msg && msglen) msg[0] = '\0';
    if (fscanf(f, "lcncrit-checkpoint %d", &version) != 1 || version != CHECKPOINT_FORMAT) {
        if (msg) snprintf(msg, msglen, "not a lcncrit checkpoint (format %d) file", CHECKPOINT_FORMAT);
        return LCN_ERR_PARSE;
    }
    if (expect_word(f, "fingerprint") || fgetc(f) != ' ' || !fgets(line, sizeof line, f)) {
        if (msg) snprintf(msg, msglen, "no fingerprint line");
        return LCN_ERR_PARSE;
    }
    line[strcspn(line, "\n")] = '\0';
    if (strcmp(line, ck->fingerprint)) {
        if (msg) snprintf(msg, msglen, "it belongs to another run: it was written by '%s', this run is '%s'", line,
                          ck->fingerprint);
        return LCN_ERR_ARG;
    }
    size_t count;
    if (fscanf(f, " entries %zu", &count) != 1 || count > 1000000) {
        if (msg) snprintf(msg, msglen, "no entry count");
        return LCN_ERR_PARSE;
    }
    lcn_err_t err = LCN_OK;
    for (size_t i = 0; i < count && !err; i++) {
        char key[512];
        if (expect_word(f, "entry") || fscanf(f, " %511s", key) != 1) err = LCN_ERR_PARSE;
        else err = read_entry(lcn_checkpoint_entry(ck, key), f);
    }
    /* The end marker: a file cut short (it never is after a rename, but a
     * copy can be) is refused rather than half used. */
    if (!err && expect_word(f, "eof")) err = LCN_ERR_PARSE;
    if (err) {
        if (msg) snprintf(msg, msglen, "malformed or truncated checkpoint file");
        remove_entries(ck);
    }
    return err;
}

lcn_err_t lcn_checkpoint_load(lcn_checkpoint_t ck, int *found, char *msg, size_t msglen)
{
    if (found) *found = 0;
    if (msg && msglen) msg[0] = '\0';
    FILE *f = fopen(ck->path, "r");
    if (!f) {
        if (errno == ENOENT) return LCN_OK;
        if (msg) snprintf(msg, msglen, "cannot read it: %s", strerror(errno));
        return LCN_ERR_IO;
    }
    lcn_err_t err = lcn_checkpoint_read(ck, f, msg, msglen);
    fclose(f);
    if (!err && found) *found = 1;
    return err;
}

/* The directory part of path, for the fsync that makes the rename durable. */
static void sync_dir(const char *path)
{
    char d[4096];
    snprintf(d, sizeof d, "%s", path);
    char *slash = strrchr(d, '/');
    if (slash == d) d[1] = '\0';
    else if (slash) *slash = '\0';
    else snprintf(d, sizeof d, ".");
    int fd = open(d, O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

lcn_err_t lcn_checkpoint_save(lcn_checkpoint_t ck)
{
    size_t len = strlen(ck->path) + 8;
    char *tmp = lcn_malloc(len);
    snprintf(tmp, len, "%s.tmp", ck->path);
    lcn_err_t err = LCN_OK;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        err = LCN_ERR_IO;
    } else {
        err = lcn_checkpoint_write(f, ck);
        /* The data must be on disk before the rename makes it the checkpoint. */
        if (fflush(f) || fsync(fileno(f))) err = LCN_ERR_IO;
        if (fclose(f)) err = LCN_ERR_IO;
        if (!err && rename(tmp, ck->path)) err = LCN_ERR_IO;
        if (err) remove(tmp);
        else sync_dir(ck->path);
    }
    lcn_free(tmp);
    ck->last_save = now();
    if (!err) {
        ck->saves++;
        lcn_logf(&ck->log, LCN_LOG_DEBUG, "checkpoint saved to %s", ck->path);
    }
    return err;
}

int lcn_checkpoint_poll(lcn_checkpoint_t ck)
{
    int stop = ck->stop && *ck->stop;
    if (!stop && now() - ck->last_save < ck->interval) return 0;
    lcn_err_t err = lcn_checkpoint_save(ck);
    if (err) lcn_logf(&ck->log, LCN_LOG_WARN, "cannot write the checkpoint %s: %s", ck->path, strerror(errno));
    ck->save_error = err;
    if (stop) ck->interrupted = 1;
    return stop;
}

/* ---- hooks ------------------------------------------------------------- */

/* Monodromy: keep the latest state in memory at every batch (cheap next to
 * three legs of tracking), so that any later save writes it. */
static int mono_hook(void *data, const lcn_generic_struct *g, const lcn_monodromy_state_struct *st)
{
    lcn_checkpoint_entry_struct *e = data;
    size_t N = g->sols->count;
    int n = g->n, m = g->m;
    if (!e->has_mono || e->n != n || e->m != m) {
        entry_alloc_mono(e, n, m, N);
    } else if (N != e->count) {
        size_t c = N ? N : 1;
        e->x = lcn_realloc(e->x, c * (size_t)n * sizeof *e->x);
        e->accuracy = lcn_realloc(e->accuracy, c * sizeof *e->accuracy);
        e->residual = lcn_realloc(e->residual, c * sizeof *e->residual);
        e->multiplicity = lcn_realloc(e->multiplicity, c * sizeof *e->multiplicity);
        e->count = N;
    }
    memcpy(e->p0, st->origin, (size_t)m * sizeof *e->p0);
    memcpy(e->base, g->p0, (size_t)m * sizeof *e->base);
    e->moves = g->moves;
    memcpy(e->x, g->sols->x, N * (size_t)n * sizeof *e->x);
    memcpy(e->accuracy, g->sols->accuracy, N * sizeof *e->accuracy);
    memcpy(e->residual, g->sols->residual, N * sizeof *e->residual);
    memcpy(e->multiplicity, g->sols->multiplicity, N * sizeof *e->multiplicity);
    e->loops = g->loops;
    e->paths = g->paths;
    e->failures = g->failures;
    e->steps = g->steps;
    e->seconds = g->seconds;
    double complex *v = e->st.vertices;
    size_t *pos = e->st.pos;
    e->st = *st;
    e->st.vertices = v;
    e->st.pos = pos;
    e->st.origin = e->p0;
    entry_set_loops(e, st->corners, st->nloops);
    memcpy(e->st.vertices, st->vertices, (size_t)st->nloops * (size_t)st->corners * (size_t)m * sizeof *v);
    memcpy(e->st.pos, st->pos, (size_t)st->nloops * sizeof *pos);
    return lcn_checkpoint_poll(e->ck);
}

lcn_err_t lcn_checkpoint_attach_monodromy(lcn_checkpoint_t ck, const char *key, lcn_generic_t gm,
                                          const double complex *p0, lcn_monodromy_opts_t mo)
{
    lcn_checkpoint_entry_struct *e = lcn_checkpoint_entry(ck, key);
    mo->hook = mono_hook;
    mo->hook_data = e;
    mo->resume = NULL;
    if (!e->has_mono) return LCN_OK;
    /* The fingerprint makes this rare (another build of the same version,
     * say); continuing another p0's loops would be wrong, so start afresh. */
    if (e->n != gm->n || e->m != gm->m || memcmp(e->p0, p0, (size_t)e->m * sizeof *p0)) {
        lcn_logf(&ck->log, LCN_LOG_WARN, "checkpoint: the saved monodromy of %s is for another seed pair; "
                 "starting it afresh", key);
        entry_clear_mono(e);
        return LCN_OK;
    }
    /* The set rebuilt by adding the saved points in their order is the
     * saved set: each was new when first added to the same predecessors. */
    memcpy(gm->p0, e->base, (size_t)e->m * sizeof *gm->p0);
    gm->moves = e->moves;
    lcn_solution_set_reset(gm->sols);
    for (size_t i = 0; i < e->count; i++) {
        size_t at;
        if (!lcn_solution_set_add(gm->sols, e->x + i * (size_t)e->n, e->accuracy[i], e->residual[i], 0, &at))
            return LCN_ERR_PARSE;
        gm->sols->multiplicity[at] = e->multiplicity[i];
    }
    gm->loops = e->loops;
    gm->paths = e->paths;
    gm->failures = e->failures;
    gm->steps = e->steps;
    gm->seconds = e->seconds;
    mo->resume = &e->st;
    lcn_logf(&ck->log, LCN_LOG_INFO, "checkpoint: resuming monodromy %s at loop %ld with %zu solutions", key,
             e->loops + 1, e->count);
    return LCN_OK;
}

static void copy_path(lcn_path_result_struct *dst, const lcn_path_result_struct *src)
{
    double complex *x = dst->x;
    *dst = *src;
    dst->x = x ? x : lcn_malloc_array((size_t)src->n, sizeof *x);
    memcpy(dst->x, src->x, (size_t)src->n * sizeof *x);
}

/* FNV-1a over the bytes: identifies the start points, not a security hash. */
static uint64_t hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static lcn_err_t paths_resume(void *data, lcn_result_struct *res, unsigned char *done, const double complex *starts)
{
    lcn_checkpoint_entry_struct *e = data;
    uint64_t h = hash_bytes(starts, res->npaths * (size_t)res->n * sizeof *starts);
    if (e->has_paths && (e->pn != res->n || e->npaths != res->npaths || e->starts_hash != h)) {
        lcn_logf(&e->ck->log, LCN_LOG_WARN, "checkpoint: the saved paths of %s started from other points; "
                 "tracking them afresh", e->key);
        entry_clear_paths(e);
    }
    if (!e->has_paths) {
        entry_alloc_paths(e, res->n, res->npaths);
        e->starts_hash = h;
        return LCN_OK;
    }
    size_t nd = 0;
    for (size_t i = 0; i < e->npaths; i++)
        if (e->done[i]) {
            copy_path(&res->paths[i], &e->res[i]);
            done[i] = 1;
            nd++;
        }
    lcn_logf(&e->ck->log, LCN_LOG_INFO, "checkpoint: resuming the parameter homotopy %s: %zu of %zu paths done",
             e->key, nd, e->npaths);
    return LCN_OK;
}

static int paths_batch(void *data, const lcn_result_struct *res, const unsigned char *done)
{
    lcn_checkpoint_entry_struct *e = data;
    for (size_t i = 0; i < e->npaths; i++)
        if (done[i] && !e->done[i]) {
            copy_path(&e->res[i], &res->paths[i]);
            e->done[i] = 1;
        }
    return lcn_checkpoint_poll(e->ck);
}

void lcn_checkpoint_paths_hook(lcn_critpoints_hook_struct *hook, lcn_checkpoint_t ck, const char *key)
{
    memset(hook, 0, sizeof *hook);
    hook->batch_size = ck->paths_batch;
    hook->resume = paths_resume;
    hook->batch = paths_batch;
    hook->data = lcn_checkpoint_entry(ck, key);
}
