/*
 * dirname.c - POSIX dirname (newlib's keeps the slashes between the
 * directory and the last name: "foo/bar///baz" gave "foo/bar//").
 * The last name and the slashes before and after it go; what is left
 * loses its trailing slashes but one leading "/" stays.  "" and a name
 * without a slash give ".", slashes only give "/".  Changes path in
 * place (as POSIX allows) and returns it, or a static string.
 */
#include <libgen.h>
#include <string.h>

char *dirname(char *path)
{
    static char dot[] = ".", slash[] = "/";
    size_t n = path ? strlen(path) : 0;
    while (n > 1 && path[n - 1] == '/')          /* trailing slashes */
        n--;
    while (n > 0 && path[n - 1] != '/')          /* the last name */
        n--;
    if (n == 0)
        return path && path[0] == '/' ? slash : dot;
    while (n > 1 && path[n - 1] == '/')          /* the slashes before it */
        n--;
    path[n] = 0;
    return path;
}
