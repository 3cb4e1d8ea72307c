/* Errors, the abort hook, allocation and logging. */
#include "lcncrit/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *lcn_err_string(lcn_err_t err)
{
    switch (err) {
    case LCN_OK: return "success";
    case LCN_ERR_ARG: return "invalid argument";
    case LCN_ERR_PARSE: return "parse error";
    case LCN_ERR_IO: return "input/output error";
    case LCN_ERR_NUMERIC: return "numerical failure";
    case LCN_ERR_LIMIT: return "size limit exceeded";
    case LCN_ERR_INTERRUPTED: return "interrupted";
    }
    return "unknown error";
}

static void default_abort(const char *file, int line, const char *what)
{
    fprintf(stderr, "lcncrit: internal error at %s:%d: %s\n", file, line, what);
    fflush(stderr);
}

static lcn_abort_fn abort_hook = default_abort;

void lcn_set_abort(lcn_abort_fn fn) { abort_hook = fn ? fn : default_abort; }

void lcn_abort(const char *file, int line, const char *what)
{
    abort_hook(file, line, what);
    abort();
}

void *lcn_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) lcn_abort(__FILE__, __LINE__, "out of memory");
    return p;
}

void *lcn_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) lcn_abort(__FILE__, __LINE__, "out of memory");
    return p;
}

void *lcn_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) lcn_abort(__FILE__, __LINE__, "out of memory");
    return q;
}

void *lcn_malloc_array(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) lcn_abort(__FILE__, __LINE__, "allocation size overflows");
    return lcn_malloc(count * size);
}

void lcn_free(void *p) { free(p); }

void lcn_log_init(lcn_log_t log)
{
    log->fn = NULL;
    log->data = NULL;
    log->max_level = LCN_LOG_INFO;
}

void lcn_logf(const lcn_log_struct *log, lcn_log_level_t level, const char *fmt, ...)
{
    if (!log || !log->fn || level > log->max_level) return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    log->fn(log->data, level, line);
}

const char *lcn_version(void) { return LCN_VERSION; }
