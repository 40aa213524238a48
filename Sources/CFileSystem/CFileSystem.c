#define _GNU_SOURCE
#include "CFileSystem.h"

#include <sys/mman.h>
#include <unistd.h>

int pc_sync_file_system(int descriptor) { return syncfs(descriptor); }

int pc_memory_file(const char *name) { return memfd_create(name, MFD_CLOEXEC); }
