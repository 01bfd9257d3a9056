#!/usr/bin/env bash
# tests/check-flatpak.sh MANIFEST — the Flathub manifest, checked offline:
# flatpak-builder reads it without a warning, and the sandbox's permissions
# are exactly the ones Tutti needs (network, Wayland with X11 fallback, IPC,
# DRI; the keyring through libsecret's portal backend, no home folder).
set -euo pipefail

manifest=$(realpath "$1")
if ! command -v flatpak-builder >/dev/null; then
  echo "flatpak-builder is not installed" >&2
  exit 77
fi

# flatpak-builder leaves its state folder in the current directory.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
err="$work/stderr"
shown=$(cd "$work" && flatpak-builder --show-manifest "$manifest" 2>"$err")
if [ -s "$err" ]; then
  echo "flatpak-builder warned:" >&2
  cat "$err" >&2
  exit 1
fi

printf '%s' "$shown" | python3 -c '
import json, sys
m = json.load(sys.stdin)
expected = {"--share=network", "--share=ipc", "--socket=wayland",
            "--socket=fallback-x11", "--device=dri"}
got = set(m.get("finish-args", []))
problems = []
if got != expected:
    problems.append("finish-args: extra %s, missing %s" % (sorted(got - expected), sorted(expected - got)))
if m.get("id") != "app.tutti.Tutti":
    problems.append("id is %r" % m.get("id"))
if m.get("runtime") != "org.gnome.Platform" or m.get("sdk") != "org.gnome.Sdk":
    problems.append("not the GNOME runtime")
last = m["modules"][-1]
if last.get("name") != "tutti" or last.get("buildsystem") != "meson":
    problems.append("the last module must build tutti with meson")
if "-Dserver=false" not in last.get("config-opts", []):
    problems.append("the Flatpak ships the app alone (-Dserver=false)")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print("manifest OK:", ", ".join(sorted(got)))
'
