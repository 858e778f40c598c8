/*
 * glob.c - pathname expansion of one field: '*' (any string), '?' (any
 * character) and '[...]' ('[a-z]', '[!x]' or '[^x]') in any component of
 * a path ("*.c", "d/?/x*").
 *
 * Interface: glob_field(pattern, &names) with the pattern in the form
 * expand.c builds it (characters that were quoted come escaped with a
 * backslash); returns the number of matching paths, sorted byte-wise, in
 * a malloc'd NULL-terminated vector (0 and NULL when nothing matches: the
 * caller keeps the word as it was).
 * Invariants: a name starting with '.' matches only a pattern component
 * starting with '.'; "." and ".." are never produced by a wildcard.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sh.h"

struct names { char **v; int n, cap; };

static void add_name(struct names *r, const char *s)
{
	if (r->n + 2 > r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, sizeof *r->v * (size_t)r->cap);
	}
	r->v[r->n++] = xstrdup(s);
	r->v[r->n] = NULL;
}

/* [set] at p (after '['), c the character; *end set after ']'. -1: no set. */
static int match_set(const char *p, char c, const char **end)
{
	int negate = *p == '!' || *p == '^', hit = 0;
	const char *q = p + negate;
	const char *close = strchr(q + (*q == ']'), ']');
	if (!close)
		return -1;
	for (; q < close; q++) {
		char lo = *q == '\\' && q + 1 < close ? *++q : *q, hi = lo;
		if (q[1] == '-' && q + 2 < close) {
			hi = q[2] == '\\' && q + 3 < close ? q[3] : q[2];
			q += q[2] == '\\' ? 3 : 2;
		}
		if ((unsigned char)c >= (unsigned char)lo && (unsigned char)c <= (unsigned char)hi)
			hit = 1;
	}
	*end = close + 1;
	return hit != negate;
}

/* Does the pattern p (up to '/' or NUL) match all of name? */
static int match(const char *p, const char *name)
{
	for (; *p && *p != '/'; p++, name++) {
		const char *end;
		int r;
		if (*p == '*') {
			for (const char *s = name + strlen(name); s >= name; s--)
				if (match(p + 1, s))
					return 1;
			return 0;
		}
		if (!*name)
			return 0;
		if (*p == '?')
			continue;
		if (*p == '[' && (r = match_set(p + 1, *name, &end)) >= 0) {
			if (!r)
				return 0;
			p = end - 1;
			continue;
		}
		if (*p == '\\' && p[1])
			p++;
		if (*p != *name)
			return 0;
	}
	return *name == 0;
}

static int has_meta(const char *p)
{
	for (; *p && *p != '/'; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '*' || *p == '?' || *p == '[')
			return 1;
	}
	return 0;
}

/* Appends component p (up to '/') without its escapes. */
static void add_literal(struct str *path, const char *p)
{
	for (; *p && *p != '/'; p++) {
		if (*p == '\\' && p[1])
			p++;
		str_addc(path, *p);
	}
}

static void expand_from(struct str *path, const char *p, struct names *r);

/* path + entry name, then on with the rest of the pattern. */
static void descend(struct str *path, const char *name, const char *rest, struct names *r)
{
	size_t keep = path->len;
	str_adds(path, name);
	expand_from(path, rest, r);
	path->len = keep;
	path->s[keep] = 0;
}

static void expand_from(struct str *path, const char *p, struct names *r)
{
	struct stat st;
	while (*p == '/') {
		str_addc(path, *p++);
	}
	if (!*p) {
		if (lstat(path->s, &st) == 0)
			add_name(r, path->s);
		return;
	}
	const char *rest = strchr(p, '/');
	rest = rest ? rest : p + strlen(p);
	if (!has_meta(p)) {
		size_t keep = path->len;
		add_literal(path, p);
		expand_from(path, rest, r);
		path->len = keep;
		path->s[keep] = 0;
		return;
	}
	DIR *d = opendir(path->len ? path->s : ".");
	if (!d)
		return;
	struct dirent *e;
	struct names here = { 0 };
	while ((e = readdir(d)))
		if ((e->d_name[0] != '.' || *p == '.') && strcmp(e->d_name, ".") &&
		    strcmp(e->d_name, "..") && match(p, e->d_name))
			add_name(&here, e->d_name);
	closedir(d);
	for (int i = 0; i < here.n; i++) {
		descend(path, here.v[i], rest, r);
		free(here.v[i]);
	}
	free(here.v);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob_field(const char *pattern, char ***names)
{
	struct names r = { 0 };
	struct str path = { 0 };
	str_addc(&path, 0);          /* allocate; keep it empty */
	path.len = 0;
	path.s[0] = 0;
	expand_from(&path, pattern, &r);
	str_free(&path);
	if (r.n)
		qsort(r.v, (size_t)r.n, sizeof *r.v, by_name);
	*names = r.v;
	return r.n;
}
