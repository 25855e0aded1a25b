#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Подготовить к отправке» (package-16.png, package-26.png):
# an envelope in the frame colour (#2F5F8F) with its flap, and the check's
# green tick over its lower right corner: the checked form goes out.
# ImageMagick draws 16× larger and scales down (antialiasing).   registry/icons/draw-package.sh
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local s=$((n * k)) line=$((k * 3 / 2))
  local c=$((s * 23 / 32)) r=$((s * 8 / 32))
  local x0=$line y0=$((s * 3 / 16)) x1=$((s - line)) y1=$((s * 12 / 16))
  convert -size ${s}x${s} xc:none \
    -stroke '#2F5F8F' -strokewidth $line -fill white -draw "rectangle $x0 $y0 $x1 $y1" \
    -fill none -draw "polyline $x0 $y0 $((s / 2)) $((s * 8 / 16)) $x1 $y0" \
    -stroke white -strokewidth $line -fill '#3A8A3A' -draw "circle $c $c $c $((c + r))" \
    -stroke white -strokewidth $((line * 3 / 2)) -fill none \
    -draw "polyline $((c - r / 2)) $c $((c - r / 10)) $((c + r * 2 / 5)) $((c + r * 11 / 20)) $((c - r * 7 / 20))" \
    -filter box -resize ${n}x${n} -strip PNG32:"$out"
}
draw 16 package-16.png
draw 26 package-26.png
