/*
 * sys/un.h - Unix-domain socket addresses (declarations: see
 * <sys/socket.h>).
 */
#ifndef STABILIX_SYS_UN_H
#define STABILIX_SYS_UN_H

#include <sys/socket.h>

struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];
};

#endif
