#!/usr/bin/env bash
# tests/check-install.sh BUILD_DIR PREFIX — installs into a temporary folder
# (DESTDIR), checks that every piece is where the desktop expects it, and
# starts the installed app under the current X display.
set -euo pipefail

build=$1
prefix=$2
destdir=$(mktemp -d -t tutti-install-XXXXXX)
app_pid=
cleanup () {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$destdir"
}
trap cleanup EXIT

meson install -C "$build" --destdir "$destdir" --no-rebuild --quiet >/dev/null
root="$destdir$prefix"

status=0
for f in \
  bin/tutti \
  bin/tutti-server \
  share/applications/app.tutti.Tutti.desktop \
  share/metainfo/app.tutti.Tutti.metainfo.xml \
  share/icons/hicolor/scalable/apps/app.tutti.Tutti.svg \
  share/icons/hicolor/symbolic/apps/app.tutti.Tutti-symbolic.svg \
  share/glib-2.0/schemas/app.tutti.Tutti.gschema.xml \
  share/locale/fr/LC_MESSAGES/tutti.mo \
  lib/systemd/system/tutti-server.service \
  etc/tutti/tutti-server.conf
do
  if [ -e "$root/$f" ]; then
    echo "installed: $prefix/$f"
  else
    echo "MISSING: $prefix/$f" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] || exit 1

# The unit starts the installed server with the installed configuration.
grep -q "^ExecStart=$prefix/bin/tutti-server --config $prefix/etc/tutti/tutti-server.conf" \
  "$root/lib/systemd/system/tutti-server.service"

# The installed desktop file is translated.
grep -q '^Comment\[fr\]=' "$root/share/applications/app.tutti.Tutti.desktop"

# The installed server answers --version.
"$root/bin/tutti-server" --version

if [ -z "${DISPLAY:-}" ] || ! command -v xwininfo >/dev/null; then
  echo "no X display: not starting the installed app" >&2
  exit 77
fi

glib-compile-schemas "$root/share/glib-2.0/schemas"
export GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas"
export XDG_DATA_DIRS="$root/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export TUTTI_LOCALEDIR="$root/share/locale"
export GDK_BACKEND=x11
# A closed port: the app opens on its login page and says it cannot connect.
"$root/bin/tutti" --server http://127.0.0.1:9 &
app_pid=$!

for _ in $(seq 1 60); do
  if xwininfo -root -tree | grep -q '"Tutti"'; then
    echo "the installed app shows its window"
    exit 0
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "the installed app exited" >&2
    app_pid=
    exit 1
  fi
  sleep 0.5
done
echo "the installed app showed no window in 30 s" >&2
exit 1
