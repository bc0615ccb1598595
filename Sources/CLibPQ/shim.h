// The PostgreSQL client library (Debian libpq-dev), seen through pkg-config `libpq`.
#include <libpq-fe.h>
