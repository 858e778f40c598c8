"""test_users.py - users and groups (issue 13): PM keeps each process's
real and effective uid and gid; fork inherits them; setuid follows POSIX
(root sets both, anybody else only its effective to its real); `id`
shows them with names from /etc/passwd and /etc/group; `su user -c cmd`
runs cmd as that user (root only: there are no passwords yet).  The
host reads what the commands print and checks the system's state with
its own commands run as root.
"""
import re

from shell import boot_shell, run


def test_id_and_su_show_and_switch_the_users_of_etc_passwd():
    c = boot_shell()
    try:
        assert run(c, "id") == ("uid=0(root) gid=0(root)\n", 0)
        assert run(c, "su user -c id") == ("uid=1000(user) gid=1000(user)\n", 0)
        assert run(c, "su user -c 'echo $HOME $USER'") == ("/tmp user\n", 0)
        assert run(c, "id") == ("uid=0(root) gid=0(root)\n", 0)      # the shell is still root
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
        c.expect(r"\$ ", timeout=30)
        pid = run(c, "echo $!")[0].strip()
        assert pid.isdigit(), pid
        out, status = run(c, f"su user -c 'kill {pid}'")
        assert status == 1 and f"kill: {pid}: Not owner" in out, out
        out, _ = run(c, "ps")
        assert re.search(rf"(?m)^\s*{pid}\s.*sleep", out), out
        out, status = run(c, "su user -c 'sleep 100 & kill $!; echo killed-own'")
        assert status == 0 and "killed-own" in out, out
        assert run(c, f"kill {pid}")[1] == 0                        # root may
    finally:
        c.close()
