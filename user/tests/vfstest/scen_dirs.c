/*
 * scen_dirs.c - vfstest=dirs: directories and names: mkdir (link
 * counts), getdents listings, rmdir (ENOTEMPTY, ENOTDIR), link counts,
 * rename of files and directories (replace, into its own subtree, ".."
 * moved along), "." and ".." (also at the root), repeated slashes, the
 * working directory and getcwd (after a rename, after its removal).
 */
#include "vfstest.h"

static char buf[4096];

static uint32_t ino_of(const char *path)
{
    struct vfs_stat st;
    return v_stat(path, &st) == 0 ? st.ino : 0;
}

static uint32_t nlink_of(const char *path)
{
    struct vfs_stat st;
    return v_stat(path, &st) == 0 ? st.nlink : 0;
}

/* "name name ..." of a directory, in getdents order. */
static const char *listing(const char *path)
{
    static char out[512];
    struct vfs_dirent d[8];
    int fd = v_open(path, VFS_O_RDONLY | VFS_O_DIRECTORY, 0), n;
    out[0] = '\0';
    if (fd < 0)
        return ename(fd);
    while ((n = v_getdents(fd, d, sizeof(d))) > 0) {
        for (int i = 0; i < n / (int)sizeof(d[0]); i++) {
            if (out[0])
                strlcpy(out + strlen(out), " ", sizeof(out) - strlen(out));
            strlcpy(out + strlen(out), d[i].name, sizeof(out) - strlen(out));
        }
    }
    v_close(fd);
    return out;
}

static void put(const char *path, const char *text)
{
    int fd = v_open(path, VFS_O_CREAT | VFS_O_WRONLY | VFS_O_TRUNC, 0644);
    v_write(fd, text, strlen(text));
    v_close(fd);
}

