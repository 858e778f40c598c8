# posix.mk - Stabilix's own programs (user/bin: init and the tools that
# are Stabilix's or that BusyBox does not have, docs/userland.md): the
# list, their host build for the host tests, and a compile-only check
# against newlib's headers.  Included by the top-level Makefile.  The
# shell and the everyday tools are BusyBox's (mk/busybox.mk).
#
#   make host-progs    build/host/<prog> for every program (gcc, Linux host),
#                      and BusyBox's applets (links to build/busybox-host)
#   make posix-check   compile every source with newlib's headers (-c only)
#
# Adding a utility: write user/bin/<name>.c and add <name> to POSIX_PROGS
# (a name BusyBox has must not be added: one name, one program).  A
# program is built from user/bin/<name>.c plus the shared helpers
# user/bin/lib/*.c.  POSIX_ALIASES are
# "alias:program" pairs installed as a copy (a link on Stabilix).
# The Stabilix link rule (crt0 + lib/libc + newlib) goes next to these
# and should use POSIX_NL_CFLAGS and posix_srcs.

POSIX_PROGS   := init kill hexdump uptime free dmesg ps top service poweroff reboot stabilize \
                 su
POSIX_ALIASES := mem:free

POSIX_LIB_SRC := $(wildcard user/bin/lib/*.c)
POSIX_INC     := -Iuser/bin/lib -Ilib/libc/include
# On the host only stabilix.h is wanted from lib/libc/include (its dirent.h
# and sys/stat.h are for newlib): the host's headers come first.
POSIX_HOST_INC := -Iuser/bin/lib -idirafter lib/libc/include
# The sources of one program: $(call posix_srcs,<name>)
posix_srcs     = $(if $(filter $(1),$(POSIX_TEST_PROGS)),user/tests/posix/$(1).c,user/bin/$(1).c $(POSIX_LIB_SRC))
# Test programs (user/tests/posix/<name>.c), in the ramdisk's /test.
POSIX_TEST_PROGS := proctest polltest sessiontest jobtest sigmasktest errnotest sigfpu fstest loadwork midway fipair attack fuzz

# ---- host build (tests/host) ------------------------------------------------
HOST_B            := $(B)/host
HOST_POSIX_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -Wall -Wextra -Werror $(POSIX_HOST_INC)
HOST_STABILIX     := tests/host/host_stabilix.c
POSIX_HDRS        := $(wildcard user/bin/lib/*.h) lib/libc/include/stabilix.h

define posix_host_prog
$(HOST_B)/$(1): $(call posix_srcs,$(1)) $(HOST_STABILIX) $(POSIX_HDRS)
	@mkdir -p $(HOST_B)
	@echo "  HOSTCC  $$@"
	$(Q)$(CC) $(HOST_POSIX_CFLAGS) -o $$@ $(call posix_srcs,$(1)) $(HOST_STABILIX)
endef
$(foreach p,$(POSIX_PROGS),$(eval $(call posix_host_prog,$(p))))

define posix_host_alias
$(HOST_B)/$(word 1,$(subst :, ,$(1))): $(HOST_B)/$(word 2,$(subst :, ,$(1)))
	$(Q)cp $$< $$@
endef
$(foreach a,$(POSIX_ALIASES),$(eval $(call posix_host_alias,$(a))))

HOST_PROGS := $(addprefix $(HOST_B)/,$(POSIX_PROGS) $(foreach a,$(POSIX_ALIASES),$(word 1,$(subst :, ,$(a)))))
host-progs: $(HOST_PROGS)

# ---- compile-only check against newlib -----------------------------------------
# Same feature set as the host build (-D_POSIX_C_SOURCE=200809L on top of
# newlib's gnu11 flags).  <dirent.h> comes from lib/libc/include.
POSIX_NL_CFLAGS := $(NEWLIB_CFLAGS) -D_POSIX_C_SOURCE=200809L $(POSIX_INC)
POSIX_ALL_SRC   := $(sort $(foreach p,$(POSIX_PROGS),$(call posix_srcs,$(p))))
POSIX_CHECK_OBJ := $(patsubst %.c,$(B)/posix-check/%.o,$(POSIX_ALL_SRC))

$(B)/posix-check/%.o: %.c $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	@echo "  NLCC    $<"
	$(Q)$(CC) $(POSIX_NL_CFLAGS) -c $< -o $@

posix-check: $(POSIX_CHECK_OBJ)

.PHONY: host-progs posix-check
