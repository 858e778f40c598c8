/*
 * grep.c - /bin/grep [-vcin] pattern [file...]: print the lines that
 * match the pattern.  Patterns are a small regular expression language:
 * ordinary characters match themselves, '.' any character, [abc] [a-z]
 * [^0-9] one character of (not of) a set, 'x*' zero or more of x (x any
 * of those), '^' at the start and '$' at the end anchor, '\c' is c
 * itself.  A '[' without its ']' is an ordinary character.  -v selects the
 * lines that do not match, -c prints only their count, -i ignores case,
 * -n prefixes line numbers.  With several files each line (or count) is
 * prefixed by "<file>:".  Exit status 0 if a line was selected, 1 if
 * none, 2 on errors.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

#define USAGE "[-vcin] pattern [file...]"

struct atom {
	char c, any, star;
	unsigned char *set;     /* [...]: 256 flags, or NULL */
};

static struct atom *atoms;      /* the compiled pattern */
static int natoms, anchor_start, anchor_end;
static int opt_v, opt_c, opt_i, opt_n;

/* [set] at p (after '['): fills a->set; returns the end, or NULL. */
static const char *compile_set(struct atom *a, const char *p)
{
	int negate = *p == '^';
	const char *q = p + negate;
	const char *close = strchr(q + (*q == ']'), ']');
	if (!close)
		return NULL;
	a->set = calloc(256, 1);
	if (!a->set) {
		warn_msg("out of memory");
		exit(2);
	}
	for (; q < close; q++) {
		unsigned char lo = (unsigned char)*q, hi = lo;
		if (q[1] == '-' && q + 2 < close) {
			hi = (unsigned char)q[2];
			q += 2;
		}
		for (unsigned c = lo; c <= hi; c++)
			a->set[c] = 1;
	}
	for (int c = 0; negate && c < 256; c++)
		a->set[c] = !a->set[c];
	return close + 1;
}

static void compile(const char *p)
{
	atoms = calloc(strlen(p) + 1, sizeof *atoms);
	if (!atoms) {
		warn_msg("out of memory");
		exit(2);
	}
	if (*p == '^') {
		anchor_start = 1;
		p++;
	}
	while (*p) {
		if (p[0] == '$' && p[1] == 0) {
			anchor_end = 1;
			break;
		}
		struct atom *a = &atoms[natoms++];
		const char *end;
		if (p[0] == '\\' && p[1]) {
			a->c = p[1];
			p += 2;
		} else if (p[0] == '[' && (end = compile_set(a, p + 1))) {
			p = end;
		} else {
			a->any = p[0] == '.';
			a->c = *p++;
		}
		if (*p == '*') {
			a->star = 1;
			p++;
		}
	}
}

static int atom_ok(const struct atom *a, char c)
{
	if (a->any)
		return 1;
	if (a->set)
		return a->set[(unsigned char)c] ||
		       (opt_i && (a->set[tolower((unsigned char)c)] || a->set[toupper((unsigned char)c)]));
	if (opt_i)
		return tolower((unsigned char)a->c) == tolower((unsigned char)c);
	return a->c == c;
}

/* Does atoms[k..] match a prefix of s (all of s if anchored at the end)? */
static int match_at(int k, const char *s)
{
	for (; k < natoms; k++) {
		const struct atom *a = &atoms[k];
		if (a->star) {
			const char *t = s;
			while (*t && atom_ok(a, *t))
				t++;
			for (; t >= s; t--)            /* longest first, then back off */
				if (match_at(k + 1, t))
					return 1;
			return 0;
		}
		if (!*s || !atom_ok(a, *s))
			return 0;
		s++;
	}
	return !anchor_end || *s == 0;
}

static int matches(const char *line)
{
	if (anchor_start)
		return match_at(0, line);
	for (const char *s = line; ; s++) {
		if (match_at(0, s))
			return 1;
		if (!*s)
			return 0;
	}
}

/* One line without its '\n' into *buf; -1 at the end of the file. */
static int read_line(FILE *f, char **buf, size_t *cap)
{
	size_t n = 0;
	int ch;
	while ((ch = getc(f)) != EOF && ch != '\n') {
		if (n + 2 > *cap) {
			*cap = *cap ? *cap * 2 : 128;
			*buf = realloc(*buf, *cap);
			if (!*buf) {
				warn_msg("out of memory");
				exit(2);
			}
		}
		(*buf)[n++] = (char)ch;
	}
	if (ch == EOF && n == 0)
		return -1;
	if (!*buf && !(*buf = malloc(*cap = 1)))
		exit(2);
	(*buf)[n] = 0;
	return 0;
}

/* Number of selected lines of f, printed unless -c. */
static long grep_file(FILE *f, const char *prefix)
{
	char *line = NULL;
	size_t cap = 0;
	long selected = 0, lineno = 0;
	while (read_line(f, &line, &cap) == 0) {
		lineno++;
		if (matches(line) == opt_v)
			continue;
		selected++;
		if (opt_c)
			continue;
		if (prefix)
			printf("%s:", prefix);
		if (opt_n)
			printf("%ld:", lineno);
		printf("%s\n", line);
	}
	free(line);
	if (opt_c) {
		if (prefix)
			printf("%s:", prefix);
		printf("%ld\n", selected);
	}
	return selected;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int ch, error = 0;
	long selected = 0;
	while ((ch = opt_next(argc, argv, "vcin")) != -1) {
		if (ch == '?')
			usage(USAGE);
		opt_v |= ch == 'v';
		opt_c |= ch == 'c';
		opt_i |= ch == 'i';
		opt_n |= ch == 'n';
	}
	if (opt_ind == argc)
		usage(USAGE);
	compile(argv[opt_ind++]);
	if (opt_ind == argc)
		selected = grep_file(stdin, NULL);
	for (int i = opt_ind; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		if (!f) {
			warn_file(argv[i]);
			error = 1;
			continue;
		}
		selected += grep_file(f, argc - opt_ind > 1 ? argv[i] : NULL);
		if (ferror(f)) {
			warn_file(argv[i]);
			error = 1;
		}
		fclose(f);
	}
	fflush(stdout);
	return error ? 2 : selected ? 0 : 1;
}
