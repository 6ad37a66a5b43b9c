#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package as a school's technician meets it: built from the tree
# with dpkg-buildpackage, checked by lintian (no error, no warning),
# installed with apt, both programs run from /usr (the window in Russian
# under LANG=ru_RU.UTF-8), then removed, leaving none of its files.
# Run as root (CI is); build-aux/dev.sh test runs it after the suite.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  if dpkg-query -W -f='${Status}' nastavnik 2>/dev/null | grep -q 'install ok installed'; then
    apt-get remove -y -q nastavnik >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "not ok - $*" >&2; exit 1; }
step() { echo "ok - $*"; }

version=$(dpkg-parsechangelog -S Version)
arch=$(dpkg --print-architecture)
deb="$work/nastavnik_${version}_${arch}.deb"

# The tree as git knows it (what a clean clone holds), outside the clone,
# where dpkg-buildpackage leaves its files in the parent folder.
src="$work/nastavnik-$version"
mkdir "$src"
# (Run with sudo in a developer's own clone: git would refuse a folder of
# another owner without safe.directory.)
git -c safe.directory="$PWD" ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$src"
if ! (cd "$src" && dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1); then
  tail -n 60 "$work/build.log" >&2
  fail "dpkg-buildpackage -us -uc -b"
fi
step "built $(basename "$deb")"

lintian --fail-on error,warning "$deb" 2>&1 | grep -v 'running with root privileges' || true
lintian --fail-on error,warning "$deb" >/dev/null 2>&1 || fail "lintian reports errors or warnings"
step "lintian: no error, no warning"

apt-get install -y -q --no-install-recommends "$deb" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "apt-get install ./$(basename "$deb")"; }
for f in /usr/bin/nastavnik /usr/bin/nastavnik-cli /usr/share/applications/org.nastavnik.Nastavnik.desktop \
         /usr/share/metainfo/org.nastavnik.Nastavnik.metainfo.xml /usr/share/man/man1/nastavnik-cli.1.gz \
         /usr/share/man/ru/man1/nastavnik.1.gz /usr/share/locale/ru/LC_MESSAGES/nastavnik.mo; do
  [ -e "$f" ] || fail "the package did not install $f"
done
step "installed with apt"

# The Russian locale the school's computer has.
if ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf-\?8$'; then
  sed -i 's/^# *\(ru_RU.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^ru_RU.UTF-8 UTF-8' /etc/locale.gen || echo 'ru_RU.UTF-8 UTF-8' >>/etc/locale.gen
  locale-gen >/dev/null
fi
export HOME="$work/home" LANG=ru_RU.UTF-8
unset LANGUAGE LC_ALL
mkdir -p "$HOME"

db="$work/school.db"
/usr/bin/nastavnik-cli --database "$db" demo >/dev/null || fail "/usr/bin/nastavnik-cli demo"
list=$(/usr/bin/nastavnik-cli --database "$db" list participants) || fail "/usr/bin/nastavnik-cli list participants"
grep -q 'Категория' <<<"$list" || fail "list participants is not in Russian: $(head -n 1 <<<"$list")"
[ "$(wc -l <<<"$list")" -gt 20 ] || fail "list participants shows too few people"
step "nastavnik-cli demo and list participants, in Russian"

cat >"$work/window.sh" <<'SCRIPT'
#!/usr/bin/env bash
# In the Xvfb and session bus of xvfb-run and dbus-run-session: starts the
# program, waits for its window, writes its title to a file (the session's
# daemons print on the standard output too).
/usr/bin/nastavnik --database "$1" >"$2" 2>&1 &
pid=$!
window=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -n 1)
[ -n "$window" ] && xdotool getwindowname "$window" >"$3"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null || true
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  bash "$work/window.sh" "$db" "$work/window.log" "$work/title" >/dev/null 2>&1 || true
title=$(cat "$work/title" 2>/dev/null || true)
[ "$title" = "Наставник" ] || { cat "$work/window.log" >&2; fail "the window's title is «$title», not «Наставник»"; }
if grep -E 'CRITICAL|WARNING' "$work/window.log" >&2; then
  fail "/usr/bin/nastavnik warned at start"
fi
step "/usr/bin/nastavnik shows its window «Наставник» with LANG=ru_RU.UTF-8"

mapfile -t files < <(dpkg -L nastavnik)
apt-get remove -y -q nastavnik >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "apt-get remove nastavnik"; }
left=()
for f in "${files[@]}"; do
  if [ -f "$f" ] || [ -L "$f" ]; then left+=("$f"); fi
done
[ ${#left[@]} -eq 0 ] || fail "apt-get remove left: ${left[*]}"
step "apt-get remove leaves no file of ours (${#files[@]} paths checked)"
