/*
 * jobs.c - background jobs: a small table of the pipelines started with
 * '&', reaped without blocking after every command, reported before the
 * prompt in interactive mode ("[n] Done  text"), and waited for by the
 * wait builtin.
 *
 * Interface: job_add() records a started pipeline and returns its number;
 * jobs_reap(report) collects finished processes (waitpid WNOHANG) and,
 * when report is set, prints and forgets the finished jobs;
 * job_wait_all(), job_wait_one("%n" or pid, &status), jobs_list(fd).
 * Invariants: a job's status is the status of its last process; a slot
 * is free when pids == NULL; finished jobs stay until reported or waited
 * (so "wait $!" works after the job was reaped).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "sh.h"

#define MAXJOBS 32

struct job {
	pid_t pgid;          /* kept for job control (kill %n later) */
	pid_t *pids;         /* -pid once reaped */
	int npids, nleft;
	int status;
	char *text;
};

static struct job jobs[MAXJOBS];

static void job_free(struct job *j)
{
	free(j->pids);
	free(j->text);
	memset(j, 0, sizeof *j);
}

int job_add(pid_t pgid, pid_t *pids, int npids, const char *text)
{
	int i;
	for (i = 0; i < MAXJOBS && jobs[i].pids; i++)
		;
	for (int k = 0; i == MAXJOBS && k < MAXJOBS; k++)
		if (jobs[k].nleft == 0) {         /* table full: drop a finished job */
			job_free(&jobs[k]);
			i = k;
		}
	if (i == MAXJOBS)
		return 0;
	struct job *j = &jobs[i];
	j->pgid = pgid;
	j->pids = xmalloc(sizeof *pids * (size_t)npids);
	memcpy(j->pids, pids, sizeof *pids * (size_t)npids);
	j->npids = j->nleft = npids;
	j->text = xstrdup(text);
	return i + 1;
}

/* Records that pid ended with wait status w; 0 if it is no job's. */
static int job_mark(pid_t pid, int w)
{
	for (int i = 0; i < MAXJOBS; i++)
		for (int k = 0; jobs[i].pids && k < jobs[i].npids; k++)
			if (jobs[i].pids[k] == pid) {
				jobs[i].pids[k] = -pid;
				jobs[i].nleft--;
				if (k == jobs[i].npids - 1)
					jobs[i].status = status_of(w);
				return 1;
			}
	return 0;
}

void jobs_reap(int report)
{
	int w;
	pid_t pid;
	while ((pid = waitpid(-1, &w, WNOHANG)) > 0)
		job_mark(pid, w);
	for (int i = 0; report && i < MAXJOBS; i++) {
		if (!jobs[i].pids || jobs[i].nleft)
			continue;
		if (jobs[i].status)
			sh_printf(2, "[%d] Exit %d\t%s\n", i + 1, jobs[i].status, jobs[i].text);
		else
			sh_printf(2, "[%d] Done\t%s\n", i + 1, jobs[i].text);
		job_free(&jobs[i]);
	}
}

static int job_finish(struct job *j)
{
	for (int k = 0; k < j->npids; k++) {
		int w = 0;
		pid_t pid = j->pids[k], r;
		if (pid < 0)
			continue;
		do
			r = waitpid(pid, &w, 0);
		while (r < 0 && errno == EINTR);
		job_mark(pid, r < 0 ? 1 << 8 : w);
	}
	int status = j->status;
	job_free(j);
	return status;
}

int job_wait_all(void)
{
	for (int i = 0; i < MAXJOBS; i++)
		if (jobs[i].pids)
			job_finish(&jobs[i]);
	return 0;
}

int job_wait_one(const char *spec, int *status)
{
	char *end;
	long v = strtol(spec + (spec[0] == '%'), &end, 10);
	if (!*spec || *end || v <= 0)
		return -1;
	for (int i = 0; i < MAXJOBS; i++) {
		if (!jobs[i].pids)
			continue;
		int hit = spec[0] == '%' ? v == i + 1 : 0;
		for (int k = 0; !hit && k < jobs[i].npids; k++)
			hit = jobs[i].pids[k] == v || jobs[i].pids[k] == -v;
		if (hit) {
			*status = job_finish(&jobs[i]);
			return 0;
		}
	}
	return -1;
}

void jobs_list(int fd)
{
	for (int i = 0; i < MAXJOBS; i++)
		if (jobs[i].pids)
			sh_printf(fd, "[%d] %s\t%s\n", i + 1,
				  jobs[i].nleft ? "Running" : "Done", jobs[i].text);
}
