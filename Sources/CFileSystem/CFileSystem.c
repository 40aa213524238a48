#define _GNU_SOURCE
#include "CFileSystem.h"

#include <unistd.h>

int pc_sync_file_system(int descriptor) { return syncfs(descriptor); }
