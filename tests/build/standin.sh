# A stand-in CPython 3.13 tree for the build step tests, sourced after
# lib.sh. Its configure and Makefile only record what they are given
# (arguments, environment, make variables, install target, DESTDIR) in the
# build folder; its build rule leaves a "python" that runs the system's
# Python, as a build Python would be. Knobs, as make variables or environment of the build:
#   STANDIN_SLEEP=1  the build rule waits (pid in make.pid) to be interrupted
#   STANDIN_ELF=1    the install step also installs a real shared library,
#                    object file and archive, all with symbols
#   STANDIN_PGO=1    the build rule prints what a PGO and BOLT build prints
#                    at its phases (the progress test), pausing at each;
#                    with STANDIN_PGO_DIE=1 the PGO training run dies (as
#                    3.11, make goes on)
# standin_tree DIR: creates the tree in DIR
standin_tree() {
	local src=$1
	mkdir -p "$src/Include"
	printf '#define PY_VERSION "3.13.0"\n' >"$src/Include/patchlevel.h"
	cat >"$src/configure" <<'SH'
#!/bin/sh
echo "stand-in configure"
printf '%s\n' "$@" >configure.args
# as configure does: the site file first, then the checks (one here)
[ -n "${CONFIG_SITE:-}" ] && [ -r "$CONFIG_SITE" ] && . "$CONFIG_SITE"
{ echo "CONFIG_SITE=${CONFIG_SITE:-}"; echo "PATH=$PATH"; echo "ac_cv_func_standin=${ac_cv_func_standin-unset}"; } >configure.env
# configure's log ends with its answers (STANDIN_DUMP: an extra line in that list)
{ echo "## ---------------- ##"; echo "## Cache variables. ##"; echo "## ---------------- ##"; echo
  echo "ac_cv_env_CC_set=''"; echo "ac_cv_func_standin=yes"; echo "ac_cv_wl_no_as_needed=-Wl,--no-as-needed"
  [ -n "${STANDIN_DUMP:-}" ] && echo "$STANDIN_DUMP"
  echo "py_cv_module__standin='n/a'"; echo; echo "## ----------------- ##"; echo "## Output variables. ##"; } >config.log
prefix=/usr/local
for a; do case $a in --prefix=*) prefix=${a#--prefix=} ;; esac; done
srcdir=$(dirname "$0")
cat >Makefile <<MK
prefix=$prefix
srcdir=$srcdir
PROFILE_TASK=	-m test --pgo --timeout=\$(TESTTIMEOUT)
OBJS=	Python/a.o Python/b.o Python/c.o Python/d.o
all:	build_all
build_all:
	@if [ -n "\$\$STANDIN_PGO" ]; then sh \$(srcdir)/pgo-phases.sh; fi
	@echo "gcc -c stand-in.c"; echo "\$(MAKEFLAGS) EXTRA_CFLAGS=\$(EXTRA_CFLAGS)" >make.vars
	@env | grep -E '^(PATH|CCACHE_[A-Z]*|DISTCC_HOSTS|SOURCE_DATE_EPOCH|PYTHONHASHSEED|TZ)=' | sort >make.env
	@command -v gcc >make.gcc
	@printf '#!/bin/sh\nexec /usr/bin/python3 "\$\$@"\n' >python; chmod +x python
	@if [ -n "\$\$STANDIN_SLEEP" ]; then sh -c 'echo \$\$\$\$ >make.pid; echo started; exec sleep 300'; fi
checksharedmods sharedmods:
	@echo "\$@ PYTHONSTRICTEXTENSIONBUILD=\$\$PYTHONSTRICTEXTENSIONBUILD" >check.env
install altinstall:
	mkdir -p \$(DESTDIR)\$(prefix)/bin \$(DESTDIR)\$(prefix)/lib
	printf '#!/bin/sh\nexec /usr/bin/python3 "\$\$@"\n' >\$(DESTDIR)\$(prefix)/bin/python3.13
	chmod +x \$(DESTDIR)\$(prefix)/bin/python3.13
	echo "\$@ DESTDIR=\$(DESTDIR)" >install.target
	if [ -n "\$\$STANDIN_ELF" ]; then \\
		printf 'int standin(void) { return 42; }\n' >standin.c; \\
		gcc -g -fPIC -shared -o \$(DESTDIR)\$(prefix)/lib/libstandin.so standin.c; \\
		gcc -g -c -o \$(DESTDIR)\$(prefix)/lib/standin.o standin.c; \\
		ar rc \$(DESTDIR)\$(prefix)/lib/libstandin.a \$(DESTDIR)\$(prefix)/lib/standin.o; \\
	fi
MK
SH
	chmod +x "$src/configure"
	# What a PGO build with BOLT prints, in order (commands shortened).
	cat >"$src/pgo-phases.sh" <<'SH'
pause() { sleep 2.2; }
echo "Running code to generate profile data (this can take a while):"
echo "rm -f profile-gen-stamp"; pause
echo "Building with support for profile generation:"
echo "gcc -c -fprofile-generate -o Python/a.o a.c"; echo "gcc -c -fprofile-generate -o Python/b.o b.c"; pause
echo "./python -m test --pgo --timeout="
echo "0:00:00 load avg: 1.00 [1/4] test_array"; pause
echo "0:00:01 load avg: 1.00 [3/4] test_bytes"; pause
if [ -n "${STANDIN_PGO_DIE:-}" ]; then echo "ModuleNotFoundError: No module named 'math'"; else echo "Total duration: 2 sec"; fi
echo "Rebuilding with profile guided optimizations:"
echo "gcc -c -fprofile-use -o Python/a.o a.c"; echo "gcc -c -fprofile-use -o Python/b.o b.c"
echo "gcc -c -fprofile-use -o Python/c.o c.c"; pause
echo "/usr/bin/llvm-bolt python -instrument -instrumentation-file-append-pid -instrumentation-file=/b/python.bolt -o python.bolt_inst"; pause
echo "./python -m test --pgo --timeout="
echo "0:00:00 load avg: 1.00 [2/4] test_array"; pause
echo "Total duration: 1 sec"
echo "/usr/bin/llvm-bolt python.prebolt -o python.bolt -data=python.fdata"; pause
SH
}

# standin_build NAME CONFIG-LINES...: builds the stand-in tree $src with
# those config lines (verify off) into $WORK/NAME; output in $WORK/NAME.log.
# Returns cpyconf's exit status; a sanitizer report is a failure.
standin_build() {
	local name=$1
	shift
	{ echo CONFIG_PY_VERSION_3_13=y; echo CONFIG_SOURCE_LOCAL=y; echo "CONFIG_SOURCE_LOCAL_DIR=\"$src\""
	  echo '# CONFIG_BUILD_VERIFY is not set'; printf '%s\n' "$@"; } >"$WORK/$name.in"
	"$CPYCONF" --config "$WORK/$name.c" defconfig "$WORK/$name.in" || fail "$name: defconfig"
	O="$WORK/$name" "$CPYCONF" --config "$WORK/$name.c" build >"$WORK/$name.log" 2>&1
	local rc=$?
	sanitizer_ok $rc || fail "$name: sanitizer: $(cat "$WORK/$name.log")"
	return $rc
}
