#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# samples/vpr: fictional Ф1 files of the schools of samples/data/sample-district.json
# (their short names, so that the form fill finds them), one school planted,
# fixed seeds (2086: no rule flags a school but the planted one) — Russian 4 and Maths 5 of 2026, «Окружающий мир» 4 as an older
# export without «Отметка», and last year's Russian 4 (2025/) for the dynamics.
# The arguments are here and nowhere else.
#
#   vpr_samples.sh write MAKE-VPR SAMPLES-DIR PYTHON   # regenerate (xlsx by LibreOffice)
#   vpr_samples.sh check MAKE-VPR SAMPLES-DIR PYTHON   # non-zero when samples/vpr is stale
#
# The check compares the pupils and the plan (data/*.tsv, data/*.json) byte for
# byte and each committed xlsx's cells with the flat ODF generated now (an xlsx
# differs in its zip's timestamps each time it is written).
set -euo pipefail
mode=$1
make=$2
samples=$3
python=$4
here=$(cd "$(dirname "$0")" && pwd)
vpr="$samples/vpr"
tmp=$(mktemp -d /tmp/msoko-vpr-samples-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

schools="$samples/data/sample-district.json"
planted=edu424207  # МБОУ «Покровская СОШ»
gen() { "$make" --schools "$schools" --planted $planted --pupils 650 "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }; }
gen --year 2026 --seed 2086 --subject "Русский язык 4" --subject "Математика 5" --out "$tmp/new"
gen --year 2026 --seed 2086 --subject "Окружающий мир 4" --no-mark-column --out "$tmp/new"
gen --year 2025 --seed 2025 --subject "Русский язык 4" --out "$tmp/new/2025"

stale() {
  echo "samples/vpr is stale ($1): regenerate it with \`cmake --build build --target samples-vpr\` and commit it" >&2
  exit 1
}

case "$mode" in
write)
  bash "$here/to_xlsx.sh" "$tmp/xlsx" "$tmp"/new/*.fods
  bash "$here/to_xlsx.sh" "$tmp/xlsx/2025" "$tmp"/new/2025/*.fods
  rm -rf "$vpr"
  mkdir -p "$vpr/data" "$vpr/2025/data"
  cp "$tmp"/xlsx/*.xlsx "$vpr/"
  cp "$tmp"/xlsx/2025/*.xlsx "$vpr/2025/"
  cp "$tmp"/new/*.tsv "$tmp"/new/*.json "$vpr/data/"
  cp "$tmp"/new/2025/*.tsv "$tmp"/new/2025/*.json "$vpr/2025/data/"
  ls "$vpr"/*.xlsx "$vpr"/2025/*.xlsx
  ;;
check)
  for sub in "" "2025/"; do
    made=$(cd "$tmp/new/$sub" && ls *.tsv *.json *.fods | sed 's/\.fods$/.xlsx/' | sort)
    committed=$( (cd "$vpr/$sub" && ls *.xlsx; cd data && ls *.tsv *.json) | sort)
    [ "$made" = "$committed" ] || stale "other files in samples/vpr/$sub"
    for f in "$tmp/new/$sub"*.tsv "$tmp/new/$sub"*.json; do
      cmp -s "$f" "$vpr/${sub}data/$(basename "$f")" || stale "${sub}data/$(basename "$f")"
    done
    for f in "$tmp/new/$sub"*.fods; do
      name=$(basename "${f%.fods}")
      "$python" "$here/vpr_cells.py" compare "$f" "$vpr/$sub$name.xlsx" >&2 || stale "$sub$name.xlsx"
    done
  done
  ;;
*)
  echo "vpr_samples.sh write|check MAKE-VPR SAMPLES-DIR PYTHON" >&2
  exit 2
  ;;
esac
