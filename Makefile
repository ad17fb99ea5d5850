# cpyconf: Kconfig targets (as in Linux and Buildroot) and the build of the
# cpyconf tool itself.
#
#   make menuconfig | nconfig | xconfig | oldconfig   edit the configuration
#   make olddefconfig | defconfig | savedefconfig     non-interactive
#   make foo_defconfig                                start from configs/foo_defconfig
#   make                                              build CPython from the .config
#   make verify                                       check the installed CPython again
#   make ccache-stats                                 hit counts of the config's ccache
#   make import LINE='./configure ...'                the config from a configure line
#   make import FROM_PYTHON=/usr/bin/python3          ... or from an interpreter's CONFIG_ARGS
#   make check                                        build and run all tests
#   make check-quick                                  the tests that neither configure nor build CPython
#   make fuzz-TARGET                                  a libFuzzer target of fuzz/ (scripts/fuzz runs it)
#   make clean | distclean                            remove the tool | and output, .config
#   O=DIR   keep .config (and build output) in DIR    V=1  show every command

O ?=
V ?= 0
ifeq ($(V),1)
Q :=
else
Q := @
endif

TOP := $(CURDIR)
CONFIG_DIR := $(if $(O),$(abspath $(O)),$(TOP))
KCONFIG_CONFIG := $(CONFIG_DIR)/.config
export KCONFIG_CONFIG
# kconfig-frontends resolves `source` against $srctree or the current folder.
export srctree := $(TOP)

BUILD := $(TOP)/build
CPYCONF := $(BUILD)/cpyconf
CPYCONF_RUN := $(CPYCONF) --kconfig $(TOP)/Kconfig --config $(KCONFIG_CONFIG)
DEFCONFIG ?= $(TOP)/configs/default_defconfig
# Where the CPython build goes: O=DIR, else output/ beside this Makefile.
OUTPUT := $(if $(O),$(abspath $(O)),$(TOP)/output)

CC ?= cc
WARNINGS := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS_TOOL := -std=c11 -D_XOPEN_SOURCE=700 -O2 -g $(WARNINGS) $(EXTRA_WARN)
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# One folder per layer (src/README): util <- kconfig <- translate <- build <- cli.
SRCS := $(wildcard src/*/*.c)
HDRS := $(wildcard src/*/*.h)
GEN := $(BUILD)/gen/lexer.c $(BUILD)/gen/parser.c $(BUILD)/gen/parser.h $(BUILD)/gen/shellwords.c

.PHONY: all verify ccache-stats import deps tool tool-asan check check-quick check-defconfigs fuzz-all test menuconfig nconfig xconfig oldconfig olddefconfig \
	defconfig savedefconfig list-defconfigs allnoconfig allyesconfig alldefconfig \
	randconfig listnewconfig help clean distclean

# The main job: configure, build, install and check CPython.
all: tool | $(CONFIG_DIR)
	$(Q)test -f $(KCONFIG_CONFIG) || $(CPYCONF_RUN) defconfig $(DEFCONFIG)
	$(Q)$(TOP)/scripts/install-deps --cpython --for-config $(KCONFIG_CONFIG)
	$(Q)V=$(V) O=$(OUTPUT) $(CPYCONF_RUN) build

verify: tool
	$(Q)O=$(OUTPUT) $(CPYCONF_RUN) verify

ccache-stats: tool
	$(Q)$(CPYCONF_RUN) ccache-stats

# Installs what is missing: flex, bison, the reference Kconfig tools, what
# a CPython build with every stdlib module needs (the tests build one), the
# cross compilers, target libraries and qemu the cross tests use, musl-gcc
# (tests/build/musl-standin.test), clang's libFuzzer and valgrind for
# tests/fuzz, and the BOLT tools the release_bolt preset asks for
# (tests/configure/bolt.test).
deps: $(CPYCONF)
	$(Q)$(TOP)/scripts/install-deps --cpython --fuzz --musl --cross aarch64 --cross armhf --cross riscv64
	$(Q)PY_SOURCE_VERSION=3.13 $(CPYCONF) --kconfig $(TOP)/Kconfig --config $(BUILD)/release_bolt.config \
		defconfig configs/release_bolt_defconfig >/dev/null
	$(Q)$(TOP)/scripts/install-deps --for-config $(BUILD)/release_bolt.config

tool: $(CPYCONF)
tool-asan: $(BUILD)/asan/cpyconf

$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h: src/kconfig/parser.y
	$(Q)command -v bison >/dev/null && command -v flex >/dev/null || $(TOP)/scripts/install-deps
	$(Q)mkdir -p $(BUILD)/gen
	$(Q)bison -Wall -Werror --defines=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer.c: src/kconfig/lexer.l $(BUILD)/gen/parser.h
	$(Q)mkdir -p $(BUILD)/gen
	$(Q)flex -o $@ $<

