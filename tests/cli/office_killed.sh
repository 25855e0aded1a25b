#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# The office of msoko dies while it holds the form (a crash, the
# out-of-memory killer; here SIGKILL): msoko says in Russian that
# LibreOffice ended, exits with code 1, shows no LibreOffice source location
# and leaves no temporary directory /tmp/msoko-office-* behind.
#
#   office_killed.sh MSOKO FORM
set -u
tool=$1
form=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$tool" check "$form" >"$out" 2>&1 &
pid=$!
name=$(basename "$form")
office= dir=
for _ in $(seq 1 1200); do  # up to 60 s: until the office has the form open
    for child in $(pgrep -P "$pid"); do
        cmdline=$( { tr '\0' ' ' <"/proc/$child/cmdline"; } 2>/dev/null) || continue
        case $cmdline in *soffice.bin*--accept=*) ;; *) continue ;; esac
        if ls -l "/proc/$child/fd" 2>/dev/null | grep -qF "/$name"; then
            office=$child
            dir=$(sed -n 's|.*UserInstallation=file://\(/tmp/msoko-office-[^/ ]*\)/profile.*|\1|p' <<<"$cmdline")
        fi
    done
    [ -n "$office" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
done
if [ -z "$office" ]; then
    wait "$pid"
    cat "$out"
    echo "FAIL: the office of this run was not seen holding $name"
    exit 1
fi
echo "office $office has $name open: SIGKILL"
kill -KILL "$office"
wait "$pid"
code=$?
cat "$out"
status=0
if [ "$code" -ne 1 ]; then
    echo "FAIL: exit code $code, expected 1"
    status=1
fi
if ! grep -q "^msoko: LibreOffice неожиданно завершился" "$out"; then
    echo "FAIL: no message that LibreOffice ended"
    status=1
fi
if grep -qE '(^|[^[:alnum:]_])at \.?/[^[:space:]:]*\.(cxx|hxx|cpp|hpp|h|c):[0-9]+' "$out"; then
    echo "FAIL: a LibreOffice source location reached the terminal"
    status=1
fi
if [ -n "$dir" ] && [ -e "$dir" ]; then
    echo "FAIL: $dir is left behind"
    status=1
    rm -rf "$dir"
fi
exit $status
