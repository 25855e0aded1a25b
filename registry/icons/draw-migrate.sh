#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Перенести в новую версию формы» (migrate-16.png,
# migrate-26.png): two sheets, the old one grey behind, the new one white with
# the frame colour (#2F5F8F), and an arrow from the old to the new. ImageMagick
# draws 16× larger and scales down (antialiasing).   registry/icons/draw-migrate.sh
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local s=$((n * k)) w=$((n * k * 9 / 16)) h=$((n * k * 11 / 16)) line=$((k * 3 / 2))
  convert -size ${s}x${s} xc:none \
    -stroke '#7F7F7F' -strokewidth $line -fill '#D9D9D9' -draw "rectangle $line $line $((line + w)) $((line + h))" \
    -stroke '#2F5F8F' -fill white -draw "rectangle $((s - w - line)) $((s - h - line)) $((s - line)) $((s - line))" \
    -stroke '#2F5F8F' -strokewidth $((line * 2)) -draw "line $((s * 5 / 16)) $((s * 11 / 16)) $((s * 9 / 16)) $((s * 7 / 16))" \
    -stroke none -fill '#2F5F8F' \
    -draw "polygon $((s * 11 / 16)) $((s * 5 / 16)) $((s * 7 / 16)) $((s * 5 / 16)) $((s * 11 / 16)) $((s * 9 / 16))" \
    -filter box -resize ${n}x${n} -strip PNG32:"$out"
}
draw 16 migrate-16.png
draw 26 migrate-26.png
