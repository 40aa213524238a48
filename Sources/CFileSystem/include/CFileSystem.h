// The one file-system call PendCheck needs that Swift's Glibc module does not declare:
// `syncfs` is a GNU extension, visible only with _GNU_SOURCE.
#ifndef PENDCHECK_FILE_SYSTEM_H
#define PENDCHECK_FILE_SYSTEM_H

#ifdef __cplusplus
extern "C" {
#endif

/// Writes every dirty file, inode and directory of the file system holding the open file
/// `descriptor` to disk and waits for it, as `syncfs(2)`; 0 on success, otherwise -1 with
/// `errno` set (a write-back error since `descriptor` was opened is reported, Linux 5.8 on).
int pc_sync_file_system(int descriptor);

#ifdef __cplusplus
}
#endif

#endif
