/*
 * strsignal.c - the text of each signal, as ps, kill -l and the shell's
 * job reports show it.  Ours rather than newlib's, whose table misspells
 * SIGTTOU (BusyBox ash said "Unknown signal 22" for a job stopped by a
 * background write).  Unknown numbers get "Unknown signal N" in a buffer
 * of our own, as newlib's does.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const names[NSIG] = {
    [SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
    [SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
    [SIGABRT] = "Aborted", [SIGEMT] = "EMT trap", [SIGFPE] = "Arithmetic exception",
    [SIGKILL] = "Killed", [SIGBUS] = "Bus error", [SIGSEGV] = "Segmentation fault",
    [SIGSYS] = "Bad system call", [SIGPIPE] = "Broken pipe", [SIGALRM] = "Alarm clock",
    [SIGTERM] = "Terminated", [SIGURG] = "Urgent I/O condition",
    [SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped", [SIGCONT] = "Continued",
    [SIGCHLD] = "Child exited", [SIGTTIN] = "Stopped (tty input)",
    [SIGTTOU] = "Stopped (tty output)", [SIGIO] = "I/O possible",
    [SIGXCPU] = "CPU time limit exceeded", [SIGXFSZ] = "File size limit exceeded",
    [SIGVTALRM] = "Virtual timer expired", [SIGPROF] = "Profiling timer expired",
    [SIGWINCH] = "Window changed", [SIGLOST] = "Resource lost",
    [SIGUSR1] = "User defined signal 1", [SIGUSR2] = "User defined signal 2",
};

char *strsignal(int signo)
{
    static char unknown[32];
    if (signo > 0 && signo < NSIG && names[signo])
        return (char *)names[signo];
    snprintf(unknown, sizeof(unknown), "Unknown signal %d", signo);
    return unknown;
}
