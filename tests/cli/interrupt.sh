#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko interrupted (Ctrl+C is SIGINT) while its office works: it exits
# with 128 + the signal's number, says so, and leaves neither a process nor
# its temporary directory /tmp/msoko-office-* behind. The signal is sent when
# the office of this run appears: PHASE «init», the office initialising the
# new profile; «office», the office that opens and checks the form.
#
#   interrupt.sh MSOKO FORM SIGNAL PHASE     (SIGNAL: INT or TERM)
set -u
tool=$1
form=$2
signal=$3
phase=$4
case $signal in INT) expected=130 ;; TERM) expected=143 ;; *) echo "unknown signal $signal"; exit 2 ;; esac
case $phase in init) marker=--terminate_after_init ;; office) marker=--accept= ;; *) echo "unknown phase $phase"; exit 2 ;; esac
set -m  # a job of its own: a background job of a script would ignore SIGINT
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$tool" check "$form" >"$out" 2>&1 &
pid=$!
office= dir=
for _ in $(seq 1 1200); do  # up to 60 s
    for child in $(pgrep -P "$pid"); do
        cmdline=$( { tr '\0' ' ' <"/proc/$child/cmdline"; } 2>/dev/null) || continue
        case $cmdline in
        *soffice.bin*"$marker"*)
            office=$child
            dir=$(sed -n 's|.*UserInstallation=file://\(/tmp/msoko-office-[^/ ]*\)/profile.*|\1|p' <<<"$cmdline")
            ;;
        esac
    done
    [ -n "$office" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
done
if [ -z "$office" ] || [ -z "$dir" ]; then
    wait "$pid"
    cat "$out"
    echo "FAIL: the office of this run (phase $phase) was not seen"
    exit 1
fi
echo "office $office, directory $dir: SIG$signal to msoko $pid"
kill -s "$signal" "$pid"
wait "$pid"
code=$?
cat "$out"
status=0
if [ "$code" -ne "$expected" ]; then
    echo "FAIL: exit code $code, expected $expected"
    status=1
fi
if ! grep -q "прервано" "$out"; then
    echo "FAIL: no message that the run was interrupted"
    status=1
fi
sleep 0.2
if [ -e "$dir" ]; then
    echo "FAIL: $dir is left behind"
    status=1
    rm -rf "$dir"
fi
if kill -0 "$office" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$office/status" 2>/dev/null; then
    echo "FAIL: the office $office still runs"
    status=1
    kill -9 "$office"
fi
exit $status
