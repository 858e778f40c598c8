/*
 * srv_again.c - a request VFS sends again after the server failed with it
 * in hand (proto/fs.h, FS_AGAIN): the last answer is recorded in the
 * state region (lib/libsys/record.c), so a create or rename that was
 * done but whose reply was lost is answered from the record.
 */
#include "ext2srv.h"

static struct srv_record last STATE;

int fs_again(message *m)
{
    return record_again(&last, REQ(m)->seq, m);
}

void fs_answered(endpoint_t to, const message *m)
{
    (void)to;
    record_answer(&last, m);
}
