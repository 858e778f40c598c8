"""test_users.py - users and groups (issue 13): PM keeps each process's
real and effective uid and gid; fork inherits them; setuid follows POSIX
(root sets both, anybody else only its effective to its real); `id`
shows them with names from /etc/passwd and /etc/group; `su user -c cmd`
runs cmd as that user (root only: there are no passwords yet); VFS
checks owner, group and other bits (chmod, chown).  The host reads what
the commands print and checks the system's state with its own commands
run as root and its own copies of the files.
"""
import re

from qemu import ROOT
from shell import boot_shell, run


def test_id_and_su_show_and_switch_the_users_of_etc_passwd():
    c = boot_shell()
    try:
        assert run(c, "id") == ("uid=0(root) gid=0(root) groups=0(root)\n", 0)
        assert run(c, "su user -c id") == ("uid=1000(user) gid=1000(user) groups=1000(user)\n", 0)
        assert run(c, "su user -c 'echo $HOME $USER'") == ("/tmp user\n", 0)
        assert run(c, "id") == ("uid=0(root) gid=0(root) groups=0(root)\n", 0)      # the shell is still root
        out, status = run(c, "su nobody -c id")
        assert (out, status) == ("su: unknown user nobody\n", 1)
        out, status = run(c, "su user -c 'su root -c id'")
        assert status == 1 and "su: only root may switch users" in out, out
    finally:
        c.close()


def test_setuid_follows_posix_rules():
    c = boot_shell()
    try:
        out, _ = run(c, "su user -c '/test/attack setuid 0'")
        assert out == "attack: setuid 0: Not owner uid 1000 euid 1000\n", out
        out, _ = run(c, "su user -c '/test/attack setuid 1000'")
        assert out == "attack: setuid 1000: ok uid 1000 euid 1000\n", out
        out, _ = run(c, "/test/attack setuid 1000")
        assert out == "attack: setuid 1000: ok uid 1000 euid 1000\n", out
    finally:
        c.close()


def test_a_user_may_signal_its_own_processes_but_not_roots():
    c = boot_shell()
    try:
        c.send("sleep 100 &\r")
        c.expect(r"[$#] ", timeout=30)
        pid = run(c, "echo $!")[0].strip()
        assert pid.isdigit(), pid
        out, status = run(c, f"su user -c 'kill {pid}'")
        assert status == 1 and f"can't kill pid {pid}: Not owner" in out, out
        out, _ = run(c, "ps")
        assert re.search(rf"(?m)^\s*{pid}\s.*sleep", out), out
        out, status = run(c, "su user -c 'sleep 100 & kill $!; echo killed-own'")
        assert status == 0 and "killed-own" in out, out
        assert run(c, f"kill {pid}")[1] == 0                        # root may
    finally:
        c.close()


def test_file_permissions_keep_a_user_out_of_what_is_not_theirs():
    """Mode bits against the effective ids: the host reads back with root's
    shell and its own copies what the user must not have changed."""
    c = boot_shell()
    try:
        assert run(c, "echo top-secret > /tmp/secret; chmod 600 /tmp/secret")[1] == 0
        out, status = run(c, "su user -c 'cat /tmp/secret'")
        assert (out, status) == ("cat: can't open '/tmp/secret': Permission denied\n", 1)
        out, status = run(c, "su user -c 'echo evil > /etc/passwd'")
        assert status != 0 and "Permission denied" in out, out
        out, status = run(c, "su user -c 'rm -f /bin/sh'")
        assert status == 1 and "Permission denied" in out, out
        out, status = run(c, "su user -c 'mkdir /newdir'")
        assert status == 1 and "Permission denied" in out, out
        out, status = run(c, "su user -c 'chmod 666 /tmp/secret'")
        assert status == 1 and "Not owner" in out, out
        passwd = (ROOT / "etc" / "root" / "etc" / "passwd").read_bytes()
        assert run(c, "cat /etc/passwd") == (passwd.decode(), 0)
        assert run(c, "cat /tmp/secret") == ("top-secret\n", 0)     # root reads anything
        assert run(c, "ls /bin | grep -c '^sh$'") == ("1\n", 0)
    finally:
        c.close()


def test_a_users_own_files_are_theirs_to_change_and_chown_is_roots():
    c = boot_shell()
    try:
        out, status = run(c, "su user -c 'echo mine > /tmp/mine; chmod 600 /tmp/mine; cat /tmp/mine'")
        assert (out, status) == ("mine\n", 0)
        out, status = run(c, "su user -c 'chown root /tmp/mine'")
        assert status == 1 and "Not owner" in out, out
        assert run(c, "chown root /tmp/mine")[1] == 0
        out, status = run(c, "su user -c 'cat /tmp/mine'")         # root's now, mode 600
        assert (out, status) == ("cat: can't open '/tmp/mine': Permission denied\n", 1)
        assert run(c, "chown user:user /tmp/mine")[1] == 0
        assert run(c, "su user -c 'cat /tmp/mine'") == ("mine\n", 0)
        assert run(c, "su user -c 'rm /tmp/mine'")[1] == 0          # /tmp is everybody's
        out, status = run(c, "ls /tmp")
        assert "mine" not in out.split(), out
    finally:
        c.close()


def test_exec_and_search_need_their_x_bits():
    c = boot_shell()
    try:
        assert run(c, "mkdir /tmp/d; echo x > /tmp/d/f; cp /bin/busybox /tmp/d/echo; chmod 700 /tmp/d")[1] == 0
        out, status = run(c, "su user -c 'cat /tmp/d/f'")
        assert (out, status) == ("cat: can't open '/tmp/d/f': Permission denied\n", 1)
        assert run(c, "chmod 755 /tmp/d; chmod 644 /tmp/d/echo")[1] == 0
        out, status = run(c, "su user -c '/tmp/d/echo hi'")
        assert status != 0 and "Permission denied" in out, out
        assert run(c, "chmod 755 /tmp/d/echo")[1] == 0
        assert run(c, "su user -c '/tmp/d/echo hi'") == ("hi\n", 0)
    finally:
        c.close()
