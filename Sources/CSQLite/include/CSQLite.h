#ifndef REGARDS_CSQLITE_H
#define REGARDS_CSQLITE_H

/* SQLite's API, from the system's header (libsqlite3-dev). The library itself is not linked: it is
 * opened the first time a workspace is (see loader.c), so the commands that open no workspace
 * (help, protocol files, the version) do not pay for loading it. */
#include "LazyLibrary.h"
#include <sqlite3.h>

/* Opens libsqlite3 if it is not open yet. Returns NULL when it is usable, else why it is not. */
const regards_library_failure *regards_sqlite_open(void);

#endif
