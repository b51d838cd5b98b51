#include "LazyLibrary.h"

#include <dlfcn.h>
#include <stdio.h>

const char *regards_library_open(regards_library *library) {
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
            snprintf(library->failure, sizeof library->failure, "%s cannot be loaded (%s); install it (%s)", library->label, why ? why : "not found",
                     library->install);
        }
    }
    pthread_mutex_unlock(&library->lock);
    return library->handle ? NULL : library->failure;
}

void *regards_library_symbol(regards_library *library, const char *name) {
    const char *problem = regards_library_open(library);
    void *found = problem ? NULL : dlsym(library->handle, name);
    if (!found) {
        if (problem) fprintf(stderr, "regards: error: %s: %s\n", name, problem);
        else fprintf(stderr, "regards: error: %s: missing from %s\n", name, library->label);
        abort();
    }
    return found;
}
