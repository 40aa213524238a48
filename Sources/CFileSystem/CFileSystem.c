#define _GNU_SOURCE
#include "CFileSystem.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int pc_sync_file_system(int descriptor) { return syncfs(descriptor); }

int pc_memory_file(const char *name) { return memfd_create(name, MFD_CLOEXEC); }

int pc_rename_without_replacing(const char *source, const char *target) {
  return renameat2(AT_FDCWD, source, AT_FDCWD, target, RENAME_NOREPLACE);
}
