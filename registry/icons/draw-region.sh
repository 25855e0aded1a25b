#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Свод по муниципалитетам» (region-16.png, region-26.png):
# three bars in the frame colour (#2F5F8F), the municipalities' values, rising
# to the right, and a red line across them: the region's value.
# ImageMagick draws 16× larger and scales down (antialiasing).   registry/icons/draw-region.sh
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local s=$((n * k)) w=$((n * k * 4 / 16)) gap=$((n * k / 16))
  local bottom=$((s - gap))
  convert -size ${s}x${s} xc:none -stroke none -fill '#2F5F8F' \
    -draw "rectangle $gap $((s * 9 / 16)) $((gap + w)) $bottom" \
    -draw "rectangle $((2 * gap + w)) $((s * 5 / 16)) $((2 * gap + 2 * w)) $bottom" \
    -draw "rectangle $((3 * gap + 2 * w)) $((s * 2 / 16)) $((3 * gap + 3 * w)) $bottom" \
    -fill '#C0392B' -draw "rectangle 0 $((s * 7 / 16)) $s $((s * 7 / 16 + k * 3 / 2))" \
    -resize ${n}x${n} "$out"
}
draw 16 region-16.png
draw 26 region-26.png
