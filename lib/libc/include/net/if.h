/* net/if.h - interface names (declarations until INET exists). */
#ifndef STABILIX_NET_IF_H
#define STABILIX_NET_IF_H
#define IF_NAMESIZE 16
#define IFNAMSIZ    IF_NAMESIZE
unsigned int if_nametoindex(const char *name);
#endif
