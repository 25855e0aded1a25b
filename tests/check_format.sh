#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# The format check: every C++ source of the project is as .clang-format
# writes it. Fix with: clang-format-14 -i FILE… (or the command printed below).
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$format" ]; then
  echo "clang-format-14 is not installed (cmake/setup-debian.sh installs it)" >&2
  exit 1
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.cxx' '*.hpp' '*.hxx' '*.h')
else
  mapfile -t files < <(find addin cli tests -name '*.cpp' -o -name '*.cxx' -o -name '*.hpp' -o -name '*.hxx')
fi
existing=()
for f in "${files[@]}"; do [ -f "$f" ] && existing+=("$f"); done
bad=()
for f in "${existing[@]}"; do
  "$format" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "Not formatted as .clang-format says (${#bad[@]} of ${#existing[@]} files):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "Fix: $format -i ${bad[*]}" >&2
  exit 1
fi
echo "${#existing[@]} files formatted as .clang-format says"
