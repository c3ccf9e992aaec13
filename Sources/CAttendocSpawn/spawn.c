#define _GNU_SOURCE
#include "CAttendocSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static void close_from(int first, int keep) {
    // close_range(2) (Linux 5.9); otherwise one descriptor at a time.
#ifdef SYS_close_range
    if (keep > first) {
        if (syscall(SYS_close_range, (unsigned)first, (unsigned)(keep - 1), 0) == 0
            && syscall(SYS_close_range, (unsigned)(keep + 1), ~0U, 0) == 0) return;
    } else if (syscall(SYS_close_range, (unsigned)first, ~0U, 0) == 0) {
        return;
    }
#endif
    for (int fd = first; fd < 65536; fd++) {
        if (fd != keep) close(fd);
    }
}

/* Forks and execs `path` with `in_fd`, `out_fd` and `err_fd` as its descriptors 0, 1 and 2 (they
   may be equal), in a process group of its own, with a death signal. The caller still owns and
   closes the three descriptors. */
static pid_t spawn_with(const char *path, char *const argv[], char *const envp[],
                        int in_fd, int out_fd, int err_fd) {
    // The child writes errno here if exec fails; on success exec closes it (close-on-exec).
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -errno;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        // In the child: async-signal-safe calls only.
        close(report[0]);
        sigset_t all;
        sigemptyset(&all);
        sigprocmask(SIG_SETMASK, &all, NULL);
        for (int sig = 1; sig < 32; sig++) {
            if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
        }
        setpgid(0, 0);
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        // The parent may have died before prctl took effect.
        if (getppid() != parent) _exit(127);
#endif
        int status = 0;
        if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) {
            status = errno;
        } else {
            int keep = report[1] > 2 ? report[1] : -1;
            close_from(3, keep);
            execve(path, argv, envp);
            status = errno;
        }
        ssize_t ignored = write(report[1], &status, sizeof status);
        (void)ignored;
        _exit(127);
    }
    int fork_error = errno;
    close(report[1]);
    if (pid < 0) {
        close(report[0]);
        return -fork_error;
    }
    // Also from this side, so that the group exists before anyone signals it.
    setpgid(pid, pid);
    int child_error = 0;
    ssize_t got;
    do {
        got = read(report[0], &child_error, sizeof child_error);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof child_error) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return -(child_error ? child_error : ECHILD);
    }
    return pid;
}

pid_t attendoc_spawn(const char *path, char *const argv[], char *const envp[],
                     const char *out_path, const char *err_path) {
    // Everything that can fail is done here, before fork, so the child only moves descriptors.
    int in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (in_fd < 0) return -errno;
    int out_fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (out_fd < 0) { int e = errno; close(in_fd); return -e; }
    int err_fd = out_fd;
    if (strcmp(out_path, err_path) != 0) {
        err_fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (err_fd < 0) { int e = errno; close(in_fd); close(out_fd); return -e; }
    }
    pid_t pid = spawn_with(path, argv, envp, in_fd, out_fd, err_fd);
    close(in_fd);
    close(out_fd);
    if (err_fd != out_fd) close(err_fd);
    return pid;
}

pid_t attendoc_spawn_connected(const char *path, char *const argv[], char *const envp[],
                               const char *err_path, int *connection) {
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) return -errno;
    int err_fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (err_fd < 0) { int e = errno; close(pair[0]); close(pair[1]); return -e; }
    pid_t pid = spawn_with(path, argv, envp, pair[1], pair[1], err_fd);
    close(pair[1]);
    close(err_fd);
    if (pid < 0) {
        close(pair[0]);
        return pid;
    }
    *connection = pair[0];
    return pid;
}

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int attendoc_wait(pid_t pid, long timeout_ms, int *status) {
    long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    int pidfd = -1;
#ifdef SYS_pidfd_open
    pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
#endif
    long pause_ms = 1;
    for (;;) {
        pid_t done = waitpid(pid, status, WNOHANG);
        if (done == pid) { if (pidfd >= 0) close(pidfd); return 1; }
        if (done < 0 && errno != EINTR) { int e = errno; if (pidfd >= 0) close(pidfd); return -e; }
        long left = deadline < 0 ? -1 : deadline - now_ms();
        if (deadline >= 0 && left <= 0) { if (pidfd >= 0) close(pidfd); return 0; }
        if (pidfd >= 0) {
            struct pollfd p = { .fd = pidfd, .events = POLLIN, .revents = 0 };
            poll(&p, 1, left < 0 ? -1 : (int)(left > 1000000 ? 1000000 : left));
        } else {
            // No pidfd (Linux before 5.3, or another system): look again after a short pause.
            long wait_ms = left < 0 || pause_ms < left ? pause_ms : left;
            struct timespec t = { .tv_sec = wait_ms / 1000, .tv_nsec = (wait_ms % 1000) * 1000000 };
            nanosleep(&t, NULL);
            if (pause_ms < 50) pause_ms *= 2;
        }
    }
}
