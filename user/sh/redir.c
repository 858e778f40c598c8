/*
 * redir.c - apply a command's redirections in order (so "> f 2>&1" sends
 * both to f, "2>&1 > f" only stdout), optionally saving the descriptors
 * they replace so that a builtin run inside the shell can undo them.
 *
 * Interface: apply_redirs(r, save, &nsave, max) returns 0, or -1 after
 * printing "sh: <file>: <strerror>" (the descriptors already changed stay
 * changed: the caller restores or exits); save may be NULL in a child.
 * Invariant: saved copies live at descriptors >= 10 with FD_CLOEXEC, so
 * commands never inherit them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "sh.h"

static int save_fd(int fd, struct saved_fd *save, int *nsave, int maxsave)
{
	if (!save)
		return 0;
	for (int i = 0; i < *nsave; i++)
		if (save[i].fd == fd)
			return 0;
	if (*nsave == maxsave) {
		sh_printf(2, "sh: too many redirections\n");
		return -1;
	}
	int copy = fcntl(fd, F_DUPFD, 10);
	if (copy >= 0)
		fcntl(copy, F_SETFD, FD_CLOEXEC);
	save[*nsave].fd = fd;
	save[*nsave].copy = copy;       /* -1: fd was closed */
	(*nsave)++;
	return 0;
}

/* The descriptor a redirection's target names, opened or duplicated. */
static int open_target(struct redir *r, const char *file)
{
	if (r->op == R_DUP) {
		char *end;
		long src = strtol(file, &end, 10);
		if (*file == 0 || *end || src < 0 || src > 9) {
			sh_printf(2, "sh: %s: bad file descriptor\n", file);
			return -1;
		}
		int fd = fcntl((int)src, F_DUPFD, 0);
		if (fd < 0)
			sh_error(file, errno);
		return fd;
	}
	int flags = r->op == R_IN ? O_RDONLY :
		    r->op == R_APPEND ? O_WRONLY | O_CREAT | O_APPEND :
					O_WRONLY | O_CREAT | O_TRUNC;
	int fd = open(file, flags, 0666);
	if (fd < 0)
		sh_error(file, errno);
	return fd;
}

int apply_redirs(struct redir *r, struct saved_fd *save, int *nsave, int maxsave)
{
	for (; r; r = r->next) {
		char *file = expand_word(r->word);
		int fd = open_target(r, file);
		free(file);
		if (fd < 0 || save_fd(r->fd, save, nsave, maxsave) < 0) {
			if (fd >= 0)
				close(fd);
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

void restore_redirs(struct saved_fd *save, int nsave)
{
	for (int i = nsave - 1; i >= 0; i--) {
		if (save[i].copy >= 0) {
			dup2(save[i].copy, save[i].fd);
			close(save[i].copy);
		} else {
			close(save[i].fd);
		}
	}
}
