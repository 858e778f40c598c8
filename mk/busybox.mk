# busybox.mk - BusyBox from Debian's source package, built by
# tools/busybox.sh against newlib and lib/libc (docs/userland.md).
# Included by the top-level Makefile after mk/libc.mk.
#
#   make busybox      build/busybox/busybox (fetches the source once)
#   make host-busybox build/busybox-host/busybox, the same configuration for
#                     the Linux host, and build/host/<applet> links to it
#                     (part of make host-progs, for tests/host)
#
# The object tree under build/busybox is incremental: BusyBox's own make
# decides what to recompile; this rule runs it whenever a library, a
# libc header, the configuration or a patch changed.

BUSYBOX      := $(B)/busybox/busybox
BUSYBOX_DEPS := tools/busybox.sh tools/debsrc.sh user/busybox/applets.config \
                $(wildcard user/busybox/patches/*.patch) $(wildcard lib/libc/include/*.h \
                lib/libc/include/*/*.h) $(LIBC) $(LIBC_CRT0) $(NEWLIB_LIBSYS) \
                $(NEWLIB_STAMP) user/user.ld

$(BUSYBOX): $(BUSYBOX_DEPS)
	$(Q)tools/busybox.sh $(B)

busybox: $(BUSYBOX)

BUSYBOX_HOST := $(B)/busybox-host/busybox

$(BUSYBOX_HOST): tools/busybox.sh tools/debsrc.sh user/busybox/applets.config \
		$(wildcard user/busybox/patches/*.patch)
	$(Q)tools/busybox.sh --host $(B)

# One name, one program: an applet must not have the name of one of ours.
# A link that is right is left alone (tests running meanwhile use it).
host-busybox: $(BUSYBOX_HOST) $(HOST_PROGS)
	$(Q)mkdir -p $(HOST_B) && for a in $$(cat $(B)/busybox-host/applets.list); do \
		case " $(notdir $(HOST_PROGS)) " in *" $$a "*) \
			echo "busybox: $$a is also one of our programs" >&2; exit 1;; esac; \
		[ "$$(readlink $(HOST_B)/$$a)" = ../busybox-host/busybox ] || \
		ln -sf ../busybox-host/busybox $(HOST_B)/$$a; done

host-progs: host-busybox

.PHONY: busybox host-busybox
