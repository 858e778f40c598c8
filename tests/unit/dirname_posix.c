/*
 * dirname_posix.c - host tests of lib/libc/dirname.c against the POSIX
 * examples (and glibc's answers): repeated slashes, trailing slashes,
 * the root, names without a slash, the empty string and NULL.
 */
#include <stdio.h>
#include <string.h>

#include "tap.h"

char *dirname(char *path);

static void check(const char *in, const char *want)
{
    char buf[64], name[96];
    snprintf(buf, sizeof(buf), "%s", in);
    snprintf(name, sizeof(name), "dirname(\"%s\") is \"%s\"", in, want);
    is_str(dirname(buf), want, name);
}

int main(void)
{
    check("foo/bar///baz", "foo/bar");
    check("/usr/lib", "/usr");
    check("/usr/", "/");
    check("usr", ".");
    check("usr/", ".");
    check("/", "/");
    check("//", "/");
    check("///a", "/");
    check(".", ".");
    check("..", ".");
    check("a//b//", "a");
    check("", ".");
    is_str(dirname(NULL), ".", "dirname(NULL) is \".\"");
    return done_testing();
}
