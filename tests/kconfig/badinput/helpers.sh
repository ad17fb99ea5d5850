# Helpers for the bad-input tests (sourced after tests/lib.sh).
#
# Every run goes through run_cpyconf, which keeps stdout, stderr and the
# exit code in $OUT, $ERR and $RC. The expect_* functions check them and
# call fail with the case name. A case prints one line: "ok NAME" or
# "FAIL NAME" after the failed checks.

BADINPUT_DIR=$TESTS_DIR/kconfig/badinput
FIXTURE=$BADINPUT_DIR/tree/Kconfig
OUT=$WORK/stdout
ERR=$WORK/stderr
RC=0
CASE=
case_failures=0
# RUN_TIMEOUT=N: run under timeout(1), for a case that could block (a
# FIFO); the other runs read regular files and go without, to save a
# process per run. RUN_TIMEOUT_SCALE=N gives each N times as long, for a
# cpyconf run under valgrind (scripts/valgrind-badinput).
RUN_TIMEOUT=
unset KCONFIG_CONFIG KCONFIG_SEED KCONFIG_ALLCONFIG
# tests/run exports srctree as the top of the repository; the fixture
# does not `source` anything, and the Kconfig cases set their own.
export srctree=$BADINPUT_DIR/tree

run_cpyconf() {
	if [ -n "$RUN_TIMEOUT" ]; then
		timeout "$((RUN_TIMEOUT * ${RUN_TIMEOUT_SCALE:-1}))" "$CPYCONF" "$@" </dev/null >"$OUT" 2>"$ERR"
	else
		"$CPYCONF" "$@" </dev/null >"$OUT" 2>"$ERR"
	fi
	RC=$?
	LAST_CMD="cpyconf $*"
	LAST_TIMEOUT=$RUN_TIMEOUT
}

case_begin() {
	CASE=$1
	case_failures=$failures
}

case_end() {
	local what=${1:-}
	if [ "$failures" -eq "$case_failures" ]; then
		echo "ok   $CASE${what:+ ($what)}"
	else
		echo "FAIL $CASE${what:+ ($what)}"
	fi
}

cfail() {
	fail "$CASE: $LAST_CMD: $*"
	sed 's/^/      stderr: /' "$ERR" | head -n 5
}

# expect_rc N: exit code N, and no sanitizer report, no timeout.
expect_rc() {
	local want=$1
	if ! sanitizer_ok "$RC"; then
		cfail "a sanitizer fired (exit $RC)"
		sed 's/^/      /' "$ERR" | head -n 30
		return 1
	fi
	if [ -n "$LAST_TIMEOUT" ] && [ "$RC" -eq 124 ]; then
		cfail "timed out after ${LAST_TIMEOUT}s (blocked?)"
		return 1
	fi
	if [ "$RC" -ne "$want" ]; then
		cfail "exit code $RC, expected $want"
		return 1
	fi
	return 0
}

# expect_msg PREFIX PHRASE: some stderr line starts with PREFIX and
# contains PHRASE (both fixed strings). Plain bash: no process per check.
expect_msg() {
	local prefix=$1 phrase=$2 l
	while IFS= read -r l || [ -n "$l" ]; do
		[[ $l == "$prefix"* && ${l:${#prefix}} == *"$phrase"* ]] && return 0
	done <"$ERR"
	cfail "no stderr line '$prefix...$phrase...'"
	return 1
}

# expect_no_msg TEXT: stderr does not contain TEXT.
expect_no_msg() {
	local all=
	IFS= read -r -d '' all <"$ERR"
	if [[ $all == *"$1"* ]]; then
		cfail "unexpected '$1' on stderr"
		return 1
	fi
}

expect_stdout_empty() {
	if [ -s "$OUT" ]; then
		cfail "stdout is not empty: $(head -c 200 "$OUT")"
		return 1
	fi
}

# snapshot DIR...: names and sha256 of every file below the folders, so a
# changed, new (FILE.old, a temporary file, an output) or removed file
# shows up. Only regular files are read (a FIFO would block).
snapshot() {
	local d f regular=()
	(
		shopt -s globstar dotglob nullglob
		for d in "$@"; do
			for f in "$d"/**; do
				if [ -f "$f" ] && [ ! -L "$f" ]; then
					regular+=("$f")
				elif [ ! -d "$f" ] || [ -L "$f" ]; then
					echo "not a regular file: $f"
				fi
			done
		done
		[ ${#regular[@]} -eq 0 ] || sha256sum -- "${regular[@]}"
	)
}

# expect_unchanged SNAPSHOT DIR...
expect_unchanged() {
	local before=$1 now
	shift
	now=$(snapshot "$@")
	if [ "$now" != "$before" ]; then
		cfail "files changed below $*:"
		diff <(echo "$before") <(echo "$now") | sed 's/^/      /' | head -n 10
		return 1
	fi
}
