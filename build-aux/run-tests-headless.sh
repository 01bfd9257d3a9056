#!/usr/bin/env bash
# build-aux/run-tests-headless.sh BUILD_DIR [meson test args…]
# Runs inside xvfb-run and dbus-run-session (see test.sh): gives the tests a
# home of their own and an unlocked login keyring, then runs meson test.
set -euo pipefail

build=$1
shift

home=$(mktemp -d -t tutti-test-home-XXXXXX)
trap 'rm -rf "$home"' EXIT
export HOME="$home"
export XDG_DATA_HOME="$home/.local/share"
export XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# A login keyring, created and unlocked with a throw-away password.
eval "$(echo -n tutti-test | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL

meson test -C "$build" --print-errorlogs --num-processes 2 "$@"
