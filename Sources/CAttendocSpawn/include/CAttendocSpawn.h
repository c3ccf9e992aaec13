#ifndef CATTENDOC_SPAWN_H
#define CATTENDOC_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (both ending in NULL) in a process group of its own: standard
/// input /dev/null, standard output to `out_path`, standard error to `err_path` (the same file when
/// they are equal), every other descriptor closed, default signal handling, and (Linux) SIGKILL
/// sent to it when the thread that started it ends, so that a killed Attendoc leaves nothing
/// running. Returns the process id, or minus the error number when it could not start.
pid_t attendoc_spawn(const char *path, char *const argv[], char *const envp[],
                     const char *out_path, const char *err_path);

/// Starts `path` as `attendoc_spawn` does, but with standard input and standard output both one
/// end of a new connected pair of Unix stream sockets, for a program that answers requests for as
/// long as it runs (the warm FOP worker). Standard error goes to `err_path`. On success returns the
/// process id and sets `*connection` to Attendoc's end of the pair (close-on-exec); otherwise
/// returns minus the error number.
pid_t attendoc_spawn_connected(const char *path, char *const argv[], char *const envp[],
                               const char *err_path, int *connection);

/// Waits up to `timeout_ms` milliseconds (forever when negative) for `pid` to end. Returns 1 when
/// it ended (`*status` is its wait status), 0 when the time ran out (it still runs), or minus the
/// error number.
int attendoc_wait(pid_t pid, long timeout_ms, int *status);

#endif
