#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# What a user sees of a command-line tool: runs it and passes when its exit
# code is EXIT_CODE, its output (standard output and error together) matches
# PATTERN (grep -E) and no LibreOffice source location ("at ./sc/source/…
# docuno.cxx:3963") reaches the terminal.
#
#   expect.sh EXIT_CODE PATTERN COMMAND [ARG...]
set -u
expected=$1
pattern=$2
shift 2
output=$("$@" 2>&1)
code=$?
printf '%s\n' "$output"
status=0
if [ "$code" -ne "$expected" ]; then
    echo "FAIL: exit code $code, expected $expected"
    status=1
fi
if ! grep -qE -- "$pattern" <<<"$output"; then
    echo "FAIL: the output does not match: $pattern"
    status=1
fi
if grep -qE '(^|[^[:alnum:]_])at \.?/[^[:space:]:]*\.(cxx|hxx|cpp|hpp|h|c):[0-9]+' <<<"$output"; then
    echo "FAIL: a LibreOffice source location reached the terminal"
    status=1
fi
exit $status