# The shell-word scanner of `cpyconf import` (its own prefix: shellword_).
$(BUILD)/gen/shellwords.c: src/translate/shellwords.l
	$(Q)mkdir -p $(BUILD)/gen
	$(Q)flex -o $@ $<

# Each source is compiled on its own: ours with every warning, the
# generated scanners and parser with the same, bar the ones flex's and
# bison's own code trips.
GEN_CFLAGS := -Wno-sign-compare -Wno-missing-prototypes -Wno-unused-parameter -Wno-shadow -Wno-unused-function
OBJ_NAMES := $(SRCS:src/%.c=%.o) gen/parser.o gen/lexer.o gen/shellwords.o
PLAIN_OBJS := $(addprefix $(BUILD)/obj/,$(OBJ_NAMES))
ASAN_OBJS := $(addprefix $(BUILD)/asan/obj/,$(OBJ_NAMES))

$(BUILD)/obj/%.o: src/%.c $(HDRS) $(BUILD)/gen/parser.h
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_TOOL) -Isrc -I$(BUILD)/gen -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(HDRS)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_TOOL) $(GEN_CFLAGS) -Isrc -I$(BUILD)/gen -c -o $@ $<

$(BUILD)/asan/obj/%.o: src/%.c $(HDRS) $(BUILD)/gen/parser.h
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_TOOL) $(SANITIZE) -Isrc -I$(BUILD)/gen -c -o $@ $<

$(BUILD)/asan/obj/gen/%.o: $(BUILD)/gen/%.c $(HDRS)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_TOOL) $(SANITIZE) $(GEN_CFLAGS) -Isrc -I$(BUILD)/gen -c -o $@ $<

$(CPYCONF): $(PLAIN_OBJS)
	$(Q)$(CC) $(CFLAGS_TOOL) -o $@ $^
	@echo "  CC      $@"

$(BUILD)/asan/cpyconf: $(ASAN_OBJS)
	$(Q)$(CC) $(CFLAGS_TOOL) $(SANITIZE) -o $@ $^
	@echo "  CC      $@ (AddressSanitizer + UndefinedBehaviorSanitizer)"

# --- tests ---------------------------------------------------------------
check test: deps $(CPYCONF) $(BUILD)/asan/cpyconf
	$(Q)CPYCONF=$(CPYCONF) CPYCONF_ASAN=$(BUILD)/asan/cpyconf tests/run

# The tests that neither fetch, configure nor build CPython (tests/run
# --quick), with short fuzz runs and a tenth of the differential oracle's
# random configs; README: how long it takes.
check-quick: $(CPYCONF) $(BUILD)/asan/cpyconf
	$(Q)CPYCONF=$(CPYCONF) CPYCONF_ASAN=$(BUILD)/asan/cpyconf FUZZ_SECONDS=$${FUZZ_SECONDS:-10} \
		DIFF_CONFIGS=$${DIFF_CONFIGS:-30} DIFF_STRESS_SEEDS=$${DIFF_STRESS_SEEDS:-101} tests/run --quick

# The preset library: loads, round-trips through savedefconfig, is accepted
# by each fetched configure and keeps its promises in a real configure run.
check-defconfigs: deps $(CPYCONF)
	$(Q)CPYCONF=$(CPYCONF) tests/run tests/configure/presets.test

