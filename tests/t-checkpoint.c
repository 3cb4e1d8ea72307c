/* Tests of checkpoints (checkpoint.h): the file round trip is bit-exact, a
 * save is atomic (a process killed while writing leaves a complete
 * checkpoint), and a solve stopped at a batch boundary and resumed from the
 * file ends with bit-identical critical points. */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lcncrit/lcncrit.h"
#include "lcncrit/checkpoint.h"
#include "lcncrit/critpoints.h"
#include "lcncrit/critsys.h"
#include "test.h"

static void tmp_path(char *buf, size_t len, const char *name)
{
    const char *d = getenv("TMPDIR");
    snprintf(buf, len, "%s/lcn-t-checkpoint-%ld-%s", d && *d ? d : "/tmp", (long)getpid(), name);
}

/* Doubles that a text round trip could get wrong: signed zero, subnormals,
 * the extremes, infinities, and plain random ones. */
static double odd_double(lcn_rng_t rng)
{
    static const double special[] = {0.0, -0.0, 5e-324, -2.2250738585072009e-308, DBL_MAX, -DBL_MAX, INFINITY,
                                     -INFINITY, 1.0 / 3.0, 0.1};
    uint64_t r = lcn_rng_below(rng, 20);
    if (r < 10) return special[r];
    return ldexp(lcn_rng_normal(rng), (int)lcn_rng_below(rng, 200) - 100);
}

static double complex odd_complex(lcn_rng_t rng)
{
    double re = odd_double(rng), im = odd_double(rng);
    return CMPLX(re, im);
}

/* An entry with random content: a monodromy state (when mono) and a
 * parameter homotopy with some paths done (when paths). */
static void fill_entry(lcn_checkpoint_t ck, const char *key, int mono, int paths, lcn_rng_t rng)
{
    lcn_checkpoint_entry_struct *e = lcn_checkpoint_entry(ck, key);
    if (mono) {
        int n = 1 + (int)lcn_rng_below(rng, 6), m = (int)lcn_rng_below(rng, 9);
        size_t c = lcn_rng_below(rng, 40);
        e->has_mono = 1;
        e->n = n;
        e->m = m;
        e->count = c;
        e->p0 = lcn_calloc((size_t)m + 1, sizeof *e->p0);
        e->base = lcn_calloc((size_t)m + 1, sizeof *e->base);
        e->moves = (long)lcn_rng_below(rng, 3);
        e->st.m = m;
        e->st.origin = e->p0;
        int L = (int)lcn_rng_below(rng, 4), K = 2 + (int)lcn_rng_below(rng, 3);
        e->st.nloops = L;
        e->st.corners = K;
        e->st.vertices = lcn_calloc((size_t)(L * K * m) + 1, sizeof *e->st.vertices);
        e->st.pos = lcn_calloc((size_t)L + 1, sizeof *e->st.pos);
        for (int j = 0; j < m; j++) {
            e->p0[j] = odd_complex(rng);
            e->base[j] = e->moves ? odd_complex(rng) : e->p0[j];
        }
        for (int j = 0; j < L * K * m; j++) e->st.vertices[j] = odd_complex(rng);
        for (int l = 0; l < L; l++) e->st.pos[l] = c ? lcn_rng_below(rng, c + 1) : 0;
        e->x = lcn_calloc(c * (size_t)n + 1, sizeof *e->x);
        e->accuracy = lcn_calloc(c + 1, sizeof *e->accuracy);
        e->residual = lcn_calloc(c + 1, sizeof *e->residual);
        e->multiplicity = lcn_calloc(c + 1, sizeof *e->multiplicity);
        for (size_t i = 0; i < c * (size_t)n; i++) e->x[i] = odd_complex(rng);
        for (size_t i = 0; i < c; i++) {
            e->accuracy[i] = odd_double(rng);
            e->residual[i] = odd_double(rng);
            e->multiplicity[i] = 1 + (int)lcn_rng_below(rng, 5);
        }
        e->loops = (long)lcn_rng_below(rng, 100);
        e->paths = (long)lcn_rng_below(rng, 1000000);
        e->failures = (long)lcn_rng_below(rng, 1000);
        e->steps = (long)lcn_rng_u64(rng) >> 2;
        e->seconds = odd_double(rng);
        e->st.before = c ? lcn_rng_below(rng, c + 1) : 0;
        e->st.stall = (int)lcn_rng_below(rng, 5);
        for (int j = 0; j < 4; j++) e->st.rng.s[j] = lcn_rng_u64(rng);
        e->st.predictor_tol = odd_double(rng);
        e->st.max_step = odd_double(rng);
    }
    if (paths) {
        int n = 1 + (int)lcn_rng_below(rng, 6);
        size_t np = lcn_rng_below(rng, 30);
        e->has_paths = 1;
        e->pn = n;
        e->npaths = np;
        e->starts_hash = lcn_rng_u64(rng);
        e->done = lcn_calloc(np + 1, 1);
        e->res = lcn_calloc(np + 1, sizeof *e->res);
        for (size_t i = 0; i < np; i++) {
            if (lcn_rng_below(rng, 3) == 0) continue;
            lcn_path_result_struct *r = &e->res[i];
            e->done[i] = 1;
            r->n = n;
            r->x = lcn_calloc((size_t)n, sizeof *r->x);
            for (int j = 0; j < n; j++) r->x[j] = odd_complex(rng);
            r->status = (lcn_path_status_t)lcn_rng_below(rng, LCN_PATH_NSTATUS);
            r->accuracy = odd_double(rng);
            r->residual = odd_double(rng);
            r->cond = odd_double(rng);
            r->prec = 53 + (long)lcn_rng_below(rng, 500);
            r->steps_accepted = (long)lcn_rng_below(rng, 100000);
            r->steps_rejected = (long)lcn_rng_below(rng, 100000);
            r->winding = 1 + (int)lcn_rng_below(rng, 16);
            r->certified = (int)lcn_rng_below(rng, 2);
            r->t_end = odd_double(rng);
        }
    }
}

