#ifndef REGARDS_LAZY_LIBRARY_H
#define REGARDS_LAZY_LIBRARY_H

/* A shared library opened the first time it is needed (dlopen), instead of at every start: SQLite
 * and libxlsxwriter cost most of a millisecond each to load, and most commands need neither.
 * Each function regards calls is defined by its wrapper under its own name with the library's
 * prototype (REGARDS_FORWARD): it finds the library's function once (dlsym) and calls it. */

#include <pthread.h>
#include <stdlib.h>

/* Why a library cannot be used: what it is called, what the system said, how to install it. The
 * message is written by the caller, in the user's language. */
typedef struct {
    const char *label;
    const char *reason;
    const char *install;
} regards_library_failure;

typedef struct {
    /* An environment variable naming the library file, or NULL. */
    const char *environment;
    /* The file names tried in order (NULL-terminated). */
    const char *const *names;
    /* What to call the library in messages, and how to install it. */
    const char *label;
    const char *install;
    /* Set when opened. */
    pthread_mutex_t lock;
    int tried;
    void *handle;
    char reason[512];
    regards_library_failure failure;
} regards_library;

#define REGARDS_LIBRARY(environment, label, install, ...) \
    {environment, (const char *const[]){__VA_ARGS__, NULL}, label, install, PTHREAD_MUTEX_INITIALIZER, 0, NULL, {0}, {NULL, NULL, NULL}}

/* Opens the library if it is not open yet. Returns NULL when it is usable, else why it is not. */
const regards_library_failure *regards_library_open(regards_library *library);

/* A function of the library; aborts with a message if the library cannot be opened or lacks it
 * (only reached if a caller skipped regards_library_open). */
void *regards_library_symbol(regards_library *library, const char *name);

#define REGARDS_FORWARD(library, ret, name, params, args)                    \
    __attribute__((visibility("hidden"))) ret name params {                  \
        static ret(*real) params;                                            \
        if (!real) real = (ret(*) params)regards_library_symbol(&library, #name); \
        return real args;                                                    \
    }

#define REGARDS_FORWARD_VOID(library, name, params, args)                    \
    __attribute__((visibility("hidden"))) void name params {                 \
        static void(*real) params;                                           \
        if (!real) real = (void(*) params)regards_library_symbol(&library, #name); \
        real args;                                                           \
    }

#endif