# --- fuzz targets (FUZZING.md) --------------------------------------------
# The engine, translator and importer built once with coverage hooks and
# ASan+UBSan; each fuzz/NAME.c links against that into build/fuzz/NAME.
FUZZ_CC ?= clang
FUZZ_TARGETS := $(patsubst fuzz/%.c,%,$(wildcard fuzz/*.c))
FUZZ_LIB_SRCS := $(wildcard src/util/*.c src/kconfig/*.c src/translate/*.c)
FUZZ_CFLAGS := -std=c11 -D_XOPEN_SOURCE=700 -O1 -g $(WARNINGS) -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_LIB := $(BUILD)/fuzz/libcpyconf.a

$(FUZZ_LIB): $(FUZZ_LIB_SRCS) $(HDRS) $(GEN)
	$(Q)mkdir -p $(BUILD)/fuzz/obj
	$(Q)cd $(BUILD)/fuzz/obj && rm -f *.o && $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		-I$(TOP)/src -I$(BUILD)/gen -c $(addprefix $(TOP)/,$(FUZZ_LIB_SRCS)) && \
		$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined $(GEN_CFLAGS) \
		-I$(TOP)/src -I$(BUILD)/gen -c $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.c $(BUILD)/gen/shellwords.c
	$(Q)rm -f $@ && ar rcs $@ $(BUILD)/fuzz/obj/*.o

$(BUILD)/fuzz/%: fuzz/%.c fuzz/harness.h $(FUZZ_LIB)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -Isrc -I$(BUILD)/gen \
		-D_GNU_SOURCE -DCPYCONF_TOP='"$(TOP)"' -o $@ $< $(FUZZ_LIB)
	@echo "  CC      $@ (libFuzzer + ASan + UBSan)"

fuzz-%: $(BUILD)/fuzz/%
	@:

fuzz-all: $(addprefix $(BUILD)/fuzz/,$(FUZZ_TARGETS))

# --- Kconfig front ends ----------------------------------------------------
# kconfig-frontends where installed (Debian 12); Kconfiglib otherwise.
MCONF := $(shell command -v kconfig-mconf 2>/dev/null)
NCONF := $(shell command -v kconfig-nconf 2>/dev/null)
QCONF := $(shell command -v kconfig-qconf 2>/dev/null)
CONF := $(shell command -v kconfig-conf 2>/dev/null)
KCONFIGLIB := /usr/bin/python3 -m

$(CONFIG_DIR):
	$(Q)mkdir -p $@

# The menus start at the version of the source tree at hand (PYTHON_SRC,
# the Source menu's local tree, a cached tarball or commit), as cpyconf's
# own commands do: `option env` values are read when the tree is parsed.
SOURCE_VERSION = PY_SOURCE_VERSION="$$($(CPYCONF_RUN) source-version)"

menuconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(SOURCE_VERSION) $(if $(MCONF),$(MCONF),$(KCONFIGLIB) menuconfig) Kconfig

nconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(SOURCE_VERSION) $(if $(NCONF),$(NCONF),$(KCONFIGLIB) menuconfig) Kconfig

xconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(SOURCE_VERSION) $(if $(QCONF),$(QCONF),$(KCONFIGLIB) guiconfig) Kconfig

oldconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(SOURCE_VERSION) $(if $(CONF),$(CONF) --oldconfig,$(KCONFIGLIB) oldconfig) Kconfig

olddefconfig alldefconfig allnoconfig allyesconfig listnewconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(CPYCONF_RUN) $@

randconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(CPYCONF_RUN) randconfig $(if $(SEED),--seed $(SEED))

defconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(CPYCONF_RUN) defconfig $(DEFCONFIG)

%_defconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)test -f configs/$@ || { echo "no such preset: configs/$@ (see make list-defconfigs)" >&2; exit 2; }
	$(Q)$(CPYCONF_RUN) defconfig configs/$@

# LINE and FROM_PYTHON reach the recipe through the environment, so that
# make never re-quotes the line; KEEP_UNKNOWN=1 adds --keep-unknown.
import: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)if [ -n "$$FROM_PYTHON" ]; then set -- --from-python "$$FROM_PYTHON"; \
	elif [ -n "$$LINE" ]; then set -- "$$LINE"; \
	else echo "usage: make import LINE='./configure ...' | FROM_PYTHON=/path/to/python [KEEP_UNKNOWN=1]" >&2; exit 2; fi; \
	$(CPYCONF_RUN) import --full $(if $(filter 1,$(KEEP_UNKNOWN)),--keep-unknown) "$$@"

# DEFCONFIG=configs/NAME_defconfig on the command line writes the minimal
# config back to that preset (its description lines kept), as Buildroot does.
SAVEDEFCONFIG := $(if $(filter command line,$(origin DEFCONFIG)),$(DEFCONFIG),$(CONFIG_DIR)/defconfig)
savedefconfig: $(CPYCONF) | $(CONFIG_DIR)
	$(Q)$(CPYCONF_RUN) savedefconfig $(SAVEDEFCONFIG)
	@echo "minimal config written to $(SAVEDEFCONFIG)"

list-defconfigs:
	@for f in configs/*_defconfig; do \
		printf '  %-32s %s\n' "$$(basename $$f)" "$$(sed -n 's/^# *//p' $$f | head -n 1)"; \
	done

help:
	@sed -n '1,15s/^# \{0,1\}//p' Makefile
	@echo "Presets (make NAME):"
	@$(MAKE) --no-print-directory list-defconfigs

clean:
	rm -rf $(BUILD)

# Also the CPython build (only the folders cpyconf creates in the output
# folder, which may be a folder of the user's with O=) and the config.
distclean: clean
	rm -rf $(addprefix $(OUTPUT)/,build install logs wrappers .cpyconf.lock)
	rm -f $(KCONFIG_CONFIG) $(KCONFIG_CONFIG).old
