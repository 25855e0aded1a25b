#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Ctrl+C (SIGINT) while two offices of a pool work (msoko-make-forms --ods
# --jobs 2): the program exits with 130 and leaves neither office running nor
# any of their temporary directories /tmp/msoko-office-*.
# Usage: interrupt_pool.sh MSOKO_MAKE_FORMS
set -u
tool=$1
set -m  # a job of its own: a background job of a script would ignore SIGINT
tmp=$(mktemp -d /tmp/msoko-pool-interrupt-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$tool" --count 4 --seed 3 --max-schools 5 --max-kindergartens 4 --ods --jobs 2 "$tmp/forms" >"$tmp/out" 2>&1 &
pid=$!
offices=() dirs=()
for _ in $(seq 1 1200); do  # up to 60 s: both offices accepting connections
    offices=() dirs=()
    for child in $(pgrep -P "$pid"); do
        cmdline=$( { tr '\0' ' ' <"/proc/$child/cmdline"; } 2>/dev/null) || continue
        case $cmdline in
        *soffice.bin*--accept=*)
            offices+=("$child")
            dirs+=("$(sed -n 's|.*UserInstallation=file://\(/tmp/msoko-office-[^/ ]*\)/profile.*|\1|p' <<<"$cmdline")")
            ;;
        esac
    done
    [ "${#offices[@]}" -ge 2 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
done
if [ "${#offices[@]}" -lt 2 ]; then
    wait "$pid"
    cat "$tmp/out"
    echo "FAIL: two offices of the pool were not seen"
    exit 1
fi
echo "offices ${offices[*]}: SIGINT to $pid"
kill -s INT "$pid"
wait "$pid"
code=$?
cat "$tmp/out"
status=0
[ "$code" -eq 130 ] || { echo "FAIL: exit code $code, expected 130"; status=1; }
sleep 0.2
for i in "${!offices[@]}"; do
    if kill -0 "${offices[$i]}" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/${offices[$i]}/status" 2>/dev/null; then
        echo "FAIL: the office ${offices[$i]} still runs"
        status=1
        kill -9 "${offices[$i]}"
    fi
    if [ -n "${dirs[$i]}" ] && [ -e "${dirs[$i]}" ]; then
        echo "FAIL: ${dirs[$i]} is left behind"
        status=1
        rm -rf "${dirs[$i]}"
    fi
done
exit $status
