// poppler-glib through dlopen: each function is looked up by its name in the loaded library.
#include "CPopplerShim.h"

#include <dlfcn.h>
#include <stdio.h>

static int pc_poppler_fail(char *error, size_t capacity, const char *reason) {
  if (capacity > 0) snprintf(error, capacity, "%s", reason ? reason : "unknown");
  return -1;
}

static int pc_poppler_resolve(void *library, pc_poppler_functions *functions, char *error,
                              size_t capacity) {
#define PC_POPPLER_RESOLVE(name)                                            \
  *(void **)&functions->name = dlsym(library, #name);                      \
  if (!functions->name) return pc_poppler_fail(error, capacity, "missing symbol " #name);
  PC_POPPLER_FUNCTIONS(PC_POPPLER_RESOLVE)
#undef PC_POPPLER_RESOLVE
  return 0;
}

int pc_poppler_open(const char *library, pc_poppler_functions *functions, char *error,
                    size_t capacity) {
  void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (!handle) return pc_poppler_fail(error, capacity, dlerror());
  if (pc_poppler_resolve(handle, functions, error, capacity) != 0) {
    dlclose(handle);
    return -1;
  }
  return 0;
}
