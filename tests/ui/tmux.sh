# Helpers for driving a full-screen front end (menuconfig, nconfig) in a real
# terminal: a detached tmux session of fixed size on a private socket, keys
# sent with send-keys, the screen read back with capture-pane.
# Sourced by tests/ui/*.test after tests/lib.sh.
#
#   ui_start CMD...        run CMD in the terminal (cwd $TOP, $UI_ENV set)
#   ui_screen              print the screen as text
#   ui_wait TEXT [SECS]    poll the screen until it contains TEXT (fixed
#                          string); on timeout fail, print the screen, exit 1
#   ui_wait_gone TEXT [SECS]  same until TEXT is no longer on the screen
#   ui_keys KEY...         tmux send-keys (tmux key names: Down, Enter, F9...)
#   ui_wait_exit [SECS]    wait for CMD to end, set UI_RC to its exit status
#   ui_downs TEXT FIRST    number of Down presses from the menu entry on
#                          the first line matching the extended regex FIRST
#                          (the one highlighted on entering the menu) to
#                          the entry TEXT (fixed string), read off the screen
#   ui_die MESSAGE         fail, print the last screen, exit 1
#   ui_done                as done_testing, printing the last screen on failure

need tmux

UI_COLS=120 UI_ROWS=40
UI_SOCK=$WORK/tmux.sock
# Environment of the program under test: the tree's `source` lines are
# relative to srctree; the config file lives in the scratch folder.
UI_ENV=(TERM=xterm-256color LC_ALL=C.UTF-8 srctree="$TOP" KCONFIG_CONFIG="$WORK/config")

# Only our own server (private socket, no user config) is ever killed.
tm() { tmux -S "$UI_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$WORK"' EXIT

ui_start() {
	# With several arguments tmux runs the command itself, no shell of
	# the user's. A small sh records the exit status in a file: tmux's own
	# #{pane_dead_status} was seen to stay unset, the process a zombie
	# never reaped (tmux 3.3a, about one run in five). remain-on-exit keeps
	# the pane and its last screen after the program ends.
	rm -f "$WORK/ui.rc"
	tm new-session -d -s ui -x "$UI_COLS" -y "$UI_ROWS" -c "$TOP" \
		sh -c 'rc=$1; shift; "$@"; echo $? >"$rc.tmp"; mv "$rc.tmp" "$rc"' \
		sh "$WORK/ui.rc" env "${UI_ENV[@]}" "$@" \; \
		set-option -w -t ui remain-on-exit on ||
		{ echo "FAIL: cannot start tmux"; exit 1; }
}

ui_screen() { tm capture-pane -p -t ui 2>/dev/null; }

# The screen for a failure report, runs of blank lines squeezed to one and
# tmux's "Pane is dead" line dropped (tests/run shows only the last 40
# lines of a failing test's output).
ui_show_screen() {
	echo "--- last screen (${UI_COLS}x${UI_ROWS}, blank lines squeezed) ---"
	ui_screen | sed 's/[[:space:]]*$//' | grep -v '^Pane is dead (' | cat -s
	echo "--- end of screen ---"
}

ui_die() {
	echo "FAIL: $*"
	ui_show_screen
	echo "FAIL: $*"
	exit 1
}

# As lib.sh's fail, remembering the messages to repeat them after the screen.
UI_FAILS=()
fail() { echo "FAIL: $*"; UI_FAILS+=("$*"); failures=$((failures + 1)); }

# Polls every 0.1 s; a deadline in tenths of a second keeps it integer.
ui_wait() {
	local text=$1 tenths=$((${2:-15} * 10)) i
	for ((i = 0; i < tenths; i++)); do
		ui_screen | grep -qF -- "$text" && return 0
		sleep 0.1
	done
	ui_die "timed out waiting for \"$text\" on the screen"
}

ui_wait_gone() {
	local text=$1 tenths=$((${2:-15} * 10)) i
	for ((i = 0; i < tenths; i++)); do
		ui_screen | grep -qF -- "$text" || return 0
		sleep 0.1
	done
	ui_die "timed out waiting for \"$text\" to leave the screen"
}

ui_keys() { tm send-keys -t ui "$@"; }

ui_wait_exit() {
	local tenths=$((${1:-15} * 10)) i
	for ((i = 0; i < tenths; i++)); do
		if [ -f "$WORK/ui.rc" ]; then
			UI_RC=$(cat "$WORK/ui.rc")
			return 0
		fi
		sleep 0.1
	done
	ui_die "the program did not exit"
}

ui_downs() {
	local text=$1 first=$2 screen from to
	screen=$(ui_screen)
	from=$(grep -nE -- "$first" <<<"$screen" | head -n 1 | cut -d: -f1)
	to=$(grep -nF -- "$text" <<<"$screen" | head -n 1 | cut -d: -f1)
	[ -n "$from" ] && [ -n "$to" ] && [ "$to" -ge "$from" ] ||
		ui_die "cannot find \"$first\" and \"$text\" on the screen"
	echo $((to - from))
}

# The checks shared by every front end, on the config file it saved: it
# exists, WITH_PYDEBUG is y there while it is n by default, cpyconf accepts
# it, and it has the same values as cpyconf gives for "defaults +
# WITH_PYDEBUG=y" (so nothing else was toggled by a stray key).
check_saved_config() {
	local cfg=$WORK/config
	[ -f "$cfg" ] || ui_die "no config file was written to $cfg"
	"$CPYCONF" --kconfig "$TOP/Kconfig" --config "$WORK/default.config" alldefconfig >/dev/null ||
		fail "cpyconf alldefconfig failed"
	grep -qx 'CONFIG_WITH_PYDEBUG=y' "$WORK/default.config" &&
		fail "WITH_PYDEBUG is y by default: the test toggles nothing"
	grep -qx 'CONFIG_WITH_PYDEBUG=y' "$cfg" ||
		fail "saved config lacks CONFIG_WITH_PYDEBUG=y: $(grep WITH_PYDEBUG "$cfg")"
	"$CPYCONF" --kconfig "$TOP/Kconfig" --config "$cfg" check ||
		fail "cpyconf check rejects the saved config"
	sed 's/^# CONFIG_WITH_PYDEBUG is not set$/CONFIG_WITH_PYDEBUG=y/' \
		"$WORK/default.config" >"$WORK/expected.config"
	grep -qx 'CONFIG_WITH_PYDEBUG=y' "$WORK/expected.config" ||
		echo 'CONFIG_WITH_PYDEBUG=y' >>"$WORK/expected.config"
	"$CPYCONF" --kconfig "$TOP/Kconfig" --config "$WORK/expected.config" olddefconfig >/dev/null ||
		fail "cpyconf olddefconfig failed"
	diff <(config_values "$WORK/expected.config") <(config_values "$cfg") ||
		fail "saved config differs from defaults + WITH_PYDEBUG=y (< cpyconf, > front end)"
}

ui_done() {
	if [ "$failures" -ne 0 ]; then
		ui_show_screen
		printf 'FAIL: %s\n' "${UI_FAILS[@]}"
	fi
	done_testing
}
