# Helpers sourced by the *.test scripts.
set -u
TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(dirname "$TESTS_DIR")
: "${CPYCONF:=$TOP/build/cpyconf}"
case $CPYCONF in /*) ;; *) CPYCONF=$PWD/$CPYCONF ;; esac
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
