#include "LazyLibrary.h"

#include <dlfcn.h>
#include <stdio.h>

const regards_library_failure *regards_library_open(regards_library *library) {
    pthread_mutex_lock(&library->lock);
    if (!library->tried) {
        library->tried = 1;
        const char *chosen = library->environment ? getenv(library->environment) : NULL;
        if (chosen && *chosen) {
            library->handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        } else {
            for (const char *const *name = library->names; *name && !library->handle; name++) library->handle = dlopen(*name, RTLD_NOW | RTLD_LOCAL);
        }
        if (!library->handle) {
            const char *why = dlerror();
            snprintf(library->reason, sizeof library->reason, "%s", why ? why : library->names[0]);
            library->failure = (regards_library_failure){library->label, library->reason, library->install};
        }
    }
    pthread_mutex_unlock(&library->lock);
    return library->handle ? NULL : &library->failure;
}

void *regards_library_symbol(regards_library *library, const char *name) {
    const regards_library_failure *problem = regards_library_open(library);
    void *found = problem ? NULL : dlsym(library->handle, name);
    if (!found) {
        if (problem) fprintf(stderr, "regards: error: %s: %s (%s)\n", name, problem->label, problem->reason);
        else fprintf(stderr, "regards: error: %s: missing from %s\n", name, library->label);
        abort();
    }
    return found;
}
