/* The SQLite floor for `regards answer --from`: the same rows inserted with one prepared
 * statement in one transaction, into the same table of the same workspace schema, with the same
 * pragmas (WAL, synchronous FULL, foreign keys). Input: the campaign answer file converted to
 * TSV by the harness (visit, grid, criterion, value, comment, evidence). Each row gets a random
 * version-4 UUID, as regards gives it: random keys land all over the `uid` index, where sequential
 * ones would only append to it. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 16 random bytes from the kernel's generator, read 4 KiB at a time (as regards does). */
static void random16(unsigned char *out) {
    static unsigned char pool[4096];
    static size_t used = sizeof pool;
    if (used + 16 > sizeof pool) {
        FILE *f = fopen("/dev/urandom", "rb");
        if (!f || fread(pool, 1, sizeof pool, f) != sizeof pool) { perror("/dev/urandom"); exit(1); }
        fclose(f);
        used = 0;
    }
    memcpy(out, pool + used, 16);
    used += 16;
}

static void uuid4(char out[37]) {
    unsigned char b[16];
    random16(b);
    b[6] = (b[6] & 0x0F) | 0x40;
    b[8] = (b[8] & 0x3F) | 0x80;
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: import_floor DB ROWS.tsv\n"); return 64; }
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", 0, 0, 0), db, "pragmas");
    FILE *in = fopen(argv[2], "r");
    if (!in) { perror(argv[2]); return 66; }
    sqlite3_stmt *insert;
    check(sqlite3_prepare_v2(db,
        "INSERT INTO answer_event (uid, visit, grid, criterion, value, comment, evidence, author, at, previous, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'c-floor', '2026-11-26T00:00:00.000Z', NULL, NULL)", -1, &insert, 0), db, "prepare");
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
    char *line = NULL;
    size_t cap = 0;
    long n = 0;
    while (getline(&line, &cap, in) > 0) {
        char *fields[6] = {0};
        char *p = line;
        for (int i = 0; i < 6; i++) {
            fields[i] = p;
            char *tab = strpbrk(p, "\t\n");
            if (tab) { *tab = 0; p = tab + 1; } else { p = p + strlen(p); }
        }
        char uid[37];
        uuid4(uid);
        n++;
        sqlite3_bind_text(insert, 1, uid, -1, SQLITE_TRANSIENT);
        for (int i = 0; i < 6; i++) {
            if (i >= 4 && fields[i][0] == 0) sqlite3_bind_null(insert, i + 2);
            else sqlite3_bind_text(insert, i + 2, fields[i], -1, SQLITE_TRANSIENT);
        }
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
    }
    check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
    sqlite3_finalize(insert);
    sqlite3_close(db);
    free(line);
    fclose(in);
    printf("%ld rows\n", n);
    return 0;
}
