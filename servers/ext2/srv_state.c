/*
 * srv_state.c - the core's tables (ext2.h) in the server's state region, so
 * a restarted server inherits the mount and the block cache with its
 * dirty blocks.  The host tool (tests/host/ext2tool.c) defines them as
 * plain globals.
 */
#include "ext2srv.h"

struct ext2_fs ext2 STATE;
struct ext2_cache ext2_cache STATE;
uint32_t ext2_now;
