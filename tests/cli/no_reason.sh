#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# A check that fails without the add-in giving its reason (here its log is
# switched off, MSOKO_LOG_LEVEL=off): msoko-calc says so, keeps the private
# profile and prints the path of the add-in's log in it.
#
#   no_reason.sh MSOKO_CALC FORM_THE_CHECK_REFUSES
set -u
tool=$1
form=$2
output=$(MSOKO_LOG_LEVEL=off "$tool" check "$form" 2>&1)
code=$?
printf '%s\n' "$output"
log=$(sed -n 's|.*журнал расширения: \(/tmp/msoko-office-[^ ]*/profile/user/msoko/msoko\.log\).*|\1|p' <<<"$output")
status=0
if [ "$code" -ne 1 ]; then
    echo "FAIL: exit code $code, expected 1"
    status=1
fi
if ! grep -q "^msoko-calc: проверка не выполнена, причина не записана; журнал расширения: " <<<"$output" ||
    [ -z "$log" ]; then
    echo "FAIL: no message naming the log"
    status=1
elif [ ! -f "$log" ]; then
    echo "FAIL: the profile with $log is not kept"
    status=1
fi
if [ -n "$log" ]; then
    rm -rf "${log%/profile/user/msoko/msoko.log}"
fi
exit $status
