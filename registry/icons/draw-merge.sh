#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Собрать формы организаций» (merge-16.png, merge-26.png):
# two small sheets in the frame colour (#2F5F8F) at the upper left, the
# municipal form's larger sheet at the lower right, and a green arrow from
# the small ones into it: the organisations' forms come back into one.
# ImageMagick draws 16× larger and scales down (antialiasing).   registry/icons/draw-merge.sh
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local s=$((n * k)) line=$((k * 3 / 2))
  local a=$line b=$((s * 7 / 16))
  convert -size ${s}x${s} xc:none \
    -stroke '#2F5F8F' -strokewidth $line -fill white \
    -draw "rectangle $((a + s / 8)) $a $((b + s / 8)) $((b - s / 16))" \
    -draw "rectangle $a $((a + s / 8)) $b $((b + s / 16))" \
    -draw "rectangle $((s * 7 / 16)) $((s * 7 / 16)) $((s - line)) $((s - line))" \
    -stroke none -fill '#3A8A3A' \
    -draw "polygon $((s * 5 / 16)) $((s * 9 / 16)) $((s * 9 / 16)) $((s * 9 / 16)) $((s * 9 / 16)) $((s * 7 / 16)) $((s * 13 / 16)) $((s * 11 / 16)) $((s * 9 / 16)) $((s * 15 / 16)) $((s * 9 / 16)) $((s * 13 / 16)) $((s * 5 / 16)) $((s * 13 / 16))" \
    -filter box -resize ${n}x${n} -strip PNG32:"$out"
}
draw 16 merge-16.png
draw 26 merge-26.png
