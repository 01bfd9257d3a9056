#!/usr/bin/env bash
# build-aux/demo.sh — install what is missing, build, start tutti-server with
# the demo school on loopback (its own data dir), open Tutti on it, and stop
# the server when Tutti closes.
#
#   build-aux/demo.sh            French if your session is French
#   LANGUAGE=fr build-aux/demo.sh
#
# Demo accounts: ztest1, cmartin, pmartin (password Vitre2026); staff:
# secretariat (password Accueil2026).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# shellcheck source=build-aux/deps.sh
. build-aux/deps.sh
tutti_ensure_packages

build="$top/_build-demo"
prefix="$build/prefix"
data_dir="$build/demo-data"

if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" --prefix="$prefix" --buildtype=debugoptimized >/dev/null
else
  # --wipe: a setup interrupted earlier leaves a folder without build.ninja.
  meson setup --wipe "$build" --prefix="$prefix" --buildtype=debugoptimized >/dev/null 2>&1 ||
    meson setup "$build" --prefix="$prefix" --buildtype=debugoptimized >/dev/null
fi
ninja -C "$build"
meson install -C "$build" --quiet >/dev/null

mkdir -p "$data_dir"
server_out=$(mktemp -t tutti-demo-server-XXXXXX)
"$prefix/bin/tutti-server" --demo --port 0 --data-dir "$data_dir" >"$server_out" &
server_pid=$!
cleanup () {
  kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -f "$server_out"
}
trap cleanup EXIT INT TERM

url=""
for _ in $(seq 1 300); do
  url=$(grep -m1 -E '^https?://' "$server_out" || true)
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "tutti-server stopped before serving; see the messages above." >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "tutti-server did not start in 30 s." >&2
  exit 1
fi

echo "Demo school served at $url (data in $data_dir)"
echo "Log in as ztest1 / Vitre2026 (family) or secretariat / Accueil2026 (staff)."

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: the server runs until you press Ctrl+C." >&2
  wait "$server_pid"
  exit 0
fi

export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
"$prefix/bin/tutti" --server "$url"
