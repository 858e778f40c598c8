/*
 * rlimit.c - resource limits.  PM enforces no per-resource limits, so
 * each reads as RLIM_INFINITY, and setrlimit accepts only that value
 * (anything else is EINVAL, and nothing changes).
 */
#include <errno.h>
#include <sys/resource.h>

int getrlimit(int resource, struct rlimit *rl)
{
    if (resource < 0 || resource >= RLIM_NLIMITS) {
        errno = EINVAL;
        return -1;
    }
    rl->rlim_cur = rl->rlim_max = RLIM_INFINITY;
    return 0;
}

int setrlimit(int resource, const struct rlimit *rl)
{
    if (resource < 0 || resource >= RLIM_NLIMITS ||
        rl->rlim_cur != RLIM_INFINITY || rl->rlim_max != RLIM_INFINITY) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}
