/* Monodromy loops from shared edges, against the independent triangles of
 * monodromy.c, on the whole generic solution set of the Segre system
 * (k1,k2), s = (2,1):
 *   edges: the set carried from b0 to one other point c along E circular
 *          arcs (gamma = exp(i φ_e)); loop e = arc e out, arc 0 back;
 *   graph (--nodes V): the complete graph on b0 and V - 1 random nodes,
 *          straight edges, activated one at a time (as HomotopyContinuation.jl
 *          grows its graph): each edge's bijection is measured once;
 *   triangles (--triangles L): L loops b0 -> c1 -> c2 -> b0.
 * Prints each loop's fixed fraction, then replays the strategies on the
 * measured permutations from several starting solutions: the legs each
 * takes to find the whole set (-1 edges/loops: it never does).
 *
 * Usage: build/bench/bench-edges K1 K2 [--edges E] [--nodes V] [--triangles L]
 *            [--phi A] [--cache DIR] [--threads T] [--seed S] [--trials R] */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bench-generic.h"

/* Track the N points x from pa to pb; the index of each end in set (added
 * when new), -1 for a failed path; returns the steps. */
static long carry(long *to, lcn_solution_set_t set, const double complex *x, size_t N, const lcn_critsys_t cs,
                  const double complex *pa, const double complex *pb, double complex gamma, const lcn_solve_opts_t so)
{
    lcn_result_t r;
    lcn_result_init(r);
    long steps = 0;
    if (lcn_solve_parameter(r, cs->msys, pa, pb, gamma, x, N, so) != LCN_OK) {
        fprintf(stderr, "bench-edges: tracking failed\n");
        exit(1);
    }
    for (size_t i = 0; i < N; i++) {
        steps += r->paths[i].steps_accepted + r->paths[i].steps_rejected;
        to[i] = -1;
        if (r->paths[i].status != LCN_PATH_SUCCESS) continue;
        size_t at = lcn_solution_set_find(set, r->paths[i].x);
        if (at >= set->count) {
            lcn_solution_set_add(set, r->paths[i].x, 0, 0, 0, NULL);
            at = lcn_solution_set_find(set, r->paths[i].x);
        }
        to[i] = (long)at;
    }
    lcn_result_clear(r);
    return steps;
}

/* The current algorithm (monodromy.c) replayed: loops drawn one at a time,
 * every known solution carried round each (3 legs). */
static long replay_triangles(const long *perm, int L, size_t N, long x0, int *loops_used)
{
    long *known = malloc(N * sizeof *known), legs = 0;
    char *is = calloc(N, 1);
    size_t nk = 1, pos[64] = {0};
    known[0] = x0;
    is[x0] = 1;
    int nl = 0;
    while (nk < N) {
        int j = 0;
        while (j < nl && pos[j] >= nk) j++;
        if (j == nl) {
            if (nl == L) break;
            nl++;
            continue;
        }
        long y = perm[(size_t)j * N + (size_t)known[pos[j]++]];
        legs += 3;
        if (y >= 0 && !is[y]) {
            is[y] = 1;
            known[nk++] = y;
        }
    }
    *loops_used = nk == N ? nl : -1;
    free(known);
    free(is);
    return legs;
}

/* Edge maps made bijections for the replay: an end beyond the N known
 * points (a path that jumped) counts as failed (-1), and inv[e] is the
 * inverse of map[e]. Returns the failed legs. */
static long invert_maps(long *map, long *inv, int E, size_t N)
{
    long failed = 0;
    for (int e = 0; e < E; e++) {
        for (size_t i = 0; i < N; i++) inv[(size_t)e * N + i] = -1;
        for (size_t i = 0; i < N; i++) {
            long y = map[(size_t)e * N + i];
            if (y >= (long)N) y = map[(size_t)e * N + i] = -1;
            if (y < 0) failed++;
            else inv[(size_t)e * N + y] = (long)i;
        }
    }
    return failed;
}

