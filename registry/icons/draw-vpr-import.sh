#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Загрузить результаты ВПР» (vpr-import-16.png,
# vpr-import-26.png): a histogram of primary scores — five columns in the
# frame colour (#2F5F8F), highest in the middle — with one column in red
# (#C0392B): the peak the objectivity screen looks for.
# ImageMagick draws 16× larger and scales down (antialiasing).   registry/icons/draw-vpr-import.sh
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local s=$((n * k)) w=$((n * k * 3 / 16)) gap=$((n * k / 32))
  local bottom=$((s - gap))
  local x=$gap
  local cmd=()
  local i=0
  for top in 11 6 2 8 12; do
    local fill='#2F5F8F'
    [ $i -eq 3 ] && fill='#C0392B'
    cmd+=(-fill "$fill" -draw "rectangle $x $((s * top / 16)) $((x + w - gap)) $bottom")
    x=$((x + w))
    i=$((i + 1))
  done
  convert -size ${s}x${s} xc:none -stroke none "${cmd[@]}" -resize ${n}x${n} "$out"
}
draw 16 vpr-import-16.png
draw 26 vpr-import-26.png
