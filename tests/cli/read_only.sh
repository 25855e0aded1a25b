#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko check on a form the user may not write (mode 444, in a directory
# they may not write either, as a regional center receives it): checked all
# the same, exit code 3 for the sample with mistakes, the file unchanged and
# no lock file left beside it. Run by an unprivileged user: as root, the user
# «nobody» (setpriv); otherwise the current user.
#
#   read_only.sh MSOKO FORM
set -u
tool=$1
form=$2
dir=$(mktemp -d /tmp/msoko-read-only-XXXXXX)
trap 'chmod -R u+w "$dir"; rm -rf "$dir"' EXIT
cp "$form" "$dir/form.ods"
chmod 444 "$dir/form.ods"
chmod 555 "$dir"
before=$(sha256sum <"$dir/form.ods")
run=()
if [ "$(id -u)" -eq 0 ]; then
    if ! command -v setpriv >/dev/null; then
        echo "SKIP: no setpriv to run as an unprivileged user"
        exit 0
    fi
    # The build tree must be readable by «nobody»: it is when it was built
    # with the usual umask.
    if ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$tool"; then
        echo "SKIP: «nobody» cannot run $tool"
        exit 0
    fi
    run=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
output=$("${run[@]}" "$tool" check "$dir/form.ods" 2>&1)
code=$?
printf '%s\n' "$output"
status=0
if [ "$code" -ne 3 ]; then
    echo "FAIL: exit code $code, expected 3 (the form has errors)"
    status=1
fi
if ! grep -q "Ошибок: 31" <<<"$output"; then
    echo "FAIL: no summary of the check"
    status=1
fi
if [ "$(sha256sum <"$dir/form.ods")" != "$before" ]; then
    echo "FAIL: the file changed"
    status=1
fi
if [ -n "$(ls -A "$dir" | grep -v '^form.ods$')" ]; then
    echo "FAIL: files left beside the form: $(ls -A "$dir")"
    status=1
fi
exit $status
