/* Size limits of locus, segre, params and census, checked from the
 * architecture alone before a system is built (issue 6: absurd sizes are
 * bad input, refused up front with exit 2 and a message naming the option).
 *
 * Two limits (README.md, "Size limits"):
 * - the end-to-end filter size k <= CLI_LCN_MAX_K. Building the system costs
 *   memory and time growing like n k^2 and worse (measured on the
 *   development machine: segre --k 60 needs 250 MB and 13 s to build,
 *   params --k 30,31 (k = 60) 1.1 GB and 31 s; the library's own hard limit
 *   is k <= 400, where a build takes tens of gigabytes);
 * - the number of paths: the generic count of the component(s), which is
 *   what monodromy must find and the parameter homotopy then tracks, at
 *   most --max-paths (CLI_DEFAULT_MAX_PATHS). It is checked where a formula
 *   gives it (DESIGN.md §3): EDdeg(Δ_λ) for a root locus (one θ per point
 *   w is tracked, critsys.h), C_k for the Segre
 *   system and for (P) of a reduced architecture, Σ_λ EDdeg(Δ_λ) N(λ) for
 *   (P) of a stride-one architecture, whose components can only be listed
 *   for k - 1 <= LCN_COMPONENT_MAX_ROOTS roots; census adds up its routes
 *   (census.h): every root locus of degree k - 1, or one Segre system.
 *   Where an EDdeg is unknown, 1 stands for it (a lower bound); where no
 *   formula is known at all, only the first limit applies. */
#include <inttypes.h>
#include "cli.h"
#include "lcncrit/arch.h"
#include "lcncrit/components.h"
#include "lcncrit/edd.h"
#include "lcncrit/partition.h"

/* The paths of the root locus Δ_λ into *paths (one θ per point w): returns
 * 1 for the generic count EDdeg(Δ_λ), 2 for the lower bound 1 when EDdeg
 * is unknown. */
static int locus_paths(uint64_t *paths, const int *lambda, int r)
{
    uint64_t d = 1;
    int known = lcn_edd_root_locus(&d, lambda, r, LCN_EDD_GENERIC, NULL) == 1 ? 1 : 2;
    *paths = known == 1 ? d : 1;
    return known;
}

/* The number of paths into *paths: returns 1 for the generic count, 2 for a
 * lower bound, LCN_ERR_LIMIT when it does not fit in 64 bits, anything else
 * when unknown. */
static int expected_paths(uint64_t *paths, lcn_critsys_kind_t kind, const int *a, int na, const lcn_arch_t arch)
{
    if (kind == LCN_CRITSYS_LOCUS) return locus_paths(paths, a, na);
    if (kind == LCN_CRITSYS_SEGRE || (arch->reduced && arch->L > 1)) {
        lcn_err_t err = lcn_edd_segre_u64(paths, a, na);
        return err ? err : 1;
    }
    if (arch->stride_one) return lcn_edd_params_prediction(paths, arch, LCN_EDD_GENERIC);
    return 0;
}

/* Refuse k beyond CLI_LCN_MAX_K (a build of that size takes gigabytes). */
static int check_k(const char *cmd, const char *opt, long kend)
{
    if (kend <= CLI_LCN_MAX_K) return CLI_OK;
    return cli_bad(cmd, "%s: the end-to-end filter has size k = %ld; %s builds systems up to k = %d", opt, kend, cmd,
                   CLI_LCN_MAX_K);
}

/* Refuse a path count beyond max_paths: known is 1 for an exact count, 2
 * for a lower bound, LCN_ERR_LIMIT for 2^64 or more, anything else for
 * unknown (accepted). */
static int check_paths(const char *cmd, const char *opt, int known, uint64_t paths, uint64_t max_paths)
{
    if (known != LCN_ERR_LIMIT && !((known == 1 || known == 2) && paths > max_paths)) return CLI_OK;
    char count[48] = "at least 2^64";
    if (known != LCN_ERR_LIMIT) snprintf(count, sizeof count, "%s%" PRIu64, known == 2 ? "at least " : "", paths);
    return cli_bad(cmd, "%s: %s paths to track (by the generic counts); the limit is --max-paths %" PRIu64
                   " (raise it to run anyway)", opt, count, max_paths);
}

int cli_lcn_check_size(const char *cmd, lcn_critsys_kind_t kind, const int *a, const int *s, int na,
                       uint64_t max_paths)
{
    const char *opt = kind == LCN_CRITSYS_LOCUS ? "--partition" : "--k";
    lcn_arch_t arch;
    lcn_arch_init(arch);
    int rc = CLI_OK;
    long kend = 1;
    if (kind == LCN_CRITSYS_LOCUS) {
        for (int i = 0; i < na; i++) kend += a[i];
    } else {
        if (lcn_arch_init_set(arch, a, s, na)) {
            rc = cli_bad(cmd, "--%s: %s", arch->bad_arg ? arch->bad_arg : "k", arch->msg);
            goto cleanup;
        }
        kend = arch->kend;
    }
    if ((rc = check_k(cmd, opt, kend))) goto cleanup;
    if (kind == LCN_CRITSYS_PARAMS && arch->stride_one && kend - 1 > LCN_COMPONENT_MAX_ROOTS) {
        rc = cli_bad(cmd, "--k: a stride-one architecture of end-to-end size k = %ld; the components of its "
                     "parameter space are listed up to k = %d", kend, LCN_COMPONENT_MAX_ROOTS + 1);
        goto cleanup;
    }
    uint64_t paths = 0;
    int known = expected_paths(&paths, kind, a, na, arch);
    rc = check_paths(cmd, opt, known, paths, max_paths);
cleanup:
    lcn_arch_clear(arch);
    return rc;
}

/* The number of partitions of n (n <= 63 here: at most 1505499). */
static uint64_t partition_count(int n)
{
    uint64_t p[64] = {1};
    for (int part = 1; part <= n; part++)
        for (int m = part; m <= n; m++) p[m] += p[m - part];
    return p[n];
}

/* The stride-one census solves every root locus Δ_λ, λ a partition of n:
 * Σ_λ of locus_paths, at least one path per partition (beyond
 * LCN_PARTITION_MAX_N the partitions are not listed, and that bound is
 * all). Returns as expected_paths. */
static int census_locus_paths(uint64_t *paths, int n)
{
    *paths = partition_count(n);
    if (n > LCN_PARTITION_MAX_N) return 2;
    lcn_partitions_t parts;
    lcn_partitions_init(parts);
    if (lcn_partitions_init_set(parts, n)) return 2;
    int known = 1;
    uint64_t total = 0;
    for (size_t i = 0; i < parts->count && known != LCN_ERR_LIMIT; i++) {
        uint64_t t;
        int ki = locus_paths(&t, parts->parts[i], parts->len[i]);
        if (__builtin_add_overflow(total, t, &total)) known = LCN_ERR_LIMIT;
        else if (ki == 2) known = 2;
    }
    lcn_partitions_clear(parts);
    if (known != LCN_ERR_LIMIT) *paths = total;
    return known;
}

int cli_census_check_size(const char *cmd, const lcn_arch_t arch, uint64_t max_paths)
{
    int rc = check_k(cmd, "--k", arch->kend);
    if (rc) return rc;
    uint64_t paths = 0;
    int known;
    if (arch->stride_one) {
        known = census_locus_paths(&paths, arch->kend - 1);
    } else {
        /* One Segre system, of the reduced architecture (census.h). */
        lcn_err_t err = lcn_edd_segre_u64(&paths, arch->red_k, arch->red_L);
        known = err ? err : 1;
    }
    return check_paths(cmd, "--k", known, paths, max_paths);
}
