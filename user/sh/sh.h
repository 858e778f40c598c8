/*
 * sh.h - the shared declarations of /bin/sh, the Stabilix shell.
 *
 * Pipeline of the shell: input.c reads lines, lex.c cuts a buffer into
 * tokens, parse.c builds the tree below (allocated in an arena that is
 * dropped after the command ran), exec.c runs it (expand.c turns raw
 * words into fields, redir.c applies redirections, builtins.c and jobs.c
 * implement what runs inside the shell), vars.c keeps the variables.
 *
 * Invariants: the shell itself writes only with write(2) (never stdio),
 * so that nothing buffered is duplicated by fork; a tree node never
 * outlives its arena; every status is 0..255 (128+n for a signal n).
 */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* ---- mem.c: arena and growable strings ---- */
struct arena { struct ablock *head; };
void *ar_alloc(struct arena *a, size_t n);          /* zeroed, never NULL */
char *ar_strndup(struct arena *a, const char *s, size_t n);
void ar_free(struct arena *a);
void *xmalloc(size_t n);                            /* exits on failure */
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

struct str { char *s; size_t len, cap; };           /* s is NUL-terminated */
void str_addc(struct str *b, char c);
void str_adds(struct str *b, const char *s);
void str_free(struct str *b);

/* ---- out.c: output without stdio ---- */
void sh_printf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sh_error(const char *what, int err);           /* "sh: what: strerror" */

/* ---- lex.c ---- */
enum tok { T_WORD, T_PIPE, T_AND, T_OR, T_SEMI, T_AMP, T_NL, T_REDIR, T_EOF };
enum redir_op { R_IN, R_OUT, R_APPEND, R_DUP };
struct token {
	enum tok kind;
	char *text;              /* T_WORD: raw text, quotes kept */
	int fd, op;              /* T_REDIR: target fd and enum redir_op */
	size_t start, end;       /* offsets in the source buffer */
};
enum { LEX_OK, LEX_INCOMPLETE };
int lex(struct arena *a, const char *src, struct token **out, int *ntok);

/* ---- parse.c ---- */
struct redir { int fd, op; char *word; struct redir *next; };
struct cmd {
	char **assigns; int nassigns;        /* NAME=value words, raw */
	char **words; int nwords;            /* raw words */
	struct redir *redirs;
};
struct pipeline { struct cmd *cmds; int ncmds; };
struct andor {
	struct pipeline *pipes; int npipes;
	enum tok *ops;                       /* ops[i] joins pipes[i] and pipes[i+1] */
	int background;
	char *text;                          /* source text, for job messages */
};
struct list { struct andor *items; int n; };
enum { P_OK, P_INCOMPLETE, P_ERROR };
int parse(struct arena *a, const char *src, struct list *out, const char **why);

/* ---- vars.c ---- */
void vars_init(char **envp);
const char *var_get(const char *name);
int var_set(const char *name, const char *value, int export);
void var_unset(const char *name);
void var_export(const char *name);
int var_valid_name(const char *s, size_t n);
char **vars_environ(void);                          /* malloc'd, for execve */
void vars_free_environ(char **env);
void vars_print_exported(int fd);

/* positional parameters and special values */
struct shstate {
	int interactive;
	int jobctl;            /* own process groups and terminal handoff */
	int status;            /* $? */
	pid_t pid;             /* $$: the shell's own pid, also in subshells */
	pid_t pgid;            /* the shell's process group (takes the terminal back) */
	pid_t last_bg;         /* $! */
	char *arg0;            /* $0 */
	char **args; int nargs;  /* $1.. */
};
extern struct shstate sh;

/* ---- expand.c ---- */
char **expand_words(char **raw, int n, int *nout); /* malloc'd fields, NULL-terminated */
char *expand_word(const char *raw);                /* one string, no field splitting */
void free_fields(char **f);

/* ---- glob.c ---- */
int glob_field(const char *pattern, char ***names);  /* count; names sorted, malloc'd */

/* ---- exec.c ---- */
int run_list(struct list *l);
int status_of(int wstatus);
void reset_child_signals(void);
void ignore_job_signals(void);

/* ---- redir.c ---- */
struct saved_fd { int fd, copy; };
int apply_redirs(struct redir *r, struct saved_fd *save, int *nsave, int maxsave);
void restore_redirs(struct saved_fd *save, int nsave);

/* ---- builtins.c ---- */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn find_builtin(const char *name);

/* ---- jobs.c ---- */
int job_add(pid_t pgid, pid_t *pids, int npids, const char *text);
void jobs_reap(int report);
int job_wait_all(void);
int job_wait_one(const char *spec, int *status);   /* 0, or -1 if unknown */
void jobs_list(int fd);

/* ---- input.c ---- */
struct input {
	const char *buf; size_t len, pos;   /* string source, or */
	int fd;                             /* fd source (byte at a time) if buf == NULL */
};
char *input_line(struct input *in);     /* malloc'd line with its '\n', NULL at end */
int run_input(struct input *in);        /* read-parse-run loop; returns last status */
int run_script(const char *path);       /* whole file; status, 127 when unreadable */

#endif
