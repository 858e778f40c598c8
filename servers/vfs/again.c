/*
 * again.c - a request sent again after VFS failed with it in hand.
 *
 * libc numbers its requests (vfs_req.seq) and, when its call meets a dead
 * VFS, sends the same request with the same number and VFS_AGAIN to the
 * restarted one (lib/libc/vfs_call.c).  The old VFS may have done it
 * already: it was answering, or a suspended call had completed, when it
 * failed.  So every reply to a numbered request is recorded in the
 * caller's vproc (struct answer, in the state region) before it leaves,
 * and a repeat of the recorded number gets the recorded reply instead of
 * being done twice.  A repeat of any other number was never answered: it
 * runs as new, except a pipe write cut short while suspended, which goes
 * on from the bytes it had moved (inherit.c keeps that count), and a
 * request the old VFS failed in the middle of (sef_cut_short): it may be
 * half done, so it fails with EIO, unless it changes nothing (a stat).
 * PM's calls (VFS_PM_*) carry no number; each is harmless to repeat.
 */
#include "vfs.h"

/* Requests that change nothing: one cut short is simply done again. */
static int harmless(int type)
{
    return type == VFS_STAT || type == VFS_LSTAT || type == VFS_FSTAT ||
           type == VFS_GETCWD || type == VFS_ACCESS || type == VFS_READLINK ||
           type == VFS_STATFS || type == VFS_FSTATFS || type == VFS_GETMNT;
}

/* PM's calls carry no number. */
static int pm_call(int type)
{
    return type >= VFS_PM_FORK && type <= VFS_PM_SETIDS;
}

static uint32_t cur_seq;                /* of the request in hand, 0: none */
static int cur_again;
static int cur_type;                    /* the last request looked at, and its sender */
static endpoint_t cur_from = NONE;

int request_was_read(endpoint_t from)
{
    return cur_from == from && cur_type == VFS_READ;
}

uint32_t request_seq(void)
{
    return cur_seq;
}

int vfs_again(message *m)
{
    struct vproc *p;
    uint32_t seq = REQ(m)->seq;
    cur_seq = 0;
    cur_again = 0;
    cur_type = m->m_type;
    cur_from = m->m_source;
    if (m->m_type < VFS_BASE || m->m_type >= VFS_BASE + VFS_NR_CALLS || pm_call(m->m_type))
        return SRV_GO_ON;
    cur_seq = seq & VFS_SEQ_MASK;
    cur_again = (seq & VFS_AGAIN) != 0;
    if (!cur_again || !cur_seq || !(p = vproc_find(m->m_source)))
        return SRV_GO_ON;
    if (p->last.seq == cur_seq) {
        memcpy(m->m.raw, p->last.body, MSG_PAYLOAD);
        return p->last.status;
    }
    if (sef_cut_short(m->m_source) && !harmless(m->m_type)) {
        printf("vfs: request %u of endpoint %d was cut short by my failure: EIO\n",
               cur_seq, m->m_source);
        return -EIO;
    }
    return SRV_GO_ON;
}

void vfs_answered(endpoint_t to, const message *m)
{
    struct vproc *p = vproc_find(to);
    if (!cur_seq || !p)
        return;
    p->last.seq = cur_seq;
    p->last.status = m->m_type;
    memcpy(p->last.body, m->m.raw, MSG_PAYLOAD);
}

void answer_late(struct vproc *p, int status)
{
    p->last.seq = p->susp.seq;
    p->last.status = status;
    memset(p->last.body, 0, MSG_PAYLOAD);
}

uint32_t partial_done(struct vproc *p)
{
    uint32_t done = 0;
    if (cur_again && cur_seq && p->partial_seq == cur_seq)
        done = p->partial_done;
    p->partial_seq = p->partial_done = 0;
    return done;
}
