/*
 * mem.c - memory helpers of the shell: an arena for the parse tree of one
 * command (ar_*), allocation that exits the shell when memory runs out
 * (x*), and growable NUL-terminated strings (str_*).
 *
 * Invariants: ar_alloc returns zeroed memory that lives until ar_free;
 * a struct str is always NUL-terminated once anything was added.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct ablock { struct ablock *next; };

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		sh_error("malloc", ENOMEM);
		_exit(2);
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		sh_error("realloc", ENOMEM);
		_exit(2);
	}
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

void *ar_alloc(struct arena *a, size_t n)
{
	struct ablock *b = xmalloc(sizeof *b + n + 8);
	b->next = a->head;
	a->head = b;
	memset(b + 1, 0, n + 8);
	return b + 1;
}

char *ar_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = ar_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void ar_free(struct arena *a)
{
	while (a->head) {
		struct ablock *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}

void str_addc(struct str *b, char c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = c;
	b->s[b->len] = 0;
}

void str_adds(struct str *b, const char *s)
{
	while (*s)
		str_addc(b, *s++);
}

void str_free(struct str *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
