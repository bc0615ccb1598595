// OpenBLAS's CBLAS interface (Debian libopenblas-dev), seen through pkg-config `openblas`.
#include <cblas.h>
