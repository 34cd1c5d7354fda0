#!/bin/sh
# Runs a command inside a private D-Bus session with a throwaway, unlocked GNOME keyring, so the
# keychain tests use a real Secret Service without touching the user's own keyring.
# (dbus-daemon may print a harmless "Failed to set fd limit" line.)
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  XDG_DATA_HOME="$(mktemp -d)"
  export XDG_DATA_HOME
  trap 'rm -rf "$XDG_DATA_HOME"' EXIT
  dbus-run-session -- sh -c 'echo throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
else
  echo "No dbus-run-session or gnome-keyring-daemon here: the keychain tests will skip." >&2
  exec "$@"
fi
