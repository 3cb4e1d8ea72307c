/* Balls into bins (KMMT22 §5.1): compatibility and the count N(λ). */
#include <string.h>
#include "lcncrit/compat.h"

/* A memo of search states. How the remaining colours can be placed depends
 * only on the position in the colour order and on the multiset of remaining
 * bin capacities (bins are interchangeable apart from their room), so states
 * are keyed by (pos, room sorted non-increasingly). Without it the searches
 * are exponential in the number of colours (λ = (1^24) into six bins of
 * size 4 has 24!/(4!)^6 placements). */
typedef struct {
    int pos;
    int room[LCN_ARCH_MAX_LAYERS];
    uint64_t val;
    int used;
} memo_entry;

typedef struct {
    memo_entry *e;
    size_t cap, n;
    int nbins;
} memo_t;

static void memo_init(memo_t *m, int nbins)
{
    m->cap = 1024;
    m->n = 0;
    m->nbins = nbins;
    m->e = lcn_calloc(m->cap, sizeof *m->e);
}

static void memo_clear(memo_t *m) { lcn_free(m->e); }

static size_t memo_hash(const memo_t *m, int pos, const int *room)
{
    uint64_t h = 1469598103934665603u ^ (uint64_t)pos;
    for (int l = 0; l < m->nbins; l++) h = (h ^ (uint64_t)(unsigned)room[l]) * 1099511628211u;
    return (size_t)(h ^ (h >> 29));
}

static memo_entry *memo_find(memo_t *m, int pos, const int *room)
{
    size_t i = memo_hash(m, pos, room) & (m->cap - 1);
    while (m->e[i].used) {
        if (m->e[i].pos == pos && !memcmp(m->e[i].room, room, (size_t)m->nbins * sizeof *room)) return &m->e[i];
        i = (i + 1) & (m->cap - 1);
    }
    return &m->e[i]; /* an unused slot */
}

static void memo_put(memo_t *m, int pos, const int *room, uint64_t val)
{
    if (2 * (m->n + 1) > m->cap) { /* grow and rehash */
        memo_entry *old = m->e;
        size_t oc = m->cap;
        m->cap *= 2;
        m->e = lcn_calloc(m->cap, sizeof *m->e);
        for (size_t i = 0; i < oc; i++)
            if (old[i].used) *memo_find(m, old[i].pos, old[i].room) = old[i];
        lcn_free(old);
    }
    memo_entry *e = memo_find(m, pos, room);
    if (!e->used) m->n++;
    e->used = 1;
    e->pos = pos;
    memcpy(e->room, room, (size_t)m->nbins * sizeof *room);
    e->val = val;
}

static void sorted_room(int *out, const int *room, int nbins)
{
    memcpy(out, room, (size_t)nbins * sizeof *out);
    for (int i = 1; i < nbins; i++) {
        int v = out[i], j = i;
        while (j > 0 && out[j - 1] < v) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = v;
    }
}

static int place_colour(memo_t *dead, int *a, const int *order, int pos, const int *count, const int *size, int ncol,
                        int *room, int nbins, int need_total);

/* Depth-first search over colours, largest balls and largest counts first
 * (they are the most constrained, which prunes early). For each colour choose
 * a set of count[i] distinct bins that still have room. */
static int place_rec(memo_t *dead, int *a, const int *order, int pos, const int *count, const int *size, int ncol,
                     int *room, int nbins, int need_total)
{
    if (pos == ncol) return need_total == 0;
    int key[LCN_ARCH_MAX_LAYERS];
    sorted_room(key, room, nbins);
    if (memo_find(dead, pos, key)->used) return 0; /* known to fail */
    int ok = place_colour(dead, a, order, pos, count, size, ncol, room, nbins, need_total);
    if (!ok) memo_put(dead, pos, key, 0);
    return ok;
}

static int place_colour(memo_t *dead, int *a, const int *order, int pos, const int *count, const int *size, int ncol,
                        int *room, int nbins, int need_total)
{
    int i = order[pos];
    /* choose count[i] bins among those with room >= size[i], in increasing
     * bin order, by an explicit combination stack */
    int idx[LCN_ARCH_MAX_LAYERS];
    int m = count[i], depth = 0;
    if (m == 0) return place_rec(dead, a, order, pos + 1, count, size, ncol, room, nbins, need_total);
    if (m > nbins) return 0;
    idx[0] = -1;
    while (depth >= 0) {
        /* advance the choice at this depth */
        int l = idx[depth] + 1;
        if (depth > 0 && l <= idx[depth - 1]) l = idx[depth - 1] + 1;
        if (idx[depth] >= 0) {
            room[idx[depth]] += size[i];
            if (a) a[i * nbins + idx[depth]] = 0;
        }
        while (l < nbins && room[l] < size[i]) l++;
        if (l + (m - depth) > nbins) { /* not enough bins left */
            idx[depth] = -1;
            depth--;
            continue;
        }
        idx[depth] = l;
        room[l] -= size[i];
        if (a) a[i * nbins + l] = 1;
        if (depth == m - 1) {
            if (place_rec(dead, a, order, pos + 1, count, size, ncol, room, nbins, need_total - m * size[i])) return 1;
        } else {
            depth++;
            idx[depth] = -1;
        }
    }
    return 0;
}