/* The wall time is the one number a resumed run legitimately changes. */
static int ignore_seconds = 0;

static int same_bits(const void *a, const void *b, size_t len)
{
    return len == 0 || memcmp(a, b, len) == 0;
}

/* Bit-for-bit equality of two entries; prints the first difference. */
static int entries_equal(const lcn_checkpoint_entry_struct *a, const lcn_checkpoint_entry_struct *b)
{
#define DIFF(cond, what)                                            \
    do {                                                            \
        if (!(cond)) {                                              \
            fprintf(stderr, "entry %s: %s differs\n", a->key, what); \
            return 0;                                               \
        }                                                           \
    } while (0)
    DIFF(!strcmp(a->key, b->key), "key");
    DIFF(a->has_mono == b->has_mono && a->has_paths == b->has_paths, "sections");
    if (a->has_mono) {
        size_t m = (size_t)a->m, nc = a->count * (size_t)a->n;
        DIFF(a->n == b->n && a->m == b->m && a->count == b->count, "sizes");
        DIFF(same_bits(a->p0, b->p0, m * sizeof *a->p0), "p0");
        DIFF(a->moves == b->moves && same_bits(a->base, b->base, m * sizeof *a->base), "base point");
        size_t L = (size_t)a->st.nloops, K = (size_t)a->st.corners;
        DIFF(a->st.nloops == b->st.nloops && a->st.corners == b->st.corners &&
                 same_bits(a->st.vertices, b->st.vertices, L * K * m * sizeof *a->p0) &&
                 same_bits(a->st.pos, b->st.pos, L * sizeof *a->st.pos),
             "loops");
        DIFF(same_bits(a->x, b->x, nc * sizeof *a->x), "solutions");
        DIFF(same_bits(a->accuracy, b->accuracy, a->count * sizeof(double)) &&
                 same_bits(a->residual, b->residual, a->count * sizeof(double)) &&
                 same_bits(a->multiplicity, b->multiplicity, a->count * sizeof(int)),
             "accuracy/residual/multiplicity");
        DIFF(a->loops == b->loops && a->paths == b->paths && a->failures == b->failures && a->steps == b->steps &&
                 (ignore_seconds || same_bits(&a->seconds, &b->seconds, sizeof(double))),
             "counters");
        DIFF(a->st.m == b->st.m && a->st.before == b->st.before &&
                 a->st.stall == b->st.stall && same_bits(&a->st.rng, &b->st.rng, sizeof a->st.rng) &&
                 same_bits(&a->st.predictor_tol, &b->st.predictor_tol, sizeof(double)) &&
                 same_bits(&a->st.max_step, &b->st.max_step, sizeof(double)),
             "state");
    }
    if (a->has_paths) {
        DIFF(a->pn == b->pn && a->npaths == b->npaths && a->starts_hash == b->starts_hash, "path sizes");
        DIFF(same_bits(a->done, b->done, a->npaths), "done flags");
        for (size_t i = 0; i < a->npaths; i++) {
            if (!a->done[i]) continue;
            const lcn_path_result_struct *r = &a->res[i], *s = &b->res[i];
            DIFF(r->status == s->status && r->n == s->n && r->prec == s->prec &&
                     r->steps_accepted == s->steps_accepted && r->steps_rejected == s->steps_rejected &&
                     r->winding == s->winding && r->certified == s->certified,
                 "path fields");
            DIFF(same_bits(&r->accuracy, &s->accuracy, sizeof(double)) &&
                     same_bits(&r->residual, &s->residual, sizeof(double)) &&
                     same_bits(&r->cond, &s->cond, sizeof(double)) && same_bits(&r->t_end, &s->t_end, sizeof(double)),
                 "path numbers");
            DIFF(same_bits(r->x, s->x, (size_t)r->n * sizeof *r->x), "path endpoint");
        }
    }
    return 1;
#undef DIFF
}

