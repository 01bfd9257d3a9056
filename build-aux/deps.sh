# build-aux/deps.sh — the Debian 12 packages Tutti needs, installed when missing.
# Sourced by demo.sh and test.sh; the one list of what to install.

TUTTI_PACKAGES=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libsecret-1-dev libpoppler-glib-dev libsqlite3-dev libcrypt-dev
  libcairo2-dev libpango1.0-dev glib-networking
  gettext appstream desktop-file-utils fonts-cantarell
  xvfb xauth x11-utils dbus dbus-x11 gnome-keyring at-spi2-core flatpak-builder
)

tutti_missing_packages () {
  local missing=() pkg
  for pkg in "${TUTTI_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]}"
}

tutti_ensure_packages () {
  local missing
  missing=$(tutti_missing_packages)
  [ -z "$missing" ] && return 0

  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    echo "Installing: $missing"
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Tutti needs these Debian packages. Install them as root, then run this again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends $missing" >&2
    exit 1
  fi
}
