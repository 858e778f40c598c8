/*
 * init.c - /init of the Linux benchmark guest (initramfs built by
 * tools/bench_linux.py); Linux-specific, not part of the POSIX sources.
 *
 * Prints "linux-init: up" on the console first (the host's boot-time
 * mark), then runs "/bench/bench <args>" where <args> are init's own
 * arguments (the kernel passes the command-line words it does not know;
 * "all" when there are none), prints "linux-init: done status=<n>" and
 * powers the machine off.  It never returns: init must not exit.
 */
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char *all[] = {"bench", "all", NULL};
    char **args = argc > 1 ? argv : all;
    int status = -1;

    printf("linux-init: up\n");
    fflush(stdout);
    if (argc > 1)
        args[0] = "bench";
    pid_t pid = fork();
    if (pid == 0) {
        execv("/bench/bench", args);
        perror("linux-init: exec /bench/bench");
        _exit(127);
    }
    if (pid > 0)
        waitpid(pid, &status, 0);
    printf("linux-init: done status=%d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128);
    fflush(stdout);
    sync();
    reboot(RB_POWER_OFF);
    for (;;)
        pause();
}
