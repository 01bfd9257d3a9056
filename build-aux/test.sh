#!/usr/bin/env bash
# build-aux/test.sh — install what is missing, build with AddressSanitizer and
# UBSan (warnings are errors), run every test headless: under Xvfb, inside a
# private D-Bus session with an unlocked gnome-keyring. Ends with the line
# "N passed, N failed".
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# shellcheck source=build-aux/deps.sh
. build-aux/deps.sh
tutti_ensure_packages

build=${TUTTI_TEST_BUILD_DIR:-_build-test}
options=(-Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true --buildtype=debug)
if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" "${options[@]}" >/dev/null
else
  # --wipe: a setup interrupted earlier leaves a folder without build.ninja.
  meson setup --wipe "$build" "${options[@]}" >/dev/null 2>&1 ||
    meson setup "$build" "${options[@]}" >/dev/null
fi
ninja -C "$build"

log="$build/meson-logs/tutti-test-run.txt"
status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- "$top/build-aux/run-tests-headless.sh" "$build" "$@" 2>&1 | tee "$log" || status=$?

# meson's summary → the one line CI reads.
count () { awk -v k="$1" '$1 == k { n = $2 } END { print n + 0 }' "$log"; }
ok=$(count "Ok:")
xfail=$(count "Expected")
fail=$(count "Fail:")
upass=$(count "Unexpected")
timeout=$(count "Timeout:")
skipped=$(count "Skipped:")
passed=$((ok + xfail))
failed=$((fail + upass + timeout))

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test ran" >&2
  failed=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
