/* SQLite, opened on first use.
 *
 * Each function regards calls is defined here under its own name, with the library's prototype:
 * it finds the library's function once (dlsym) and calls it. The library is opened with dlopen the
 * first time (regards_sqlite_open, which the store calls before anything else and which reports a
 * missing library as an error). Loading libsqlite3 costs most of a millisecond at every start
 * otherwise, for every command, including those that open no workspace. */
#include "CSQLite.h"

#include "LazyLibrary.h"

/* The Debian package's soname first, then the development link. */
static regards_library sqlite = REGARDS_LIBRARY(NULL, "SQLite", "Debian: apt-get install libsqlite3-0", "libsqlite3.so.0", "libsqlite3.so", "libsqlite3.dylib");

const regards_library_failure *regards_sqlite_open(void) { return regards_library_open(&sqlite); }

#define FORWARD(ret, name, params, args) REGARDS_FORWARD(sqlite, ret, name, params, args)

/* Connections. */
FORWARD(int, sqlite3_open_v2, (const char *filename, sqlite3 **db, int flags, const char *vfs), (filename, db, flags, vfs))
FORWARD(int, sqlite3_close_v2, (sqlite3 *db), (db))
FORWARD(int, sqlite3_extended_result_codes, (sqlite3 *db, int onoff), (db, onoff))
FORWARD(int, sqlite3_busy_timeout, (sqlite3 *db, int ms), (db, ms))
FORWARD(const char *, sqlite3_errmsg, (sqlite3 *db), (db))
FORWARD(int, sqlite3_exec, (sqlite3 *db, const char *sql, int (*callback)(void *, int, char **, char **), void *argument, char **errmsg),
        (db, sql, callback, argument, errmsg))
FORWARD(int, sqlite3_changes, (sqlite3 *db), (db))

/* Statements. */
FORWARD(int, sqlite3_prepare_v2, (sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **statement, const char **tail), (db, sql, bytes, statement, tail))
FORWARD(int, sqlite3_step, (sqlite3_stmt *statement), (statement))
FORWARD(int, sqlite3_reset, (sqlite3_stmt *statement), (statement))
FORWARD(int, sqlite3_clear_bindings, (sqlite3_stmt *statement), (statement))
FORWARD(int, sqlite3_finalize, (sqlite3_stmt *statement), (statement))
FORWARD(int, sqlite3_bind_null, (sqlite3_stmt *statement, int index), (statement, index))
FORWARD(int, sqlite3_bind_int64, (sqlite3_stmt *statement, int index, sqlite3_int64 value), (statement, index, value))
FORWARD(int, sqlite3_bind_double, (sqlite3_stmt *statement, int index, double value), (statement, index, value))
FORWARD(int, sqlite3_bind_text, (sqlite3_stmt *statement, int index, const char *text, int bytes, void (*destructor)(void *)),
        (statement, index, text, bytes, destructor))
FORWARD(int, sqlite3_column_count, (sqlite3_stmt *statement), (statement))
FORWARD(const char *, sqlite3_column_name, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(int, sqlite3_column_type, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(sqlite3_int64, sqlite3_column_int64, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(double, sqlite3_column_double, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(const unsigned char *, sqlite3_column_text, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(int, sqlite3_column_bytes, (sqlite3_stmt *statement, int column), (statement, column))