static int checkpoints_equal(const lcn_checkpoint_t a, const lcn_checkpoint_t b)
{
    if (a->count != b->count) {
        fprintf(stderr, "%zu entries against %zu\n", a->count, b->count);
        return 0;
    }
    for (size_t i = 0; i < a->count; i++)
        if (!entries_equal(a->e[i], b->e[i])) return 0;
    return 1;
}

static void random_checkpoint(lcn_checkpoint_t ck, lcn_rng_t rng, int nentries)
{
    for (int i = 0; i < nentries; i++) {
        char key[64];
        snprintf(key, sizeof key, "segre-3.%d-s2.1-c%d-seed%d-v0.1.0-f2", i + 2, i, i + 1);
        int which = (int)lcn_rng_below(rng, 3);
        fill_entry(ck, key, which != 1, which != 0, rng);
    }
}

/* save then load gives the same entries, bit for bit; writing the loaded
 * checkpoint gives the same text. */
static void test_roundtrip(void)
{
    char path[512];
    tmp_path(path, sizeof path, "roundtrip");
    for (long it = 0; it < 20 * lcn_test_multiplier(); it++) {
        lcn_rng_t rng;
        lcn_rng_init(rng, lcn_test_seed(), (uint64_t)it);
        lcn_checkpoint_t a, b;
        lcn_checkpoint_init(a, path, "lcncrit test fingerprint with spaces, k=3,4");
        lcn_checkpoint_init(b, path, "lcncrit test fingerprint with spaces, k=3,4");
        random_checkpoint(a, rng, (int)lcn_rng_below(rng, 4));
        CHECK(lcn_checkpoint_save(a) == LCN_OK, "iteration %ld: save", it);
        int found = 0;
        char msg[512];
        lcn_err_t err = lcn_checkpoint_load(b, &found, msg, sizeof msg);
        CHECK(err == LCN_OK && found, "iteration %ld: load: %d (%s)", it, (int)err, msg);
        CHECK(checkpoints_equal(a, b), "iteration %ld: loaded checkpoint differs", it);
        char *ta = NULL, *tb = NULL;
        size_t la = 0, lb = 0;
        FILE *fa = open_memstream(&ta, &la), *fb = open_memstream(&tb, &lb);
        CHECK(lcn_checkpoint_write(fa, a) == LCN_OK && lcn_checkpoint_write(fb, b) == LCN_OK, "write");
        fclose(fa);
        fclose(fb);
        CHECK(la == lb && !memcmp(ta, tb, la), "iteration %ld: text of the reloaded checkpoint differs", it);
        free(ta);
        free(tb);
        lcn_checkpoint_clear(a);
        lcn_checkpoint_clear(b);
    }
    remove(path);
}

static int load_equals(const char *path, const char *fp, const lcn_checkpoint_t want1, const lcn_checkpoint_t want2)
{
    lcn_checkpoint_t r;
    lcn_checkpoint_init(r, path, fp);
    int found = 0, ok = lcn_checkpoint_load(r, &found, NULL, 0) == LCN_OK && found;
    if (ok) ok = checkpoints_equal(r, want1) || (want2 && checkpoints_equal(r, want2));
    lcn_checkpoint_clear(r);
    return ok;
}

