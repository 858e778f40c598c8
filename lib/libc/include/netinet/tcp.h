/* netinet/tcp.h - TCP socket options (declarations; see <sys/socket.h>). */
#ifndef STABILIX_NETINET_TCP_H
#define STABILIX_NETINET_TCP_H
#define TCP_NODELAY 1
#endif
