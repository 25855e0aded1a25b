#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Заполнить форму из результатов ВПР» (vpr-fill-16.png,
# vpr-fill-26.png): a table of the form in the frame colour (#2F5F8F) whose
# right column is filled in green (#27AE60): the figures taken from the results.
# ImageMagick draws 16× larger and scales down (antialiasing).   registry/icons/draw-vpr-fill.sh
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local s=$((n * k)) line=$((n * k / 12))
  local a=$((s / 16)) b=$((s * 15 / 16)) mid=$((s * 9 / 16))
  local r1=$((s * 6 / 16)) r2=$((s * 10 / 16))
  convert -size ${s}x${s} xc:none -stroke none \
    -fill '#27AE60' -draw "rectangle $mid $((a + line)) $b $b" \
    -fill none -stroke '#2F5F8F' -strokewidth $line \
    -draw "rectangle $a $a $b $b" \
    -draw "line $a $r1 $b $r1" -draw "line $a $r2 $b $r2" -draw "line $mid $a $mid $b" \
    -resize ${n}x${n} "$out"
}
draw 16 vpr-fill-16.png
draw 26 vpr-fill-26.png