/* Atomicity: a writer killed (SIGKILL) at random moments while it saves
 * two large checkpoints in turn always leaves one of them, complete, at
 * FILE; a stale FILE.tmp is ignored; a failed save leaves FILE as it was;
 * other runs' and damaged files are refused. */
static void test_atomic(void)
{
    char path[512], tmp[600];
    tmp_path(path, sizeof path, "atomic");
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    const char *fp = "lcncrit test atomic";
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 1000);
    lcn_checkpoint_t A, B;
    lcn_checkpoint_init(A, path, fp);
    lcn_checkpoint_init(B, path, fp);
    /* Large enough (a few MB) that a write takes a while and kills land in it. */
    for (int i = 0; i < 40; i++) {
        char key[32];
        snprintf(key, sizeof key, "big-%d", i);
        fill_entry(i % 2 ? A : B, key, 1, 1, rng);
    }
    random_checkpoint(A, rng, 3);
    CHECK(lcn_checkpoint_save(A) == LCN_OK, "first save");
    CHECK(access(tmp, F_OK) != 0, "%s left behind by a successful save", tmp);

    int rounds = (int)(12 * lcn_test_multiplier()), interrupted_writes = 0;
    for (int r = 0; r < rounds; r++) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            for (;;) {
                if (lcn_checkpoint_save(B)) _exit(3);
                if (lcn_checkpoint_save(A)) _exit(3);
            }
        }
        CHECK(pid > 0, "fork");
        if (pid <= 0) break;
        struct timespec ts = {0, (long)(1000000 + lcn_rng_below(rng, 30000000))};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "round %d: the writer ended by itself (%d)", r,
              status);
        interrupted_writes += access(tmp, F_OK) == 0;
        CHECK(load_equals(path, fp, A, B), "round %d: the checkpoint after SIGKILL is neither A nor B", r);
    }
    /* Not a check: how often a kill landed inside a write (FILE.tmp left). */
    fprintf(stderr, "atomic: %d of %d kills left a partial %s\n", interrupted_writes, rounds, tmp);

    /* A stale, partial FILE.tmp does not disturb loading or saving. */
    CHECK(lcn_checkpoint_save(A) == LCN_OK, "save A");
    FILE *f = fopen(tmp, "w");
    fputs("lcncrit-checkpoint 1\nfingerprint lcncrit test atomic\nentries 3\nentry x\nmono", f);
    fclose(f);
    CHECK(load_equals(path, fp, A, NULL), "a stale .tmp changed what is loaded");
    CHECK(lcn_checkpoint_save(B) == LCN_OK && load_equals(path, fp, B, NULL), "save over a stale .tmp");

    /* A save that cannot be done leaves the old file. */
    char bad[700];
    snprintf(bad, sizeof bad, "%s.no-such-dir/ck", path);
    lcn_checkpoint_t C;
    lcn_checkpoint_init(C, bad, fp);
    random_checkpoint(C, rng, 2);
    CHECK(lcn_checkpoint_save(C) == LCN_ERR_IO, "save into a missing directory");
    lcn_checkpoint_clear(C);
    CHECK(load_equals(path, fp, B, NULL), "FILE changed");

    /* Another run's file, a truncated file, garbage, a missing file. */
    lcn_checkpoint_t D;
    char msg[9000];
    int found = 1;
    lcn_checkpoint_init(D, path, "lcncrit another run");
    CHECK(lcn_checkpoint_load(D, &found, msg, sizeof msg) == LCN_ERR_ARG && D->count == 0,
          "another run's checkpoint accepted");
    CHECK(strstr(msg, "another run") != NULL, "message '%s'", msg);
    lcn_checkpoint_clear(D);
    char *text = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&text, &len);
    CHECK(lcn_checkpoint_write(mf, B) == LCN_OK, "write");
    fclose(mf);
    size_t cuts[] = {0, 10, len / 3, len / 2, len - 5};
    for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
        f = fopen(path, "w");
        fwrite(text, 1, cuts[c], f);
        fclose(f);
        lcn_checkpoint_init(D, path, fp);
        lcn_err_t err = lcn_checkpoint_load(D, &found, msg, sizeof msg);
        CHECK(err == LCN_ERR_PARSE && D->count == 0, "file cut at %zu of %zu bytes: %d, %zu entries", cuts[c], len,
              (int)err, D->count);
        lcn_checkpoint_clear(D);
    }
    free(text);
    remove(path);
    remove(tmp);
    lcn_checkpoint_init(D, path, fp);
    CHECK(lcn_checkpoint_load(D, &found, msg, sizeof msg) == LCN_OK && !found, "a missing file is a fresh run");
    lcn_checkpoint_clear(D);
    lcn_checkpoint_clear(A);
    lcn_checkpoint_clear(B);
}

