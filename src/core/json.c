/* The JSON writer (json.h): one place for number, string and list syntax,
 * so that every JSON output of lcncrit reads the same way. */
#include <math.h>
#include "lcncrit/json.h"

void lcn_json_num(FILE *f, double x)
{
    if (isfinite(x)) fprintf(f, "%.17g", x);
    else fputs("null", f);
}

void lcn_json_num_tagged(FILE *f, double x)
{
    if (isnan(x)) fputs("\"nan\"", f);
    else if (isinf(x)) fputs(x > 0 ? "\"inf\"" : "\"-inf\"", f);
    else fprintf(f, "%.17g", x);
}

void lcn_json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

const char *lcn_json_bool(int b)
{
    return b ? "true" : "false";
}

void lcn_json_ints(FILE *f, const int *v, int n)
{
    fputc('[', f);
    for (int j = 0; j < n; j++) fprintf(f, "%s%d", j ? ", " : "", v[j]);
    fputc(']', f);
}

void lcn_json_nums(FILE *f, const double *v, int n)
{
    fputc('[', f);
    for (int j = 0; j < n; j++) {
        if (j) fputs(", ", f);
        lcn_json_num(f, v[j]);
    }
    fputc(']', f);
}

void lcn_json_complexes(FILE *f, const double complex *v, int n)
{
    fputc('[', f);
    for (int j = 0; j < n; j++) {
        fputs(j ? ", [" : "[", f);
        lcn_json_num(f, creal(v[j]));
        fputs(", ", f);
        lcn_json_num(f, cimag(v[j]));
        fputc(']', f);
    }
    fputc(']', f);
}
