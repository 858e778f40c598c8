# ext2.mk - the host build of the ext2 core (servers/ext2, docs/storage.md
# step 2) for the host tests.  Included by the top-level Makefile.
#
#   build/host/ext2tool        the core + tests/host/ext2disk.c (an image
#                              file as the disk) + the command tool
#   build/host/ext2tool-asan   the same with AddressSanitizer and UBSan,
#                              for the fuzzer of tests/host/test_ext2_core.py
# Both are part of make host-progs.  The core must also build freestanding
# for i386: make ext2-check compiles it as the server will (-c only).

# the core only: the server's IPC side is main.c, table.c and srv_*.c
EXT2_SRC        := $(filter-out servers/ext2/main.c servers/ext2/table.c servers/ext2/srv_%.c,$(wildcard servers/ext2/*.c))
EXT2_HDRS       := $(wildcard servers/ext2/*.h)
EXT2_TOOL_SRC   := tests/host/ext2tool.c tests/host/ext2disk.c
EXT2_HOST_FLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Ilib/include -Ilib/common -Iservers/ext2
EXT2_ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

$(HOST_B)/ext2tool: $(EXT2_SRC) $(EXT2_HDRS) $(EXT2_TOOL_SRC)
	@mkdir -p $(HOST_B)
	@echo "  HOSTCC  $@"
	$(Q)$(CC) $(EXT2_HOST_FLAGS) -o $@ $(EXT2_TOOL_SRC) $(EXT2_SRC)

$(HOST_B)/ext2tool-asan: $(EXT2_SRC) $(EXT2_HDRS) $(EXT2_TOOL_SRC)
	@mkdir -p $(HOST_B)
	@echo "  HOSTCC  $@"
	$(Q)$(CC) $(EXT2_HOST_FLAGS) $(EXT2_ASAN_FLAGS) -o $@ $(EXT2_TOOL_SRC) $(EXT2_SRC)

EXT2_CHECK_OBJ := $(patsubst %.c,$(B)/ext2-check/%.o,$(EXT2_SRC))
$(B)/ext2-check/%.o: %.c $(EXT2_HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_COMMON) -Ilib/include -Ilib/common -c $< -o $@

host-progs: $(HOST_B)/ext2tool $(HOST_B)/ext2tool-asan
ext2-check: $(EXT2_CHECK_OBJ)

.PHONY: ext2-check
