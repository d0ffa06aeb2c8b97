#!/usr/bin/env bash
# `make install PREFIX=$(mktemp -d)` from a fresh clone of this checkout's HEAD, then the
# installed `hazard` answers from another folder: it finds its checklists beside the binary
# (<prefix>/share/hazard/checklists), through a symlink too, and says where it looked when they
# are not there. Also checks the completions and `make uninstall`.
#
# The clone is always made at .build/install-test/src and built into .build/install-test/scratch,
# so the dependencies' release build is kept between runs (the first run builds everything,
# later runs only our own modules). Only committed files are in the clone.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.build/install-test"
src="$cache/src"
prefix=$(mktemp -d)
elsewhere=$(mktemp -d)
trap 'rm -rf "$prefix" "$elsewhere"' EXIT

fail() { echo "install-test: FAIL: $*" >&2; exit 1; }

if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
  echo "install-test: note: uncommitted changes are not in the clone; it tests HEAD"
fi
rm -rf "$src"
mkdir -p "$cache"
git clone --quiet "$root" "$src"

started=$(date +%s)
make -C "$src" install PREFIX="$prefix" INSTALL_BUILD_FLAGS="--scratch-path=$cache/scratch" >"$cache/install.log" 2>&1 \
  || { tail -30 "$cache/install.log" >&2; fail "make install failed (log: $cache/install.log)"; }
echo "install-test: make install took $(( $(date +%s) - started )) s"

hazard="$prefix/bin/hazard"
[ -x "$hazard" ] || fail "$hazard is not installed"
[ -d "$prefix/share/hazard/checklists" ] || fail "no checklists in $prefix/share/hazard/checklists"
for completion in share/bash-completion/completions/hazard share/zsh/site-functions/_hazard share/fish/vendor_completions.d/hazard.fish; do
  grep -q "checklists" "$prefix/$completion" || fail "$completion is missing or does not complete hazard's commands"
done

# From a folder with no checklists, with no HAZARD_CHECKLISTS: the installed ones are found.
out=$(cd "$elsewhere" && env -u HAZARD_CHECKLISTS "$hazard" checklists 2>&1) || fail "hazard checklists from $elsewhere exited $?: $out"
grep -q "urban-gas-2023" <<<"$out" || fail "hazard checklists did not list urban-gas-2023: $out"
grep -qi "error" <<<"$out" && fail "hazard checklists printed an error: $out"
(cd "$elsewhere" && env -u HAZARD_CHECKLISTS "$hazard" lint >/dev/null) || fail "hazard lint of the installed checklists failed"

# Through a symlink in another folder (as with /usr/local/bin -> /opt/hazard/bin).
mkdir -p "$elsewhere/bin"
ln -s "$hazard" "$elsewhere/bin/hazard"
(cd "$elsewhere" && env -u HAZARD_CHECKLISTS "$elsewhere/bin/hazard" checklists | grep -q "urban-gas-2023") \
  || fail "hazard run through a symlink did not find the installed checklists"

# A copy with no data folder beside it: exit 2, naming where it looked.
rm "$elsewhere/bin/hazard"
cp "$hazard" "$elsewhere/bin/hazard"
set +e
out=$(cd "$elsewhere" && env -u HAZARD_CHECKLISTS "$elsewhere/bin/hazard" checklists 2>&1)
status=$?
set -e
[ "$status" = 2 ] || fail "hazard without checklists exited $status, not 2: $out"
grep -q "$elsewhere/share/hazard/checklists" <<<"$out" || fail "the error does not name the data folder it looked in: $out"

make -C "$src" uninstall PREFIX="$prefix" >/dev/null
[ ! -e "$hazard" ] && [ ! -e "$prefix/share/hazard" ] && [ ! -e "$prefix/share/zsh/site-functions/_hazard" ] \
  || fail "make uninstall left files under $prefix"

echo "install-test: ok (installed from a clone, found its checklists from another folder, uninstalled)"
