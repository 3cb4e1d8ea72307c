/* Forced include for the clang fuzz build: glibc defines CMPLX only for GCC
 * >= 4.7 (through __builtin_complex), which clang 14 does not claim to be. */
#include <complex.h>
#ifndef CMPLX
#define CMPLX(x, y) ((union { double _Complex z; double a[2]; }){.a = {(x), (y)}}.z)
#endif
