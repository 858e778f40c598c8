/*
 * parse.c - build the command tree from tokens.
 *
 * Grammar (newlines may follow | && ||):
 *   list     := { and_or ( ';' | '&' | NL ) } [ and_or ]
 *   and_or   := pipeline { ( '&&' | '||' ) pipeline }
 *   pipeline := command { '|' command }
 *   command  := { NAME=value } { WORD | redirection }     (at least one item)
 *   redirection := ( [n]< | [n]> | [n]>> | [n]>& ) WORD
 *
 * Interface: parse() returns P_OK with the tree, P_INCOMPLETE when the
 * input ends where more is expected (inside a quote, after | && ||), or
 * P_ERROR; *why then names the problem.  Nothing is executed here.
 */
#include <string.h>
#include "sh.h"

struct parser {
	struct arena *a;
	const char *src;
	struct token *t;
	int pos;
	int status;              /* P_OK until something goes wrong */
	const char *why;
};

static struct token *peek(struct parser *p) { return &p->t[p->pos]; }

static const char *tok_name(struct token *t)
{
	static const char *names[] = {
		[T_PIPE] = "|", [T_AND] = "&&", [T_OR] = "||", [T_SEMI] = ";",
		[T_AMP] = "&", [T_NL] = "newline", [T_EOF] = "end of input",
	};
	if (t->kind == T_REDIR)
		return t->op == R_IN ? "<" : t->op == R_APPEND ? ">>" : t->op == R_DUP ? ">&" : ">";
	return t->kind == T_WORD ? t->text : names[t->kind];
}

static void fail(struct parser *p, struct token *t)
{
	static char msg[80];
	if (p->status != P_OK)
		return;
	if (t->kind == T_EOF) {
		p->status = P_INCOMPLETE;
		p->why = "unexpected end of input";
		return;
	}
	strcpy(msg, "unexpected '");
	strncat(msg, tok_name(t), sizeof msg - strlen(msg) - 3);
	strcat(msg, "'");
	p->status = P_ERROR;
	p->why = msg;
}

static void skip_newlines(struct parser *p)
{
	while (peek(p)->kind == T_NL)
		p->pos++;
}

/* NAME=... with a valid name, before any other word of the command. */
static int is_assignment(const char *w)
{
	const char *eq = strchr(w, '=');
	return eq && eq != w && var_valid_name(w, (size_t)(eq - w));
}

static char **grow(struct arena *a, char **v, int n)
{
	char **nv = ar_alloc(a, sizeof *nv * (size_t)(n + 2));
	if (n)
		memcpy(nv, v, sizeof *nv * (size_t)n);
	return nv;
}

static int parse_redir(struct parser *p, struct cmd *c)
{
	struct token *op = &p->t[p->pos++];
	struct token *w = peek(p);
	if (w->kind == T_EOF || w->kind == T_NL) {    /* "> " at the end of a line */
		p->status = P_ERROR;
		p->why = "missing file name after redirection";
		return -1;
	}
	if (w->kind != T_WORD) {
		fail(p, w);
		return -1;
	}
	p->pos++;
	struct redir *r = ar_alloc(p->a, sizeof *r), **tail = &c->redirs;
	r->fd = op->fd;
	r->op = op->op;
	r->word = w->text;
	while (*tail)
		tail = &(*tail)->next;
	*tail = r;
	return 0;
}

static int parse_command(struct parser *p, struct cmd *c)
{
	for (;;) {
		struct token *t = peek(p);
		if (t->kind == T_REDIR) {
			if (parse_redir(p, c) < 0)
				return -1;
		} else if (t->kind == T_WORD) {
			p->pos++;
			if (c->nwords == 0 && is_assignment(t->text)) {
				c->assigns = grow(p->a, c->assigns, c->nassigns);
				c->assigns[c->nassigns++] = t->text;
			} else {
				c->words = grow(p->a, c->words, c->nwords);
				c->words[c->nwords++] = t->text;
			}
		} else {
			break;
		}
	}
	if (c->nwords + c->nassigns == 0 && !c->redirs) {
		fail(p, peek(p));
		return -1;
	}
	return 0;
}

static int parse_pipeline(struct parser *p, struct pipeline *pl)
{
	for (;;) {
		struct cmd *cmds = ar_alloc(p->a, sizeof *cmds * (size_t)(pl->ncmds + 1));
		if (pl->ncmds)
			memcpy(cmds, pl->cmds, sizeof *cmds * (size_t)pl->ncmds);
		pl->cmds = cmds;
		if (parse_command(p, &pl->cmds[pl->ncmds++]) < 0)
			return -1;
		if (peek(p)->kind != T_PIPE)
			return 0;
		p->pos++;
		skip_newlines(p);
	}
}

static int parse_andor(struct parser *p, struct andor *ao)
{
	size_t start = peek(p)->start;
	for (;;) {
		struct pipeline *pipes = ar_alloc(p->a, sizeof *pipes * (size_t)(ao->npipes + 1));
		enum tok *ops = ar_alloc(p->a, sizeof *ops * (size_t)(ao->npipes + 1));
		if (ao->npipes) {
			memcpy(pipes, ao->pipes, sizeof *pipes * (size_t)ao->npipes);
			memcpy(ops, ao->ops, sizeof *ops * (size_t)ao->npipes);
		}
		ao->pipes = pipes;
		ao->ops = ops;
		if (parse_pipeline(p, &ao->pipes[ao->npipes++]) < 0)
			return -1;
		enum tok k = peek(p)->kind;
		if (k != T_AND && k != T_OR)
			break;
		ao->ops[ao->npipes - 1] = k;
		p->pos++;
		skip_newlines(p);
	}
	ao->text = ar_strndup(p->a, p->src + start, p->t[p->pos - 1].end - start);
	return 0;
}

int parse(struct arena *a, const char *src, struct list *out, const char **why)
{
	struct parser p = { .a = a, .src = src, .status = P_OK };
	int ntok;
	memset(out, 0, sizeof *out);
	if (lex(a, src, &p.t, &ntok) == LEX_INCOMPLETE) {
		*why = "unterminated quote";
		return P_INCOMPLETE;
	}
	for (;;) {
		skip_newlines(&p);
		if (peek(&p)->kind == T_EOF)
			break;
		struct andor *items = ar_alloc(a, sizeof *items * (size_t)(out->n + 1));
		if (out->n)
			memcpy(items, out->items, sizeof *items * (size_t)out->n);
		out->items = items;
		struct andor *ao = &out->items[out->n++];
		if (parse_andor(&p, ao) < 0)
			break;
		enum tok k = peek(&p)->kind;
		if (k == T_AMP || k == T_SEMI) {
			ao->background = k == T_AMP;
			p.pos++;
		} else if (k != T_NL && k != T_EOF) {
			fail(&p, peek(&p));
			break;
		}
	}
	*why = p.why;
	return p.status;
}