/* ---- resume ----------------------------------------------------------- */

/* Counts the saves (the DEBUG line of every save) and raises the stop
 * flag after the stop_at-th one, as a signal handler would. */
typedef struct {
    long saves, stop_at;
    volatile sig_atomic_t flag;
} stopper;

/* The monodromy's base-point moves seen so far (its log), and the save
 * that first followed one (-1: none yet). */
static long moves_seen, first_save_after_move = -1;

static void count_moves(void *data, lcn_log_level_t level, const char *line)
{
    (void)data;
    (void)level;
    if (strstr(line, "to a new base point")) moves_seen++;
}

static void count_saves(void *data, lcn_log_level_t level, const char *line)
{
    stopper *s = data;
    (void)level;
    if (strncmp(line, "checkpoint saved", 16)) return;
    if (++s->saves == s->stop_at) s->flag = 1;
    if (moves_seen > 0 && first_save_after_move < 0) first_save_after_move = s->saves;
}

static lcn_err_t solve(lcn_critpoints_t cp, const lcn_critsys_t cs, const double complex *p1, lcn_checkpoint_struct *ck,
                       int threads, uint64_t seed)
{
    lcn_monodromy_opts_t mo;
    lcn_monodromy_opts_init(mo);
    mo->seed = seed;
    mo->track.seed = seed;
    mo->track.threads = threads;
    mo->checkpoint = ck;
    mo->log.fn = count_moves;
    mo->log.max_level = LCN_LOG_INFO;
    lcn_solve_opts_t so;
    *so = mo->track;
    so->log.fn = NULL;
    return lcn_critpoints_solve_all(cp, cs, p1, "none", mo, so, NULL, NULL);
}

static int critpoints_equal(const lcn_critpoints_t a, const lcn_critpoints_t b, int n, int k)
{
    if (a->count != b->count || a->nreal != b->nreal || a->tracked != b->tracked || a->finite != b->finite ||
        a->at_infinity != b->at_infinity || a->singular != b->singular || a->failed != b->failed ||
        a->degenerate != b->degenerate)
        return 0;
    for (size_t i = 0; i < a->count; i++) {
        const lcn_critpoint_struct *p = &a->pts[i], *q = &b->pts[i];
        if (memcmp(p->theta, q->theta, (size_t)n * sizeof *p->theta) || memcmp(p->w, q->w, (size_t)k * sizeof *p->w) ||
            memcmp(&p->loss, &q->loss, sizeof p->loss) || memcmp(&p->residual, &q->residual, sizeof p->residual) ||
            memcmp(&p->accuracy, &q->accuracy, sizeof p->accuracy) || p->real != q->real ||
            p->multiplicity != q->multiplicity)
            return 0;
    }
    return 1;
}

/* A solve stopped at a batch boundary (of the monodromy or of the parameter
 * homotopy), saved, and resumed from the file (with another thread count)
 * ends with the same critical points, bit for bit, as an uninterrupted one.
 * want_move: the monodromy of this seed moves its base point (a stop just
 * after the move is then among the stops). */
