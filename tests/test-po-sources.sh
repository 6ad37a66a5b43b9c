#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every string the user can meet is translated: each source file that marks
# strings (_(), N_(), translatable="yes") is listed in po/POTFILES.in, and
# each string extracted from them has its Russian in po/ru.po.
# Usage: test-po-sources.sh SOURCE-ROOT
set -euo pipefail
root=$1
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort > "$work/listed"
{ grep -rlE '(^|[^A-Za-z_])(N|C|NC)?_ ?\(|g_dngettext' src --include='*.c' || true
  grep -rl 'translatable="yes"' ui --include='*.ui' || true; } | sort > "$work/marked"
missing=$(comm -13 "$work/listed" "$work/marked")
if [ -n "$missing" ]; then
  echo "Marked for translation but not in po/POTFILES.in:"; echo "$missing"; fail=1
fi

xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments=Translators \
  --files-from=<(grep -v '^#' po/POTFILES.in | sed '/^$/d') -o "$work/all.pot" 2>"$work/xgettext.err" \
  || { cat "$work/xgettext.err"; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$work/merged.po" po/ru.po "$work/all.pot"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$work/merged.po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Strings without their Russian:"
    msgattrib --untranslated --no-obsolete "$work/merged.po" | grep -A1 '^#:'
    fail=1 ;;
esac
exit $fail
