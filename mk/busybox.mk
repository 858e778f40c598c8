# busybox.mk - BusyBox from Debian's source package, built by
# tools/busybox.sh against newlib and lib/libc (docs/userland.md).
# Included by the top-level Makefile after mk/libc.mk.
#
#   make busybox      build/busybox/busybox (fetches the source once)
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

.PHONY: busybox
