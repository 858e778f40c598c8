/*
 * again.c - a request VFS sends again after ramfs failed with it in hand
 * (proto/fs.h, FS_AGAIN): the last answer is recorded in the state region
 * (lib/libsys/record.c), so a create, unlink or rename that was done but
 * whose reply was lost is answered from the record, not done twice.
 */
#include "ramfs.h"

static struct srv_record last STATE;

int fs_again(message *m)
{
    return record_again(&last, MSG_BODY(m, struct fs_req)->seq, m);
}

void fs_answered(endpoint_t to, const message *m)
{
    record_answer(&last, m);
}
