// The SQLite C API (Debian libsqlite3-dev), seen through pkg-config `sqlite3`.
#include <sqlite3.h>
