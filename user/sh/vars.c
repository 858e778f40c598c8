/*
 * vars.c - the shell's variables: a table of NAME=value pairs, each
 * possibly exported to the environment of the commands it runs.
 *
 * Interface: vars_init(environ) imports the environment (all exported)
 * and sets PATH=/bin when it is missing; var_get/var_set/var_unset/
 * var_export; vars_environ() builds a fresh envp for execve.
 * Invariants: names are valid ([A-Za-z_][A-Za-z0-9_]*) and unique;
 * values are malloc'd and never NULL.
 */
#include <string.h>
#include <stdlib.h>
#include "sh.h"

struct var { char *name, *value; int exported; };

static struct var *vars;
static int nvars, capvars;

int var_valid_name(const char *s, size_t n)
{
	if (n == 0 || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return 0;
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return 1;
}

static struct var *find(const char *name)
{
	for (int i = 0; i < nvars; i++)
		if (strcmp(vars[i].name, name) == 0)
			return &vars[i];
	return NULL;
}

const char *var_get(const char *name)
{
	struct var *v = find(name);
	return v ? v->value : NULL;
}

/* Sets (and exports when export is non-zero); -1 for an invalid name. */
int var_set(const char *name, const char *value, int export)
{
	if (!var_valid_name(name, strlen(name)))
		return -1;
	struct var *v = find(name);
	if (!v) {
		if (nvars == capvars) {
			capvars = capvars ? capvars * 2 : 32;
			vars = xrealloc(vars, sizeof *vars * (size_t)capvars);
		}
		v = &vars[nvars++];
		v->name = xstrdup(name);
		v->value = NULL;
		v->exported = 0;
	}
	free(v->value);
	v->value = xstrdup(value);
	v->exported |= export;
	return 0;
}

void var_unset(const char *name)
{
	struct var *v = find(name);
	if (!v)
		return;
	free(v->name);
	free(v->value);
	*v = vars[--nvars];
}

void var_export(const char *name)
{
	struct var *v = find(name);
	if (v)
		v->exported = 1;
	else
		var_set(name, "", 1);
}

void vars_init(char **envp)
{
	for (; envp && *envp; envp++) {
		const char *eq = strchr(*envp, '=');
		if (!eq || !var_valid_name(*envp, (size_t)(eq - *envp)))
			continue;
		char *name = xstrdup(*envp);
		name[eq - *envp] = 0;
		var_set(name, eq + 1, 1);
		free(name);
	}
	if (!var_get("PATH"))
		var_set("PATH", "/bin", 1);
}

char **vars_environ(void)
{
	char **env = xmalloc(sizeof *env * (size_t)(nvars + 1));
	int n = 0;
	for (int i = 0; i < nvars; i++) {
		if (!vars[i].exported)
			continue;
		size_t ln = strlen(vars[i].name), lv = strlen(vars[i].value);
		char *e = xmalloc(ln + lv + 2);
		memcpy(e, vars[i].name, ln);
		e[ln] = '=';
		memcpy(e + ln + 1, vars[i].value, lv + 1);
		env[n++] = e;
	}
	env[n] = NULL;
	return env;
}

void vars_free_environ(char **env)
{
	for (char **e = env; *e; e++)
		free(*e);
	free(env);
}

void vars_print_exported(int fd)
{
	for (int i = 0; i < nvars; i++)
		if (vars[i].exported)
			sh_printf(fd, "export %s='%s'\n", vars[i].name, vars[i].value);
}
