#define _GNU_SOURCE
#include "CFileSystem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int pc_sync_file_system(int descriptor) { return syncfs(descriptor); }

int pc_memory_file(const char *name) { return memfd_create(name, MFD_CLOEXEC); }

int pc_rename_without_replacing(const char *source, const char *target) {
  return renameat2(AT_FDCWD, source, AT_FDCWD, target, RENAME_NOREPLACE);
}

int pc_close_descriptors_from(int first) {
  if (close_range((unsigned int)first, ~0U, 0) == 0) return 0;
  if (errno != ENOSYS) return -1;

  DIR *listing = opendir("/proc/self/fd");
  if (listing == NULL) return -1;
  int own = dirfd(listing);
  struct dirent *entry;
  while ((entry = readdir(listing)) != NULL) {
    int descriptor = atoi(entry->d_name);
    if (entry->d_name[0] != '.' && descriptor >= first && descriptor != own) close(descriptor);
  }
  closedir(listing);
  return 0;
}