static const char *get(const char *path)
{
    int fd = v_open(path, VFS_O_RDONLY, 0), n;
    if (fd < 0)
        return ename(fd);
    n = v_read(fd, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = '\0';
    v_close(fd);
    return buf;
}

static void make_and_list(void)
{
    struct vfs_stat st;
    uint32_t tmp_links = nlink_of("/tmp");
    expect("mkdir /tmp/d", v_mkdir("/tmp/d", 0755), 0);
    v_stat("/tmp/d", &st);
    check(st.mode == (VFS_S_IFDIR | 0755) && st.nlink == 2, "/tmp/d: mode %s nlink %u",
          octal(st.mode), st.nlink);
    expect("/tmp gained a link", (int)(nlink_of("/tmp") - tmp_links), 1);
    expect("mkdir /tmp/d again", v_mkdir("/tmp/d", 0755), -EEXIST);
    put("/tmp/d/f1", "one");
    put("/tmp/d/f2", "data");
    expect("mkdir /tmp/d/sub", v_mkdir("/tmp/d/sub", 0755), 0);
    check(strcmp(listing("/tmp/d"), ". .. f1 f2 sub") == 0, "listing of /tmp/d: %s",
          listing("/tmp/d"));
    expect("rmdir a non-empty directory", v_rmdir("/tmp/d"), -ENOTEMPTY);
    expect("rmdir a file", v_rmdir("/tmp/d/f1"), -ENOTDIR);
    expect("unlink a directory", v_unlink("/tmp/d/sub"), -EISDIR);
    expect("getdents on a file", v_getdents(v_open("/tmp/d/f1", 0, 0), buf, 640), -ENOTDIR);
    expect("read a directory", v_read(v_open("/tmp/d", 0, 0), buf, 10), -EISDIR);
    expect("open a directory for writing", v_open("/tmp/d", VFS_O_WRONLY, 0), -EISDIR);
    expect("O_DIRECTORY on a file", v_open("/tmp/d/f1", VFS_O_DIRECTORY, 0), -ENOTDIR);
    for (int i = 0; i < VFS_OPEN_MAX; i++)
        v_close(i);
}

static void links(void)
{
    expect("link f1 to hard", v_link("/tmp/d/f1", "/tmp/d/hard"), 0);
    expect("f1 has 2 links", (int)nlink_of("/tmp/d/f1"), 2);
    check(ino_of("/tmp/d/f1") == ino_of("/tmp/d/hard"), "f1 and hard are the same inode");
    expect("unlink f1", v_unlink("/tmp/d/f1"), 0);
    expect("hard has 1 link", (int)nlink_of("/tmp/d/hard"), 1);
    check(strcmp(get("/tmp/d/hard"), "one") == 0, "hard still reads 'one'");
    expect("link a directory", v_link("/tmp/d/sub", "/tmp/d/sub.l"), -EPERM);
    expect("link onto an existing name", v_link("/tmp/d/hard", "/tmp/d/f2"), -EEXIST);
    expect("link a missing file", v_link("/tmp/d/none", "/tmp/d/x"), -ENOENT);
}

static void renames(void)
{
    uint32_t d_links, e_links;
    expect("rename f2 into sub", v_rename("/tmp/d/f2", "/tmp/d/sub/moved"), 0);
    expect("the old name is gone", v_stat("/tmp/d/f2", (void *)buf), -ENOENT);
    check(strcmp(get("/tmp/d/sub/moved"), "data") == 0, "the new name reads 'data'");
    expect("rename directory sub to sub2", v_rename("/tmp/d/sub", "/tmp/d/sub2"), 0);
    check(strcmp(get("/tmp/d/sub2/moved"), "data") == 0, "its file moved with it");
    expect("rename a directory into itself", v_rename("/tmp/d", "/tmp/d/sub2/x"), -EINVAL);
    expect("rename a file over a directory", v_rename("/tmp/d/hard", "/tmp/d/sub2"), -EISDIR);
    v_mkdir("/tmp/full", 0755);
    put("/tmp/full/x", "x");
    v_mkdir("/tmp/d/empty", 0755);
    expect("rename a directory over a non-empty one", v_rename("/tmp/d/empty", "/tmp/full"),
           -ENOTEMPTY);
    expect("rename a directory over a file", v_rename("/tmp/d/empty", "/tmp/d/hard"), -ENOTDIR);
    expect("rename a file over a file", v_rename("/tmp/d/hard", "/tmp/d/sub2/moved"), 0);
    check(strcmp(get("/tmp/d/sub2/moved"), "one") == 0, "the replaced name reads 'one'");
    check(strcmp(listing("/tmp/d"), ". .. sub2 empty") == 0, "listing of /tmp/d: %s",
          listing("/tmp/d"));
    v_mkdir("/tmp/e", 0755);
    d_links = nlink_of("/tmp/d");
    e_links = nlink_of("/tmp/e");
    expect("move directory sub2 to /tmp/e/sub3", v_rename("/tmp/d/sub2", "/tmp/e/sub3"), 0);
    check(ino_of("/tmp/e/sub3/..") == ino_of("/tmp/e"), "its '..' is now /tmp/e");
    check(nlink_of("/tmp/d") == d_links - 1 && nlink_of("/tmp/e") == e_links + 1,
          "link counts: /tmp/d lost one, /tmp/e gained one");
    expect("rename a missing name", v_rename("/tmp/none", "/tmp/x"), -ENOENT);
    expect("rename '.'", v_rename("/tmp/e/.", "/tmp/x"), -EINVAL);
}

static void cwd(void)
{
    char path[64];
    expect("chdir /tmp/e/sub3", v_chdir("/tmp/e/sub3"), 0);
    expect("getcwd", v_getcwd(path, sizeof(path)), 12);
    check(strcmp(path, "/tmp/e/sub3") == 0, "cwd is %s", path);
    check(strcmp(get("moved"), "one") == 0, "a relative open finds 'moved'");
    check(ino_of("..") == ino_of("/tmp/e"), "'..' is /tmp/e");
    check(ino_of("//tmp///e/./sub3/../sub3/") == ino_of("."),
          "'//tmp///e/./sub3/../sub3/' is the cwd");
    check(ino_of("/..") == 1 && ino_of("/../../tmp/..") == 1, "'..' at the root stays at the root");
    expect("chdir ../..", v_chdir("../.."), 0);
    v_getcwd(path, sizeof(path));
    check(strcmp(path, "/tmp") == 0, "cwd is %s", path);
    expect("getcwd into 3 bytes", v_getcwd(path, 3), -ERANGE);
    expect("chdir to a file", v_chdir("/etc/motd"), -ENOTDIR);
    v_chdir("/tmp/e/sub3");
    expect("rename the cwd's parent", v_rename("/tmp/e", "/tmp/e2"), 0);
    v_getcwd(path, sizeof(path));
    check(strcmp(path, "/tmp/e2/sub3") == 0, "cwd after the rename is %s", path);
    v_mkdir("/tmp/gone", 0755);
    v_chdir("/tmp/gone");
    expect("rmdir the cwd", v_rmdir("/tmp/gone"), 0);
    expect("create in the removed cwd", v_open("x", VFS_O_CREAT | VFS_O_RDWR, 0644), -ENOENT);
    expect("getcwd in the removed cwd", v_getcwd(path, sizeof(path)), -ENOENT);
    expect("chdir /", v_chdir("/"), 0);
    v_getcwd(path, sizeof(path));
    check(strcmp(path, "/") == 0, "cwd is %s", path);
}

static void special_names(void)
{
    expect("rmdir /", v_rmdir("/"), -EBUSY);
    expect("rmdir /tmp/.", v_rmdir("/tmp/."), -EINVAL);
    expect("rmdir /tmp/e2/..", v_rmdir("/tmp/e2/.."), -ENOTEMPTY);
    expect("mkdir /tmp/t/ (trailing slash)", v_mkdir("/tmp/t/", 0755), 0);
    expect("mkdir /", v_mkdir("/", 0755), -EEXIST);
    expect("rmdir /tmp/t//", v_rmdir("/tmp/t//"), 0);
    expect("unlink /etc/motd/ (trailing slash)", v_unlink("/etc/motd/"), -ENOTDIR);
    expect("rmdir the emptied /tmp/d/empty", v_rmdir("/tmp/d/empty"), 0);
    expect("rmdir /tmp/d", v_rmdir("/tmp/d"), 0);
    check(strcmp(listing("/tmp"), ". .. full e2") == 0, "listing of /tmp: %s", listing("/tmp"));
}

void scen_dirs(void)
{
    make_and_list();
    links();
    renames();
    cwd();
    special_names();
}
