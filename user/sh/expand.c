/*
 * expand.c - turn raw words into fields: parameter expansion ($name,
 * ${name}, $? $$ $! $# $0..$9 $@ $*), quote removal ('...', "...", \c),
 * field splitting of unquoted expansions on spaces, tabs, newlines, and
 * pathname expansion (glob.c) of fields with an unquoted * ? or [.
 * No tilde or command substitution (see docs/shell.md).
 *
 * Interface: expand_words() gives a NULL-terminated malloc'd vector (free
 * with free_fields); expand_word() one string without splitting (for
 * assignments and redirection targets).
 * Invariants: a quoted part always makes a field, even when empty ("");
 * an unquoted expansion that is empty makes none; pat mirrors cur with
 * every quoted glob character escaped by a backslash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct fields {
	char **v; int n, cap;
	struct str cur;
	struct str pat;      /* cur as a glob pattern */
	int have;            /* cur is a field even if empty */
	int glob;            /* cur has an unquoted * ? [ */
	int split;           /* split unquoted expansions and glob (command words) */
};

static void push_field(struct fields *f, const char *s)
{
	if (f->n + 2 > f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->v = xrealloc(f->v, sizeof *f->v * (size_t)f->cap);
	}
	f->v[f->n++] = xstrdup(s);
	f->v[f->n] = NULL;
}

static void field_end(struct fields *f)
{
	if (!f->have)
		return;
	char **names;
	int n = f->glob && f->split ? glob_field(f->pat.s, &names) : 0;
	for (int i = 0; i < n; i++) {
		push_field(f, names[i]);
		free(names[i]);
	}
	if (n)
		free(names);
	else
		push_field(f, f->cur.s ? f->cur.s : "");
	f->cur.len = f->pat.len = 0;
	if (f->cur.s)
		f->cur.s[0] = f->pat.s[0] = 0;
	f->have = f->glob = 0;
}

static void add_char_q(struct fields *f, char c, int quoted)
{
	int meta = c == '*' || c == '?' || c == '[';
	str_addc(&f->cur, c);
	if (c == '\\' || (quoted && (meta || c == ']' || c == '-' || c == '!' || c == '^')))
		str_addc(&f->pat, '\\');
	str_addc(&f->pat, c);
	f->glob |= meta && !quoted;
	f->have = 1;
}

/* An unquoted character of the word itself. */
static void add_char(struct fields *f, char c)
{
	add_char_q(f, c, 0);
}

/* A character the word quoted ('...', "...", \c). */
static void add_quoted(struct fields *f, char c)
{
	add_char_q(f, c, 1);
}

static void add_value(struct fields *f, const char *v, int quoted)
{
	if (quoted)
		f->have = 1;
	for (; *v; v++) {
		if (!quoted && f->split && (*v == ' ' || *v == '\t' || *v == '\n'))
			field_end(f);
		else
			add_char_q(f, *v, quoted);
	}
}

/* "$@" and "$*" and their unquoted forms: the arguments, one field each
 * when split or quoted "$@", else joined with spaces. */
static void add_args(struct fields *f, int quoted, int separate)
{
	for (int i = 0; i < sh.nargs; i++) {
		if (i > 0) {
			if (separate && quoted)
				field_end(f);
			else
				add_value(f, " ", quoted);
		}
		add_value(f, sh.args[i], quoted);
	}
}

static const char *special(const char *name, char *num, size_t size)
{
	long v;
	if (strcmp(name, "?") == 0)
		v = sh.status;
	else if (strcmp(name, "$") == 0)
		v = (long)sh.pid;
	else if (strcmp(name, "!") == 0)
		v = (long)sh.last_bg;
	else if (strcmp(name, "#") == 0)
		v = sh.nargs;
	else if (strcmp(name, "0") == 0)
		return sh.arg0;
	else if (name[0] >= '1' && name[0] <= '9' && !name[1])
		return name[0] - '0' <= sh.nargs ? sh.args[name[0] - '1'] : "";
	else
		return var_get(name);
	if (strcmp(name, "!") == 0 && sh.last_bg == 0)
		return "";
	snprintf(num, size, "%ld", v);
	return num;
}

/* p points after '$'; returns where the expansion ends. */
static const char *dollar(struct fields *f, const char *p, int quoted)
{
	char name[128], num[24];
	size_t n = 0;
	const char *end = p;
	if (*p == '{') {
		const char *close = strchr(p, '}');
		if (!close || close == p + 1 || (size_t)(close - p) > sizeof name) {
			add_char(f, '$');
			return p;
		}
		n = (size_t)(close - p - 1);
		memcpy(name, p + 1, n);
		end = close + 1;
	} else if (strchr("?$!#@*0123456789", *p) && *p) {
		name[n++] = *p;
		end = p + 1;
	} else {
		while (var_valid_name(p, (size_t)(end - p) + 1) && n < sizeof name - 1)
			name[n++] = *end++;
	}
	name[n] = 0;
	if (n == 0) {
		add_char(f, '$');
		return p;
	}
	if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0) {
		add_args(f, quoted, name[0] == '@');
		return end;
	}
	const char *v = special(name, num, sizeof num);
	add_value(f, v ? v : "", quoted);
	return end;
}

static const char *double_quoted(struct fields *f, const char *p)
{
	f->have = 1;
	while (*p && *p != '"') {
		if (*p == '\\' && p[1] && strchr("$`\"\\\n", p[1])) {
			if (p[1] != '\n')
				add_quoted(f, p[1]);
			p += 2;
		} else if (*p == '$') {
			p = dollar(f, p + 1, 1);
		} else {
			add_quoted(f, *p++);
		}
	}
	return *p ? p + 1 : p;
}

static void expand_into(struct fields *f, const char *p)
{
	while (*p) {
		if (*p == '\'') {
			const char *close = strchr(p + 1, '\'');
			if (!close)
				close = p + strlen(p);
			f->have = 1;
			for (p++; p < close; p++)
				add_quoted(f, *p);
			p = *close ? close + 1 : close;
		} else if (*p == '"') {
			p = double_quoted(f, p + 1);
		} else if (*p == '\\' && p[1]) {
			if (p[1] != '\n')
				add_quoted(f, p[1]);
			p += 2;
		} else if (*p == '$') {
			p = dollar(f, p + 1, 0);
		} else {
			add_char(f, *p++);
		}
	}
	field_end(f);
}

char **expand_words(char **raw, int n, int *nout)
{
	struct fields f = { .split = 1 };
	f.v = xmalloc(sizeof *f.v);
	f.v[0] = NULL;
	for (int i = 0; i < n; i++)
		expand_into(&f, raw[i]);
	str_free(&f.cur);
	str_free(&f.pat);
	*nout = f.n;
	return f.v;
}

char *expand_word(const char *raw)
{
	struct fields f = { .split = 0 };
	expand_into(&f, raw);
	char *s = f.n ? f.v[0] : xstrdup("");
	for (int i = 1; i < f.n; i++)
		free(f.v[i]);
	free(f.v);
	str_free(&f.cur);
	str_free(&f.pat);
	return s;
}

void free_fields(char **f)
{
	for (char **p = f; *p; p++)
		free(*p);
	free(f);
}
