/*
 * pwfile.c - /etc/passwd and /etc/group, read line by line: the entry
 * with a name, or with an id.  A line is "name:password:id:..." (passwd:
 * name:x:uid:gid:gecos:home:shell; group: name:x:gid:members).  Lines
 * that do not parse are skipped.  Used by id and su.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

/* Split line at ':' into at most n fields (the last keeps the rest). */
static int fields(char *line, char **f, int n)
{
	int k = 0;
	line[strcspn(line, "\n")] = '\0';
	while (k < n) {
		f[k++] = line;
		if (!(line = strchr(line, ':')))
			break;
		*line++ = '\0';
	}
	return k;
}

int pw_find(const char *file, const char *name, long id, struct pw_entry *out)
{
	char line[256], *f[7];
	FILE *fp = fopen(file, "r");
	int found = 0;
	if (!fp)
		return -1;
	while (!found && fgets(line, sizeof(line), fp)) {
		int n = fields(line, f, 7);
		char *end;
		long v;
		if (n < 3 || !f[0][0])
			continue;
		v = strtol(f[2], &end, 10);
		if (*end || end == f[2] || v < 0 || v > 65535)
			continue;
		if (name ? strcmp(f[0], name) != 0 : v != id)
			continue;
		memset(out, 0, sizeof(*out));
		snprintf(out->name, sizeof(out->name), "%s", f[0]);
		out->id = v;
		out->gid = n > 3 ? strtol(f[3], 0, 10) : v;
		snprintf(out->home, sizeof(out->home), "%s", n > 5 ? f[5] : "/");
		snprintf(out->shell, sizeof(out->shell), "%s", n > 6 && f[6][0] ? f[6] : "/bin/sh");
		found = 1;
	}
	fclose(fp);
	return found ? 0 : -1;
}