static void resume_case(uint64_t seed, int want_move)
{
    int k23[] = {2, 3}, s21[] = {2, 1};
    lcn_critsys_t cs;
    CHECK(lcn_critsys_init_segre(cs, k23, s21, 2, seed) == LCN_OK, "segre (2,3)");
    lcn_rng_t rng;
    lcn_rng_init(rng, lcn_test_seed(), 7);
    double complex *p1 = lcn_malloc_array((size_t)cs->m, sizeof *p1);
    lcn_critsys_random_params(p1, cs, rng);
    char path[512];
    tmp_path(path, sizeof path, "resume");
    const char *fp = "lcncrit test resume segre 2,3";

    lcn_critpoints_t ref;
    lcn_critpoints_init(ref);
    moves_seen = 0;
    CHECK(solve(ref, cs, p1, NULL, 2, seed) == LCN_OK, "uninterrupted solve");
    CHECK(want_move == (moves_seen > 0), "seed %llu: %ld base-point moves; the test wants %s",
          (unsigned long long)seed, moves_seen, want_move ? "some" : "none");
    CHECK(ref->count == 10, "segre (2,3): %zu points, want the 10 of Shahverdi Table 3", ref->count);

    /* The batch boundaries of this solve: one save at each (interval 0). */
    lcn_checkpoint_t ck;
    lcn_checkpoint_init(ck, path, fp);
    ck->interval = 0;
    ck->paths_batch = 3;
    stopper counter = {0, -1, 0};
    ck->log.fn = count_saves;
    ck->log.data = &counter;
    ck->log.max_level = LCN_LOG_DEBUG;
    lcn_critpoints_t cp;
    lcn_critpoints_init(cp);
    moves_seen = 0;
    first_save_after_move = -1;
    CHECK(solve(cp, cs, p1, ck, 2, seed) == LCN_OK, "checkpointed solve");
    CHECK(critpoints_equal(cp, ref, cs->n, cs->k), "a checkpointed solve differs from a plain one");
    long total = counter.saves, npb = (10 + 2) / 3;
    CHECK(total > npb + 2, "only %ld batch boundaries", total);
    lcn_critpoints_clear(cp);
    /* Its final state (monodromy: loops, legs, steps, the solutions in their
     * order, rng, step control; every path result): a resumed solve must
     * reach exactly this, not merely the same sorted points. */
    lcn_checkpoint_t full;
    *full = *ck;
    ck->count = 0;
    ck->e = NULL;
    lcn_checkpoint_clear(ck);

    /* Stop after save j: early and late in the monodromy, in the middle of
     * the parameter homotopy, after its last batch. */
    long stops[] = {1, total / 3, total - npb - 1, total - npb / 2, total - 1, want_move ? first_save_after_move : 1};
    for (size_t s = 0; s < sizeof stops / sizeof *stops; s++) {
        long j = stops[s];
        remove(path);
        lcn_checkpoint_init(ck, path, fp);
        ck->interval = 0;
        ck->paths_batch = 3;
        stopper st = {0, j, 0};
        ck->stop = &st.flag;
        ck->log.fn = count_saves;
        ck->log.data = &st;
        ck->log.max_level = LCN_LOG_DEBUG;
        lcn_critpoints_init(cp);
        lcn_err_t err = solve(cp, cs, p1, ck, 2, seed);
        CHECK(err == LCN_ERR_INTERRUPTED && ck->interrupted, "stop after save %ld of %ld: %d", j, total, (int)err);
        lcn_critpoints_clear(cp);
        lcn_checkpoint_clear(ck);

        lcn_checkpoint_init(ck, path, fp);
        ck->interval = 3600;
        int found = 0;
        CHECK(lcn_checkpoint_load(ck, &found, NULL, 0) == LCN_OK && found, "load after stop %ld", j);
        lcn_critpoints_init(cp);
        CHECK(solve(cp, cs, p1, ck, 1, seed) == LCN_OK, "resume after save %ld", j);
        CHECK(critpoints_equal(cp, ref, cs->n, cs->k), "resumed after save %ld of %ld: %zu points, differs from the "
              "uninterrupted solve", j, total, cp->count);
        ignore_seconds = 1;
        CHECK(checkpoints_equal(ck, full), "resumed after save %ld of %ld: the final monodromy or path state differs",
              j, total);
        ignore_seconds = 0;
        lcn_critpoints_clear(cp);
        lcn_checkpoint_clear(ck);
    }
    remove(path);
    full->path = full->fingerprint = NULL;
    lcn_checkpoint_clear(full);
    lcn_critpoints_clear(ref);
    lcn_free(p1);
    lcn_critsys_clear(cs);
}

static void test_resume(void)
{
    resume_case(5, 0);
}

/* Seed 27: the first three loops fix the seed pair's solution, and the
 * base point moves once (monodromy.h). */
static void test_resume_moved(void)
{
    resume_case(27, 1);
}

int main(int argc, char **argv)
{
    static const lcn_test_case cases[] = {
        {"checkpoint_roundtrip", test_roundtrip},
        {"checkpoint_atomic", test_atomic},
        {"checkpoint_resume", test_resume},
        {"checkpoint_resume_moved", test_resume_moved},
    };
    return lcn_test_main(argc, argv, cases, sizeof cases / sizeof *cases);
}
