/* lcncrit: errors, the abort hook, logging and the export macro.
 *
 * Three kinds of trouble (STYLE.md): a call that fails returns a negative
 * lcn_err_t; a path that fails records it in its path result and the call
 * still returns LCN_OK; a broken invariant is a bug and goes to lcn_abort(). */
#ifndef LCNCRIT_COMMON_H
#define LCNCRIT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(LCN_BUILDING) && defined(__GNUC__)
#define LCN_EXPORT __attribute__((visibility("default")))
#else
#define LCN_EXPORT
#endif

#if defined(__GNUC__)
#define LCN_WUR __attribute__((warn_unused_result))
#else
#define LCN_WUR
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    LCN_OK = 0,
    LCN_ERR_ARG = -1,     /* an argument is out of range or inconsistent */
    LCN_ERR_PARSE = -2,   /* text input could not be parsed */
    LCN_ERR_IO = -3,      /* a file could not be read or written */
    LCN_ERR_NUMERIC = -4, /* a numerical procedure could not reach its bound */
    LCN_ERR_LIMIT = -5,   /* a size limit would be exceeded */
    LCN_ERR_INTERRUPTED = -6 /* stopped by a signal; partial results saved */
} lcn_err_t;

/* A static English description of err; never NULL. */
LCN_EXPORT const char *lcn_err_string(lcn_err_t err);

/* Bugs: broken invariants, LAPACKE info < 0, out of memory. The default
 * handler prints to stderr and calls abort(). */
typedef void (*lcn_abort_fn)(const char *file, int line, const char *what);
LCN_EXPORT void lcn_set_abort(lcn_abort_fn fn);
LCN_EXPORT _Noreturn void lcn_abort(const char *file, int line, const char *what);

#define LCN_ASSERT(cond)                                                    \
    do {                                                                    \
        if (!(cond)) lcn_abort(__FILE__, __LINE__, "assertion failed: " #cond); \
    } while (0)

/* Allocation that never returns NULL (out of memory goes to lcn_abort, as
 * in GMP and MPFR). Sizes are checked for overflow. */
LCN_EXPORT void *lcn_malloc(size_t n);
LCN_EXPORT void *lcn_calloc(size_t count, size_t size);
LCN_EXPORT void *lcn_realloc(void *p, size_t n);
LCN_EXPORT void *lcn_malloc_array(size_t count, size_t size);
LCN_EXPORT void lcn_free(void *p);

/* Diagnostics: the library never prints to stdout. A log callback receives
 * a level and a formatted line (no trailing newline). NULL callback: silent. */
typedef enum { LCN_LOG_ERROR = 0, LCN_LOG_WARN = 1, LCN_LOG_INFO = 2, LCN_LOG_DEBUG = 3 } lcn_log_level_t;
typedef void (*lcn_log_fn)(void *data, lcn_log_level_t level, const char *line);

typedef struct {
    lcn_log_fn fn;
    void *data;
    lcn_log_level_t max_level; /* messages above this level are dropped */
} lcn_log_struct;
typedef lcn_log_struct lcn_log_t[1];

LCN_EXPORT void lcn_log_init(lcn_log_t log);
LCN_EXPORT void lcn_logf(const lcn_log_struct *log, lcn_log_level_t level, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The version string, e.g. "0.1.0". */
LCN_EXPORT const char *lcn_version(void);

#ifdef __cplusplus
}
#endif
#endif
