/*
 * StreamCanvas UDF worker launcher: the whole sandbox in one exec (README "Sandbox"). The util-linux chain it replaces
 * (unshare, setpriv, sh) costs three execs per worker; this does the same steps in the same order, then execs node:
 *   1. its own empty network namespace (as root), or a user namespace mapping us to root plus one (otherwise);
 *   2. as root: no supplementary groups, gid and uid nobody (real, effective and saved);
 *   3. parent-death signal KILL, set after the credential change (which clears it), and dies if the parent is gone;
 *   4. address space capped at argv's KB, no file writes, no core;
 *   5. the runner's pipe (our stdout) moved to fd 3 for frames, and stdout joined to stderr (UDF output = log lines).
 * Usage: sc-launch <net|nonet> <address-space-kb> <program> [args...]   (exits 126 saying which step failed)
 * Compiled by the runner or the server at first use where a C compiler exists (else they use the util-linux chain).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#define NOBODY 65534

static void fail(const char *step) {
  fprintf(stderr, "sc-launch: %s: %s\n", step, strerror(errno));
  _exit(126);
}

static void write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) fail(path);
  close(fd);
}

static void set_limit(int resource, rlim_t value, const char *step) {
  struct rlimit r = {value, value};
  if (setrlimit(resource, &r) != 0) fail(step);
}

int main(int argc, char **argv) {
  if (argc < 4 || (strcmp(argv[1], "net") != 0 && strcmp(argv[1], "nonet") != 0)) {
    fprintf(stderr, "usage: sc-launch <net|nonet> <address-space-kb> <program> [args...]\n");
    return 2;
  }
  char *end;
  unsigned long long kb = strtoull(argv[2], &end, 10);
  if (*end != '\0' || kb == 0) {
    fprintf(stderr, "sc-launch: address space must be a number of KB, not %s\n", argv[2]);
    return 2;
  }
  pid_t parent = getppid();
  uid_t uid = getuid();
  gid_t gid = getgid();
  if (strcmp(argv[1], "nonet") == 0) {
    if (uid == 0) {
      if (unshare(CLONE_NEWNET) != 0) fail("unshare(CLONE_NEWNET)");
    } else {
      if (unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0) fail("unshare(CLONE_NEWUSER | CLONE_NEWNET)");
      char map[64];
      write_file("/proc/self/setgroups", "deny");
      snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
      write_file("/proc/self/uid_map", map);
      snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
      write_file("/proc/self/gid_map", map);
    }
  }
  if (uid == 0) {
    if (setgroups(0, NULL) != 0) fail("setgroups");
    if (setresgid(NOBODY, NOBODY, NOBODY) != 0) fail("setresgid(nobody)");
    if (setresuid(NOBODY, NOBODY, NOBODY) != 0) fail("setresuid(nobody)");
  }
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail("prctl(PR_SET_PDEATHSIG)");
  if (getppid() != parent) _exit(126); /* the parent died before the signal was armed */
  set_limit(RLIMIT_AS, (rlim_t)kb * 1024, "setrlimit(RLIMIT_AS)");
  set_limit(RLIMIT_FSIZE, 0, "setrlimit(RLIMIT_FSIZE)");
  set_limit(RLIMIT_CORE, 0, "setrlimit(RLIMIT_CORE)");
  if (dup2(1, 3) != 3) fail("dup2(stdout, 3)");
  if (dup2(2, 1) != 1) fail("dup2(stderr, stdout)");
  unsetenv("PWD");
  execvp(argv[3], argv + 3);
  fail(argv[3]);
  return 126;
}