/* The graph of V nodes (node 0 = b0) with the edges of the complete graph
 * in the order (0,1), (0,2), (1,2), (0,3), (1,3), (2,3), ... (or any
 * edges: the arcs of the edges mode all join nodes 0 and 1): edge e maps
 * the solutions of node ea[e] to those of eb[e] by map[e] (-1: failed),
 * back by inv[e]. Edges are activated one at a time when nothing moves;
 * every solution known at a node is carried along each active edge at
 * that node once, unless its partner there is known already (1 leg). */
static long replay_graph(const long *map, const long *inv, const int *ea, const int *eb, int E, int V, size_t N,
                         long x0, int *edges_used)
{
    long **k = malloc((size_t)V * sizeof *k), legs = 0;
    char **is = malloc((size_t)V * sizeof *is);
    size_t *nk = calloc((size_t)V, sizeof *nk);
    for (int v = 0; v < V; v++) {
        k[v] = malloc(N * sizeof **k);
        is[v] = calloc(N, 1);
    }
    char *done = calloc((size_t)E * 2 * N, 1); /* edge e, side 0 (at ea) or 1 (at eb), solution */
    size_t *pos = calloc((size_t)E * 2, sizeof *pos);
    k[0][0] = x0;
    is[0][x0] = 1;
    nk[0] = 1;
    int ne = 1;
    while (nk[0] < N) {
        int progressed = 0;
        for (int e = 0; e < ne; e++)
            for (int side = 0; side < 2; side++) {
                int a = side ? eb[e] : ea[e], b = side ? ea[e] : eb[e];
                const long *mp = side ? inv + (size_t)e * N : map + (size_t)e * N;
                while (pos[2 * e + side] < nk[a]) {
                    long x = k[a][pos[2 * e + side]++];
                    if (done[((size_t)e * 2 + side) * N + x]) continue;
                    legs++;
                    done[((size_t)e * 2 + side) * N + x] = 1;
                    long y = mp[x];
                    if (y < 0) continue;
                    done[((size_t)e * 2 + !side) * N + y] = 1;
                    if (!is[b][y]) {
                        is[b][y] = 1;
                        k[b][nk[b]++] = y;
                        progressed = 1;
                    }
                }
            }
        if (!progressed) {
            if (ne == E) break;
            ne++;
        }
    }
    *edges_used = nk[0] == N ? ne : -1;
    for (int v = 0; v < V; v++) {
        free(k[v]);
        free(is[v]);
    }
    free(k);
    free(is);
    free(nk);
    free(done);
    free(pos);
    return legs;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-edges K1 K2 [--edges E] [--triangles L] [--phi A] [--cache DIR] [--threads T] "
                        "[--seed S] [--trials R]\n");
        return 2;
    }
    int kk[2] = {atoi(argv[1]), atoi(argv[2])}, E = 8, L = 0, threads = 0, trials = 20, V = 0;
    double A = 2.8;
    unsigned long long seed = 1;
    char tmpl[] = "/tmp/bench-edges.XXXXXX";
    const char *dir = NULL;
    for (int a = 3; a + 1 < argc; a += 2) {
        if (!strcmp(argv[a], "--edges")) E = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--triangles")) L = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--phi")) A = atof(argv[a + 1]);
        else if (!strcmp(argv[a], "--cache")) dir = argv[a + 1];
        else if (!strcmp(argv[a], "--threads")) threads = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--seed")) seed = strtoull(argv[a + 1], NULL, 10);
        else if (!strcmp(argv[a], "--trials")) trials = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--nodes")) V = atoi(argv[a + 1]);
        else {
            fprintf(stderr, "bench-edges: unknown option %s\n", argv[a]);
            return 2;
        }
    }
    if (E < 2 || E > 64 || L < 0 || L > 64 || !(A > 0 && A < M_PI)) {
        fprintf(stderr, "bench-edges: --edges 2..64, --triangles 0..64, --phi 0 < A < pi\n");
        return 2;
    }
    if (!dir && !(dir = mkdtemp(tmpl))) return 1;
    lcn_critsys_t cs;
    lcn_components_t cc;
    lcn_monodromy_opts_t mo;
    lcn_generic_t g;
    double complex *b0;
    int rc = bench_generic(cs, cc, g, &b0, mo, kk, seed, threads, dir, "bench-edges");
    if (rc) return rc;
    const int n = cs->n, k = cs->k;
    const size_t N = g->sols->count;
    double complex *c = malloc(3 * (size_t)k * sizeof *c);
    double nb0 = 0;
    for (int i = 0; i < k; i++) nb0 += creal(b0[i] * conj(b0[i]));
    nb0 = sqrt(nb0);
    lcn_solve_opts_t so;
    lcn_solve_opts_init(so);
    so->threads = threads;
    so->predictor_tol = mo->track.predictor_tol;
    so->singular_cond = INFINITY;
    so->endgame_start = 1e-3;
    lcn_rng_t rng;
    lcn_rng_init(rng, seed, 0x65646765u);
    /* Corners of the size of b0: the loops' permutations do not depend on
       it (the system is homogeneous in b), their steps do. */
    for (int i = 0; i < k; i++) c[i] = nb0 / sqrt((double)k) * lcn_rng_cnormal(rng);
    printf("Segre (%d,%d), %zu solutions, |b0| = %.3g, %d edges to c, phi in (-%.2f, %.2f)\n", kk[0], kk[1], N, nb0,
           E, A, A);
    lcn_solution_set_t atc;
    lcn_solution_set_init(atc, n);
    long *to = malloc((size_t)E * N * sizeof *to);
    long steps_all = 0;
    for (int e = 0; e < E; e++) {
        double phi = A * (2 * lcn_rng_uniform(rng) - 1);
        long st = carry(to + (size_t)e * N, atc, g->sols->x, N, cs, b0, c, cexp(I * phi), so);
        steps_all += st;
        long fail = 0, fixed = 0;
        for (size_t i = 0; i < N; i++) {
            fail += to[(size_t)e * N + i] < 0;
            fixed += e > 0 && to[(size_t)e * N + i] >= 0 && to[(size_t)e * N + i] == to[i];
        }
        printf("edge %d (phi %+.2f): %ld failed, %.1f steps per path, %zu points at c so far, loop with edge 0 "
               "fixes %.1f%%\n",
               e, phi, fail, (double)st / (double)N, atc->count, 100.0 * (double)fixed / (double)N);
        fflush(stdout);
    }
    /* The arcs as edges of a two-node graph (b0 = node 0, c = node 1). */
    long *from = malloc((size_t)E * N * sizeof *from);
    invert_maps(to, from, E, N);
    int *arc_a = calloc((size_t)E, sizeof *arc_a), *arc_b = malloc((size_t)E * sizeof *arc_b);
    for (int e = 0; e < E; e++) arc_b[e] = 1;
    long *perm = NULL, tsteps = 0;
    if (L > 0) {
        perm = malloc((size_t)L * N * sizeof *perm);
        lcn_solution_set_t at0;
        lcn_solution_set_init(at0, n);
        for (size_t i = 0; i < N; i++) lcn_solution_set_add(at0, g->sols->x + i * (size_t)n, 0, 0, 0, NULL);
        double complex *x = malloc(N * (size_t)n * sizeof *x);
        long *tmp = malloc(N * sizeof *tmp);
        for (int l = 0; l < L; l++) {
            for (int i = 0; i < 2 * k; i++) c[k + i] = lcn_rng_cnormal(rng);
            /* p0 -> c1 -> c2 -> p0 on ends carried along; failures stay -1. */
            lcn_result_t r;
            lcn_result_init(r);
            memcpy(x, g->sols->x, N * (size_t)n * sizeof *x);
            for (size_t i = 0; i < N; i++) tmp[i] = 1;
            const double complex *pts[4] = {b0, c + k, c + 2 * k, b0};
            for (int s = 0; s < 3; s++) {
                if (lcn_solve_parameter(r, cs->msys, pts[s], pts[s + 1], 1.0, x, N, so) != LCN_OK) return 1;
                for (size_t i = 0; i < N; i++) {
                    tsteps += r->paths[i].steps_accepted + r->paths[i].steps_rejected;
                    tmp[i] &= r->paths[i].status == LCN_PATH_SUCCESS;
                    memcpy(x + i * (size_t)n, r->paths[i].x, (size_t)n * sizeof *x);
                }
            }
            lcn_result_clear(r);
            long fixed = 0;
            for (size_t i = 0; i < N; i++) {
                size_t at = tmp[i] ? lcn_solution_set_find(at0, x + i * (size_t)n) : N;
                perm[(size_t)l * N + i] = at < N ? (long)at : -1;
                fixed += at == i;
            }
            printf("triangle %d: fixes %.1f%%\n", l, 100.0 * (double)fixed / (double)N);
        }
        free(x);
        free(tmp);
        lcn_solution_set_clear(at0);
    }
    long *gmap = NULL, *ginv = NULL;
    int GE = V * (V - 1) / 2, *ga = NULL, *gb = NULL;
    long gsteps = 0, gfail = 0;
    if (V >= 3) {
        /* Node j's full set: node 0's carried along (0, j); then every edge. */
        double complex *nodes = malloc((size_t)V * (size_t)k * sizeof *nodes);
        memcpy(nodes, b0, (size_t)k * sizeof *b0);
        for (int j = 1; j < V; j++)
            for (int i = 0; i < k; i++) nodes[(size_t)j * k + i] = nb0 / sqrt((double)k) * lcn_rng_cnormal(rng);
        lcn_solution_set_struct *at = calloc((size_t)V, sizeof *at);
        for (int j = 0; j < V; j++) lcn_solution_set_init(&at[j], n);
        for (size_t i = 0; i < N; i++) lcn_solution_set_add(&at[0], g->sols->x + i * (size_t)n, 0, 0, 0, NULL);
        gmap = malloc((size_t)GE * N * sizeof *gmap);
        ginv = malloc((size_t)GE * N * sizeof *ginv);
        ga = malloc((size_t)GE * sizeof *ga);
        gb = malloc((size_t)GE * sizeof *gb);
        int e = 0;
        for (int b = 1; b < V; b++)
            for (int a = 0; a < b; a++, e++) {
                ga[e] = a;
                gb[e] = b;
                if (at[a].count != N) {
                    fprintf(stderr, "bench-edges: node %d has %zu of %zu\n", a, at[a].count, N);
                    return 1;
                }
                gsteps += carry(gmap + (size_t)e * N, &at[b], at[a].x, N, cs, nodes + (size_t)a * k,
                                nodes + (size_t)b * k, 1.0, so);
            }
        gfail = invert_maps(gmap, ginv, GE, N);
        {
            /* Check: the orbit of solution 0 under the triangles (0, a, b). */
            char *seen = calloc(N, 1);
            long *queue = malloc(N * sizeof *queue);
            size_t qh = 0, qt = 0;
            seen[0] = 1;
            queue[qt++] = 0;
            int eid[16][16];
            int q = 0;
            for (int b = 1; b < V; b++)
                for (int a = 0; a < b; a++) eid[a][b] = q++;
            long nfix = 0, ntri = 0;
            while (qh < qt) {
                long x = queue[qh++];
                for (int b = 2; b < V; b++)
                    for (int a = 1; a < b; a++) {
                        long y = gmap[(size_t)eid[0][a] * N + x];
                        if (y >= 0) y = gmap[(size_t)eid[a][b] * N + y];
                        if (y >= 0) y = ginv[(size_t)eid[0][b] * N + y];
                        if (x == 0) { ntri++; nfix += y == x; }
                        if (y >= 0 && !seen[y]) {
                            seen[y] = 1;
                            queue[qt++] = y;
                        }
                    }
            }
            printf("check: orbit of solution 0 under the %ld triangles (0,a,b): %zu\n", ntri, qt);
            free(seen);
            free(queue);
        }
        printf("graph: %d nodes, %d edges, %ld failed or jumped legs, %.1f steps per leg\n", V, GE, gfail,
               (double)gsteps / (double)GE / (double)N);
        for (int j = 0; j < V; j++) lcn_solution_set_clear(&at[j]);
        free(at);
        free(nodes);
    }
    if (L > 1) {
        /* Stickiness: of the loops that move a solution m, where do they
         * take m from (σ^{-1}(m)), and how sticky is that one? */
        int *nfix = calloc(N, sizeof *nfix);
        for (int l = 0; l < L; l++)
            for (size_t i = 0; i < N; i++) nfix[i] += perm[(size_t)l * N + i] == (long)i;
        long hist[65][65];
        memset(hist, 0, sizeof hist);
        for (int l = 0; l < L; l++)
            for (size_t i = 0; i < N; i++) {
                long y = perm[(size_t)l * N + i];
                if (y < 0 || y == (long)i) continue;
                hist[nfix[y]][nfix[i]]++; /* y = σ(i): y's stickiness, i's */
            }
        {
            /* Do loops that move some of the stickiest solutions move the
             * others too? The solutions fixed by at least half the loops,
             * split alternately into A and B: per loop, the fractions of A
             * and of B it moves, and their correlation over the loops. */
            long na = 0, nbb = 0;
            double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
            for (size_t i = 0; i < N; i++)
                if (2 * nfix[i] >= L) (na + nbb) % 2 ? nbb++ : na++;
            for (int l = 0; l < L && na && nbb; l++) {
                long ma = 0, mb = 0, idx = 0;
                for (size_t i = 0; i < N; i++) {
                    if (2 * nfix[i] < L) continue;
                    int moved = perm[(size_t)l * N + i] != (long)i;
                    if (idx++ % 2) mb += moved;
                    else ma += moved;
                }
                double a = (double)ma / na, bq = (double)mb / nbb;
                printf("loop %2d moves %.2f of A (%ld), %.2f of B (%ld)\n", l, a, na, bq, nbb);
                sa += a; sb += bq; saa += a * a; sbb += bq * bq; sab += a * bq;
            }
            double ma = sa / L, mb = sb / L;
            double cov = sab / L - ma * mb, va = saa / L - ma * ma, vb = sbb / L - mb * mb;
            printf("sticky halves: correlation over the loops %.2f\n", cov / sqrt(va * vb + 1e-300));
        }
        printf("stickiness: rows m fixed by v of %d loops, columns: the loops moving m took it from x fixed by 0..%d\n", L, L);
        for (int v = 0; v <= L; v++) {
            long cnt = 0;
            for (size_t i = 0; i < N; i++) cnt += nfix[i] == v;
            if (!cnt) continue;
            printf("v=%2d (%4ld sols):", v, cnt);
            for (int u = 0; u <= L; u++) printf(" %ld", hist[v][u]);
            printf("\n");
        }
        free(nfix);
    }
    printf("steps per leg: edges %.1f, triangles %.1f\n", (double)steps_all / (double)(E * N),
           L ? (double)tsteps / (3.0 * L * N) : 0.0);
    /* Replays from several starting solutions. */
    double le = 0, lt = 0, lg = 0;
    int oke = 0, okt = 0, okg = 0;
    for (int t = 0; t < trials; t++) {
        long x0 = (long)((size_t)t * 7919 % N);
        int used;
        long legs = replay_graph(to, from, arc_a, arc_b, E, 2, N, x0, &used);
        printf("start %ld: edges %ld legs (%d edges)", x0, legs, used);
        if (used > 0) {
            le += (double)legs;
            oke++;
        }
        if (V >= 3) {
            legs = replay_graph(gmap, ginv, ga, gb, GE, V, N, x0, &used);
            printf(", graph %ld legs (%d edges)", legs, used);
            if (used > 0) {
                lg += (double)legs;
                okg++;
            }
        }
        if (L > 0) {
            legs = replay_triangles(perm, L, N, x0, &used);
            printf(", triangles %ld legs (%d loops)", legs, used);
            if (used > 0) {
                lt += (double)legs;
                okt++;
            }
        }
        printf("\n");
    }
    printf("mean legs per solution: graph %.2f (%d of %d complete)\n", okg ? lg / okg / (double)N : 0, okg, trials);
    printf("mean legs per solution: edges %.2f (%d of %d complete), triangles %.2f (%d of %d complete)\n",
           oke ? le / oke / (double)N : 0, oke, trials, okt ? lt / okt / (double)N : 0, okt, trials);
    free(to);
    free(from);
    free(arc_a);
    free(arc_b);
    free(perm);
    free(gmap);
    free(ginv);
    free(ga);
    free(gb);
    free(b0);
    free(c);
    lcn_solution_set_clear(atc);
    lcn_generic_clear(g);
    lcn_components_clear(cc);
    lcn_critsys_clear(cs);
    return 0;
}
