#ifndef REGARDS_CPQ_H
#define REGARDS_CPQ_H

/* libpq's API, from the system's header (libpq-dev). The library itself is not linked: it is
 * opened the first time a PostgreSQL store is (see loader.c), so that a laptop working on its
 * SQLite file, and every command that opens no store, never loads libpq and what it brings
 * (OpenSSL, Kerberos, LDAP). */
#include "LazyLibrary.h"
#include <postgresql/libpq-fe.h>

/* The error fields regards reads (libpq's macros are character literals, which Swift cannot import). */
static const int regards_pq_diag_sqlstate = PG_DIAG_SQLSTATE;
static const int regards_pq_diag_message = PG_DIAG_MESSAGE_PRIMARY;

/* Opens libpq if it is not open yet. Returns NULL when it is usable, else why it is not. */
const regards_library_failure *regards_pq_open(void);

/* Keeps libpq's notices (NOTICE, WARNING from the server) off the terminal. */
void regards_pq_quiet(PGconn *connection);

#endif
