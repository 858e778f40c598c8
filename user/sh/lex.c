/*
 * lex.c - cut a command buffer into tokens.
 *
 * Interface: lex(arena, src, &tokens, &n) fills an array that always ends
 * with T_EOF; returns LEX_INCOMPLETE when the buffer ends inside a quote
 * or right after a backslash-newline (the caller reads another line).
 *
 * Tokens: words (raw text with quotes and backslashes kept: expand.c
 * removes them), | || & && ; newline, and redirections [n]< [n]> [n]>>
 * [n]>&m (the digit must touch the operator).  '#' at the start of a word
 * begins a comment.  Backslash-newline outside quotes joins lines.
 */
#include <string.h>
#include "sh.h"

struct lexer {
	struct arena *a;
	const char *s;
	size_t i;
	struct token *t;
	int n, cap;
};

static struct token *push(struct lexer *lx, enum tok kind, size_t start)
{
	if (lx->n == lx->cap) {
		int cap = lx->cap ? lx->cap * 2 : 16;
		struct token *t = ar_alloc(lx->a, sizeof *t * (size_t)cap);
		if (lx->n)
			memcpy(t, lx->t, sizeof *t * (size_t)lx->n);
		lx->t = t;
		lx->cap = cap;
	}
	struct token *t = &lx->t[lx->n++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->start = start;
	t->end = lx->i;
	return t;
}

static int is_meta(char c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
	       c == '\n' || c == ' ' || c == '\t' || c == 0;
}

/* A word up to the next unquoted metacharacter; LEX_INCOMPLETE inside a quote. */
static int lex_word(struct lexer *lx)
{
	size_t start = lx->i;
	const char *s = lx->s;
	while (!is_meta(s[lx->i])) {
		char c = s[lx->i++];
		if (c == '\\') {
			if (!s[lx->i] || (s[lx->i] == '\n' && !s[lx->i + 1]))
				return LEX_INCOMPLETE;
			lx->i++;
		} else if (c == '\'' || c == '"') {
			while (s[lx->i] && s[lx->i] != c) {
				if (c == '"' && s[lx->i] == '\\' && s[lx->i + 1])
					lx->i++;
				lx->i++;
			}
			if (!s[lx->i])
				return LEX_INCOMPLETE;
			lx->i++;
		}
	}
	struct token *t = push(lx, T_WORD, start);
	t->text = ar_strndup(lx->a, s + start, lx->i - start);
	return LEX_OK;
}

/* [n]< [n]> [n]>> [n]>& at lx->i (the digit, if any, already checked). */
static void lex_redir(struct lexer *lx, int fd)
{
	size_t start = lx->i;
	const char *s = lx->s;
	if (fd >= 0)
		lx->i++;
	char c = s[lx->i++];
	int op = c == '<' ? R_IN : R_OUT;
	if (c == '>' && s[lx->i] == '>') {
		op = R_APPEND;
		lx->i++;
	} else if (c == '>' && s[lx->i] == '&') {
		op = R_DUP;
		lx->i++;
	}
	struct token *t = push(lx, T_REDIR, start);
	t->fd = fd >= 0 ? fd : (c == '<' ? 0 : 1);
	t->op = op;
}

/* An operator other than a redirection: | || & && ; newline. */
static void lex_op(struct lexer *lx)
{
	size_t start = lx->i;
	char c = lx->s[lx->i++];
	enum tok k = c == ';' ? T_SEMI : T_NL;
	if (c == '|' || c == '&') {
		int twice = lx->s[lx->i] == c;
		if (twice)
			lx->i++;
		k = c == '|' ? (twice ? T_OR : T_PIPE) : (twice ? T_AND : T_AMP);
	}
	push(lx, k, start);
}

int lex(struct arena *a, const char *src, struct token **out, int *ntok)
{
	struct lexer lx = { .a = a, .s = src };
	for (;;) {
		char c = src[lx.i];
		if (c == ' ' || c == '\t') {
			lx.i++;
		} else if (c == '\\' && src[lx.i + 1] == '\n') {
			lx.i += 2;
			if (!src[lx.i])
				return LEX_INCOMPLETE;
		} else if (c == '#') {
			while (src[lx.i] && src[lx.i] != '\n')
				lx.i++;
		} else if (c == 0) {
			break;
		} else if (c >= '0' && c <= '9' && (src[lx.i + 1] == '<' || src[lx.i + 1] == '>')) {
			lex_redir(&lx, c - '0');
		} else if (c == '<' || c == '>') {
			lex_redir(&lx, -1);
		} else if (is_meta(c)) {
			lex_op(&lx);
		} else if (lex_word(&lx) == LEX_INCOMPLETE) {
			return LEX_INCOMPLETE;
		}
	}
	push(&lx, T_EOF, lx.i);
	*out = lx.t;
	*ntok = lx.n;
	return LEX_OK;
}
