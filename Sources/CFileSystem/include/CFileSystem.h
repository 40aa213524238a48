// The file-system calls PendCheck needs that Swift's Glibc module does not declare:
// `syncfs`, `memfd_create`, `renameat2` and `close_range` are GNU extensions, visible only
// with _GNU_SOURCE.
#ifndef PENDCHECK_FILE_SYSTEM_H
#define PENDCHECK_FILE_SYSTEM_H

#ifdef __cplusplus
extern "C" {
#endif

/// Writes every dirty file, inode and directory of the file system holding the open file
/// `descriptor` to disk and waits for it, as `syncfs(2)`; 0 on success, otherwise -1 with
/// `errno` set (a write-back error since `descriptor` was opened is reported, Linux 5.8 on).
int pc_sync_file_system(int descriptor);

/// A new, empty file that lives in memory only, closed on `exec` unless duplicated onto
/// another descriptor, as `memfd_create(2)` with `MFD_CLOEXEC`; its descriptor, or -1 with
/// `errno` set.
int pc_memory_file(const char *name);

/// Renames `source` to `target` only if nothing is at `target`, in one step, as `renameat2(2)`
/// with `RENAME_NOREPLACE`; 0 on success, otherwise -1 with `errno` set: `EEXIST` when
/// `target` exists, `EINVAL` when the file system cannot make the check.
int pc_rename_without_replacing(const char *source, const char *target);

/// Closes every open descriptor numbered `first` or above, as `close_range(2)` does (Linux 5.9
/// on), or one by one as `/proc/self/fd` lists them where it cannot; 0 on success, otherwise
/// -1 with `errno` set.
int pc_close_descriptors_from(int first);

#ifdef __cplusplus
}
#endif

#endif
