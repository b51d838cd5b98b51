/* libpq, opened on first use (see CPQ.h and LazyLibrary.h). */
#include "CPQ.h"

#include "LazyLibrary.h"

static regards_library pq = REGARDS_LIBRARY(NULL, "libpq", "Debian: apt-get install libpq5", "libpq.so.5", "libpq.so", "libpq.dylib");

const regards_library_failure *regards_pq_open(void) { return regards_library_open(&pq); }

#define FORWARD(ret, name, params, args) REGARDS_FORWARD(pq, ret, name, params, args)
#define FORWARD_VOID(name, params, args) REGARDS_FORWARD_VOID(pq, name, params, args)

/* Connections. */
FORWARD(PGconn *, PQconnectdbParams, (const char *const *keywords, const char *const *values, int expand_dbname), (keywords, values, expand_dbname))
FORWARD(ConnStatusType, PQstatus, (const PGconn *conn), (conn))
FORWARD(char *, PQerrorMessage, (const PGconn *conn), (conn))
FORWARD_VOID(PQfinish, (PGconn *conn), (conn))
FORWARD(int, PQsslInUse, (PGconn *conn), (conn))
FORWARD(char *, PQhost, (const PGconn *conn), (conn))
FORWARD(char *, PQport, (const PGconn *conn), (conn))
FORWARD(char *, PQuser, (const PGconn *conn), (conn))
FORWARD(char *, PQdb, (const PGconn *conn), (conn))
FORWARD(PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn), (conn))
FORWARD(PQnoticeReceiver, PQsetNoticeReceiver, (PGconn *conn, PQnoticeReceiver proc, void *arg), (conn, proc, arg))
FORWARD(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), (conninfo, errmsg))
FORWARD_VOID(PQconninfoFree, (PQconninfoOption *connOptions), (connOptions))
FORWARD_VOID(PQfreemem, (void *ptr), (ptr))

/* Statements and results. */
FORWARD(PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query))
FORWARD(PGresult *, PQprepare, (PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes),
        (conn, stmtName, query, nParams, paramTypes))
FORWARD(PGresult *, PQdescribePrepared, (PGconn *conn, const char *stmt), (conn, stmt))
FORWARD(PGresult *, PQexecPrepared,
        (PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat),
        (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat))
FORWARD(ExecStatusType, PQresultStatus, (const PGresult *res), (res))
FORWARD(char *, PQresultErrorMessage, (const PGresult *res), (res))
FORWARD(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode))
FORWARD(int, PQntuples, (const PGresult *res), (res))
FORWARD(int, PQnfields, (const PGresult *res), (res))
FORWARD(char *, PQfname, (const PGresult *res, int field_num), (res, field_num))
FORWARD(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))
FORWARD(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))
FORWARD(int, PQgetlength, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))
FORWARD(char *, PQcmdTuples, (PGresult *res), (res))
FORWARD_VOID(PQclear, (PGresult *res), (res))

/* COPY … FROM STDIN. */
FORWARD(int, PQputCopyData, (PGconn *conn, const char *buffer, int nbytes), (conn, buffer, nbytes))
FORWARD(int, PQputCopyEnd, (PGconn *conn, const char *errormsg), (conn, errormsg))
FORWARD(PGresult *, PQgetResult, (PGconn *conn), (conn))

static void ignore_notice(void *arg, const PGresult *res) {
    (void)arg;
    (void)res;
}

void regards_pq_quiet(PGconn *connection) { PQsetNoticeReceiver(connection, ignore_notice, NULL); }
