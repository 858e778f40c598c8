/*
 * input.c - where commands come from and the read-parse-run loop.
 *
 * A source is a string (sh -c, a script file read whole) or a descriptor
 * read one byte at a time (standard input), so that a command reading
 * the same input (e.g. "cat" in a script fed on stdin) gets exactly the
 * bytes after the shell's current line.
 * The loop gathers lines until they parse (an open quote or a trailing
 * | && || asks for more: prompt "> "), then runs them.  A syntax error
 * sets $? to 2 and ends a non-interactive shell with status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

char *input_line(struct input *in)
{
	struct str b = { 0 };
	if (in->buf) {
		while (in->pos < in->len && in->buf[in->pos]) {
			char c = in->buf[in->pos++];
			str_addc(&b, c);
			if (c == '\n')
				break;
		}
		return b.s;
	}
	for (;;) {
		char c;
		ssize_t n = read(in->fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		str_addc(&b, c);
		if (c == '\n')
			break;
	}
	return b.s;
}

static void prompt(int more)
{
	if (!sh.interactive)
		return;
	if (!more)
		jobs_reap(1);
	sh_printf(2, more ? "> " : "$ ");
}

int run_input(struct input *in)
{
	struct str cmd = { 0 };
	const char *why = NULL;
	for (;;) {
		prompt(cmd.len > 0);
		char *line = input_line(in);
		if (!line)
			break;
		str_adds(&cmd, line);
		free(line);
		struct arena a = { 0 };
		struct list l;
		int r = parse(&a, cmd.s, &l, &why);
		if (r == P_OK)
			run_list(&l);
		ar_free(&a);
		if (r == P_INCOMPLETE)
			continue;
		cmd.len = 0;
		cmd.s[0] = 0;
		if (r == P_ERROR) {
			sh_printf(2, "sh: syntax error: %s\n", why);
			sh.status = 2;
			if (!sh.interactive)
				break;
		}
	}
	if (cmd.len) {
		sh_printf(2, "sh: syntax error: %s\n", why);
		sh.status = 2;
	}
	str_free(&cmd);
	return sh.status;
}

int run_script(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		int err = errno;
		sh_error(path, err);
		return err == ENOENT ? 127 : 126;
	}
	struct str text = { 0 };
	char buf[4096];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++)
			str_addc(&text, buf[i]);
	int err = errno;
	close(fd);
	if (n < 0) {
		sh_error(path, err);
		str_free(&text);
		return 126;
	}
	struct input in = { .buf = text.s ? text.s : "", .len = text.len, .fd = -1 };
	int status = run_input(&in);
	str_free(&text);
	return status;
}
