/*
 * again.c - a request VFS sends again after ramfs failed with it in hand
 * (proto/fs.h, FS_AGAIN).  The reply to every numbered request is
 * recorded, number and whole payload, in the state region just before it
 * leaves; a restarted ramfs answers a repeat of the recorded number from
 * the record, so a create, unlink or rename that was done but whose reply
 * was lost is not done twice.  A repeat of any other number was never
 * answered: the old instance failed between requests (a fault injected by
 * RS) or before it changed anything, and it runs as new.  One record is
 * enough: VFS, ramfs's one client, has one request outstanding at a time.
 */
#include "ramfs.h"

static struct {
    uint32_t seq;                       /* 0: none */
    int32_t status;
    uint8_t body[MSG_PAYLOAD];
} last STATE;

static uint32_t cur_seq;                /* of the request in hand */

int fs_again(message *m)
{
    uint32_t seq = MSG_BODY(m, struct fs_req)->seq;
    cur_seq = seq & FS_SEQ_MASK;
    if (!(seq & FS_AGAIN) || !cur_seq || last.seq != cur_seq)
        return SRV_GO_ON;
    memcpy(m->m.raw, last.body, MSG_PAYLOAD);
    return last.status;
}

void fs_answered(endpoint_t to, const message *m)
{
    if (!cur_seq)
        return;
    last.seq = cur_seq;
    last.status = m->m_type;
    memcpy(last.body, m->m.raw, MSG_PAYLOAD);
}
