# Helpers sourced by the *.test scripts.
set -u
TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(dirname "$TESTS_DIR")
: "${CPYCONF:=$TOP/build/cpyconf}"
case $CPYCONF in /*) ;; *) CPYCONF=$PWD/$CPYCONF ;; esac
unset srctree # tests run the tools from the folder of the tree they use
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "skipped: $*"; exit 77; }
need() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed"; }
# The exit code of a run under a sanitizer says whether it found a bug.
sanitizer_ok() { [ "$1" -ne 98 ] && [ "$1" -ne 99 ]; }
# Values of a .config as sorted NAME=VALUE lines; n and absent are the same.
config_values() { grep '^CONFIG_' "$1" | grep -v '=n$' | sort; }
done_testing() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures check(s) failed"
		exit 1
	fi
	exit 0
}

# The unpacked CPython release tree of SERIES (fetched once, then cached).
cpython_tree() {
	local tree
	tree=$("$TOP/scripts/fetch-cpython" "$1" 2>"$WORK/fetch-$1.log") || {
		cat "$WORK/fetch-$1.log"
		[ "${CPYCONF_OFFLINE:-0}" = 1 ] && skip "CPython $1 sources cannot be fetched (offline)"
		echo "FAIL: cannot fetch CPython $1"; exit 1
	}
	echo "$tree"
}
# configure arguments of a config as NUL-separated words, for mapfile -d ''
args_nul() {
	"$CPYCONF" --kconfig "$TOP/Kconfig" --config "$1" args --format json "${@:2}" |
		/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); sys.stdout.write("".join(a+"\0" for a in d["configure_args"]))'
}
