/* features.h - glibc's name for newlib's <sys/features.h>. */
#include <sys/features.h>
