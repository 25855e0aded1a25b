#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Справка» (help-16.png, help-26.png): a white «?» on a
# disc of the sheets' frame colour (#2F5F8F). ImageMagick draws 16× larger and
# scales down (antialiasing).   registry/icons/draw-help.sh
set -euo pipefail
cd "$(dirname "$0")"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
draw() {
  local n=$1 out=$2 k=16 s=$(($1 * 16))
  local c=$((s / 2)) r=$((s / 2 - k / 2))
  convert -size ${s}x${s} xc:none \
    -fill '#2F5F8F' -stroke none -draw "circle $c $c $c $((c - r))" \
    -fill white -font "$font" -pointsize $((s * 3 / 4)) -gravity center -annotate +0+$((k / 2)) '?' \
    -filter box -resize ${n}x${n} -strip PNG32:"$out"
}
draw 16 help-16.png
draw 26 help-26.png
