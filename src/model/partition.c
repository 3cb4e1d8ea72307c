/* Integer partitions in lexicographically increasing order, (1^n) .. (n). */
#include <stdio.h>
#include <string.h>
#include "lcncrit/partition.h"

int lcn_partition_first(int *parts, int n)
{
    for (int i = 0; i < n; i++) parts[i] = 1;
    return n;
}

/* The lexicographic successor of a non-increasing sequence with the same sum:
 * find the rightmost position i that can grow by one, i.e. with
 * (i == 0 or parts[i-1] > parts[i]) and some mass to the right of it; take one
 * unit from the tail, then refill the tail with as many ones as possible,
 * which is the lexicographically smallest completion. */
int lcn_partition_next(int *parts, int *r)
{
    int len = *r;
    int tail = 0; /* sum of parts[i+1..len-1] */
    for (int i = len - 1; i >= 0; i--) {
        if (tail >= 1 && (i == 0 || parts[i - 1] > parts[i])) {
            parts[i]++;
            tail--;
            int j = i + 1;
            for (int t = 0; t < tail; t++) parts[j++] = 1;
            *r = j;
            return 1;
        }
        tail += parts[i];
    }
    return 0;
}

int lcn_partition_is_valid(const int *parts, int r)
{
    if (r < 0) return 0;
    for (int i = 0; i < r; i++) {
        if (parts[i] < 1) return 0;
        if (i > 0 && parts[i] > parts[i - 1]) return 0;
    }
    return 1;
}

void lcn_partition_sort(int *parts, int r)
{
    for (int i = 1; i < r; i++) {
        int v = parts[i], j = i;
        while (j > 0 && parts[j - 1] < v) {
            parts[j] = parts[j - 1];
            j--;
        }
        parts[j] = v;
    }
}

unsigned long lcn_partition_symmetry(const int *parts, int r)
{
    unsigned long f = 1;
    int i = 0;
    while (i < r) {
        int j = i;
        while (j < r && parts[j] == parts[i]) j++;
        for (int m = 2; m <= j - i; m++) f *= (unsigned long)m;
        i = j;
    }
    return f;
}

int lcn_partition_get_str(char *buf, size_t len, const int *parts, int r)
{
    size_t pos = 0;
    int need = 0;
    if (len) buf[0] = '\0';
    for (int i = 0; i < r; i++) {
        int m = snprintf(pos < len ? buf + pos : NULL, pos < len ? len - pos : 0, "%s%d", i ? "," : "", parts[i]);
        need += m;
        pos += (size_t)m;
    }
    return need;
}

void lcn_partitions_init(lcn_partitions_t p) { memset(p, 0, sizeof *p); }

void lcn_partitions_clear(lcn_partitions_t p)
{
    for (size_t i = 0; i < p->count; i++) lcn_free(p->parts[i]);
    lcn_free(p->parts);
    lcn_free(p->len);
    memset(p, 0, sizeof *p);
}

lcn_err_t lcn_partitions_init_set(lcn_partitions_t p, int n)
{
    lcn_partitions_init(p);
    if (n < 0) return LCN_ERR_ARG;
    if (n > LCN_PARTITION_MAX_N) return LCN_ERR_LIMIT;
    int *cur = lcn_malloc_array((size_t)(n + 1), sizeof *cur);
    size_t cap = 16;
    p->n = n;
    p->len = lcn_malloc_array(cap, sizeof *p->len);
    p->parts = lcn_malloc_array(cap, sizeof *p->parts);
    int r = lcn_partition_first(cur, n);
    do {
        if (p->count == cap) {
            cap *= 2;
            p->len = lcn_realloc(p->len, cap * sizeof *p->len);
            p->parts = lcn_realloc(p->parts, cap * sizeof *p->parts);
        }
        p->len[p->count] = r;
        p->parts[p->count] = lcn_malloc_array((size_t)(r ? r : 1), sizeof(int));
        memcpy(p->parts[p->count], cur, (size_t)r * sizeof(int));
        p->count++;
    } while (lcn_partition_next(cur, &r));
    lcn_free(cur);
    return LCN_OK;
}
