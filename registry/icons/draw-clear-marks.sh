#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Снять отметки проверки» (clear-marks-16.png, clear-marks-26.png):
# the sheet of validate-*.png (frame #2F5F8F, rows #7FA7CF) with a red cross where
# the check mark is. ImageMagick draws 16× larger and scales down (antialiasing).
#   registry/icons/draw-clear-marks.sh   (from the repository's root)
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local x0 y0 x1 y1 l1 l2 cx cy r w
  if [ "$n" = 26 ]; then
    x0=1 y0=1 x1=20 y1=25 l1=8 l2=17 cx=18.5 cy=18.5 r=5.2 w=2.6
  else
    x0=1 y0=1 x1=13 y1=15 l1=5 l2=10 cx=11 cy=11 r=3 w=2
  fi
  p() { awk -v v="$1" -v k=$k 'BEGIN { printf "%.1f", v * k }'; }
  e() { awk "BEGIN { print $1 }"; }
  local cross_a="stroke-linecap round line $(p "$(e "$cx-$r")") $(p "$(e "$cy-$r")") $(p "$(e "$cx+$r")") $(p "$(e "$cy+$r")")"
  local cross_b="stroke-linecap round line $(p "$(e "$cx+$r")") $(p "$(e "$cy-$r")") $(p "$(e "$cx-$r")") $(p "$(e "$cy+$r")")"
  convert -size $((n * k))x$((n * k)) xc:none \
    -fill '#F2F5F8' -stroke none -draw "rectangle $(p $x0) $(p $y0) $(p $x1) $(p $y1)" \
    -fill white -draw "rectangle $(p $((x0 + 2))) $(p $((y0 + 2))) $(p $((x1 - 2))) $(p $((y1 - 2)))" \
    -fill '#7FA7CF' -draw "rectangle $(p $x0) $(p $l1) $(p $x1) $(p $((l1 + 1)))" \
    -draw "rectangle $(p $x0) $(p $l2) $(p $x1) $(p $((l2 + 1)))" \
    -fill none -stroke '#2F5F8F' -strokewidth $k \
    -draw "rectangle $(p "$(e "$x0+0.5")") $(p "$(e "$y0+0.5")") $(p "$(e "$x1-0.5")") $(p "$(e "$y1-0.5")")" \
    -stroke white -strokewidth "$(p "$(e "$w+2")")" -draw "$cross_a" -draw "$cross_b" \
    -stroke '#C62828' -strokewidth "$(p "$w")" -draw "$cross_a" -draw "$cross_b" \
    -filter box -resize ${n}x${n} -strip PNG32:"$out"
}
draw 16 clear-marks-16.png
draw 26 clear-marks-26.png