int _lcn_compat_place(int *a, const int *count, const int *size, int ncol, const int *cap, int nbins)
{
    int room[LCN_ARCH_MAX_LAYERS], total = 0, need = 0;
    LCN_ASSERT(nbins <= LCN_ARCH_MAX_LAYERS);
    for (int l = 0; l < nbins; l++) {
        room[l] = cap[l];
        total += cap[l];
    }
    for (int i = 0; i < ncol; i++) need += count[i] * size[i];
    if (need != total) return 0;
    if (a) memset(a, 0, (size_t)ncol * (size_t)nbins * sizeof *a);
    int *order = lcn_malloc_array((size_t)(ncol ? ncol : 1), sizeof *order);
    for (int i = 0; i < ncol; i++) order[i] = i;
    for (int i = 1; i < ncol; i++) { /* insertion sort: size desc, count desc */
        int v = order[i], j = i;
        while (j > 0 && (size[order[j - 1]] < size[v] ||
                         (size[order[j - 1]] == size[v] && count[order[j - 1]] < count[v]))) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
    memo_t dead;
    memo_init(&dead, nbins);
    int ok = place_rec(&dead, a, order, 0, count, size, ncol, room, nbins, total);
    memo_clear(&dead);
    lcn_free(order);
    return ok;
}

static int bins_of(int *cap, const lcn_arch_t arch, int n)
{
    if (arch->L < 1 || !arch->stride_one) return LCN_ERR_ARG;
    if (n != arch->kend - 1) return LCN_ERR_ARG;
    for (int l = 0; l < arch->L; l++) cap[l] = arch->k[l] - 1;
    return arch->L;
}

static int real_place(int *a, const lcn_rrmp_t x, const lcn_arch_t arch)
{
    int cap[LCN_ARCH_MAX_LAYERS];
    int nb = bins_of(cap, arch, x->n);
    if (nb < 0) return nb;
    int ncol = x->r + x->c;
    int *count = lcn_malloc_array((size_t)(ncol + 1), sizeof *count);
    int *size = lcn_malloc_array((size_t)(ncol + 1), sizeof *size);
    for (int i = 0; i < x->r; i++) {
        count[i] = x->rho[i];
        size[i] = 1;
    }
    for (int j = 0; j < x->c; j++) {
        count[x->r + j] = x->gamma[j];
        size[x->r + j] = 2;
    }
    int ok = _lcn_compat_place(a, count, size, ncol, cap, nb);
    lcn_free(size);
    lcn_free(count);
    return ok;
}

int lcn_compat_real(const lcn_rrmp_t x, const lcn_arch_t arch) { return real_place(NULL, x, arch); }

int lcn_compat_real_witness(char *buf, size_t len, const lcn_rrmp_t x, const lcn_arch_t arch)
{
    int ncol = x->r + x->c, L = arch->L;
    int *a = lcn_calloc((size_t)(ncol + 1) * (size_t)(L > 0 ? L : 1), sizeof *a);
    int ok = real_place(a, x, arch);
    if (len) buf[0] = '\0';
    if (ok == 1) {
        size_t pos = 0;
        for (int l = 0; l < L; l++) {
            int any = 0;
            if (l > 0 && pos + 1 < len) buf[pos++] = '*';
            for (int i = 0; i < ncol; i++) {
                if (!a[i * L + l]) continue;
                int m = i < x->r ? snprintf(buf + pos, len > pos ? len - pos : 0, "p%d", i + 1)
                                 : snprintf(buf + pos, len > pos ? len - pos : 0, "q%d", i - x->r + 1);
                pos = pos + (size_t)m < len ? pos + (size_t)m : (len ? len - 1 : 0);
                any = 1;
            }
            if (!any && pos + 1 < len) buf[pos++] = '1';
            if (len) buf[pos < len ? pos : len - 1] = '\0';
        }
    } else if (ok == 0 && len > 1) {
        buf[0] = '-';
        buf[1] = '\0';
    }
    lcn_free(a);
    return ok;
}

int lcn_compat_complex(const int *lambda, int r, const lcn_arch_t arch)
{
    int cap[LCN_ARCH_MAX_LAYERS], n = 0;
    for (int i = 0; i < r; i++) {
        if (lambda[i] < 1) return LCN_ERR_ARG;
        n += lambda[i];
    }
    int nb = bins_of(cap, arch, n);
    if (nb < 0) return nb;
    int *size = lcn_malloc_array((size_t)(r + 1), sizeof *size);
    for (int i = 0; i < r; i++) size[i] = 1;
    int ok = _lcn_compat_place(NULL, lambda, size, r, cap, nb);
    lcn_free(size);
    return ok;
}

/* Counting. The number of ways to place the remaining colours depends only
 * on the multiset of remaining bin capacities, so bins with equal room are
 * grouped: a colour with m balls picks j_g bins from group g (Σ j_g = m) in
 * Π binom(size_g, j_g) ways. */
typedef struct {
    const int *lambda;
    int r;
    long nodes;
    int overflow;
    memo_t memo;
} count_ctx;

#define COUNT_NODE_LIMIT 20000000L

static uint64_t binom_u64(int n, int k)
{
    uint64_t b = 1;
    for (int i = 1; i <= k; i++) b = b * (uint64_t)(n - k + i) / (uint64_t)i; /* exact: b·(n-k+i) = i·binom(n-k+i, i) */
    return b;
}

static uint64_t count_rec(count_ctx *ctx, int pos, const int *room, int nbins);

/* choose j_g for groups g >= gi, m balls left to place */
static uint64_t count_groups(count_ctx *ctx, int pos, int *room, int nbins, const int *gval, const int *gsize,
                             int ng, int gi, int m, uint64_t mult, const int *gstart)
{
    if (ctx->overflow) return 0;
    if (m == 0) {
        uint64_t rest = count_rec(ctx, pos + 1, room, nbins);
        uint64_t out;
        if (__builtin_mul_overflow(rest, mult, &out)) {
            ctx->overflow = 1;
            return 0;
        }
        return out;
    }
    if (gi == ng) return 0;
    uint64_t total = 0;
    int avail = gval[gi] >= 1 ? gsize[gi] : 0;
    for (int j = 0; j <= avail && j <= m; j++) {
        /* take the first j bins of the group (room sorted, so any j of them
         * leave the same multiset) */
        for (int t = 0; t < j; t++) room[gstart[gi] + t]--;
        uint64_t b = binom_u64(gsize[gi], j), mm, sub;
        if (__builtin_mul_overflow(mult, b, &mm)) {
            ctx->overflow = 1;
        } else {
            sub = count_groups(ctx, pos, room, nbins, gval, gsize, ng, gi + 1, m - j, mm, gstart);
            if (__builtin_add_overflow(total, sub, &total)) ctx->overflow = 1;
        }
        for (int t = 0; t < j; t++) room[gstart[gi] + t]++;
        if (ctx->overflow) return 0;
    }
    return total;
}

static uint64_t count_rec(count_ctx *ctx, int pos, const int *room_in, int nbins)
{
    if (++ctx->nodes > COUNT_NODE_LIMIT) ctx->overflow = 1;
    if (ctx->overflow) return 0;
    if (pos == ctx->r) {
        for (int l = 0; l < nbins; l++)
            if (room_in[l]) return 0;
        return 1;
    }
    int room[LCN_ARCH_MAX_LAYERS], gval[LCN_ARCH_MAX_LAYERS], gsize[LCN_ARCH_MAX_LAYERS],
        gstart[LCN_ARCH_MAX_LAYERS], ng = 0;
    sorted_room(room, room_in, nbins);
    memo_entry *e = memo_find(&ctx->memo, pos, room);
    if (e->used) return e->val;
    for (int l = 0; l < nbins; l++) {
        if (ng > 0 && gval[ng - 1] == room[l]) {
            gsize[ng - 1]++;
        } else {
            gval[ng] = room[l];
            gsize[ng] = 1;
            gstart[ng] = l;
            ng++;
        }
    }
    int key[LCN_ARCH_MAX_LAYERS];
    memcpy(key, room, sizeof key);
    uint64_t v = count_groups(ctx, pos, room, nbins, gval, gsize, ng, 0, ctx->lambda[pos], 1, gstart);
    if (!ctx->overflow) memo_put(&ctx->memo, pos, key, v);
    return v;
}

lcn_err_t lcn_compat_count(uint64_t *N, const int *lambda, int r, const lcn_arch_t arch)
{
    int cap[LCN_ARCH_MAX_LAYERS], n = 0;
    for (int i = 0; i < r; i++) {
        if (lambda[i] < 1) return LCN_ERR_ARG;
        n += lambda[i];
    }
    int nb = bins_of(cap, arch, n);
    if (nb < 0) return (lcn_err_t)nb;
    count_ctx ctx = {lambda, r, 0, 0, {NULL, 0, 0, 0}};
    memo_init(&ctx.memo, nb);
    uint64_t v = count_rec(&ctx, 0, cap, nb);
    memo_clear(&ctx.memo);
    if (ctx.overflow) return LCN_ERR_LIMIT;
    *N = v;
    return LCN_OK;
}
