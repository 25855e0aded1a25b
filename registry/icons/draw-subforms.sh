#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Draws the icons of «Формы для организаций» (subforms-16.png, subforms-26.png):
# three sheets in the frame colour (#2F5F8F), fanned out from the top left,
# each with a yellow input line (#FFF2CC, the form's input cells, bordered):
# one form becomes a form for every organisation.
# ImageMagick draws 16× larger and scales down (antialiasing).   registry/icons/draw-subforms.sh
set -euo pipefail
cd "$(dirname "$0")"
draw() {
  local n=$1 out=$2 k=16
  local s=$((n * k)) line=$((k * 3 / 2))
  local w=$((s * 9 / 16)) h=$((s * 11 / 16)) step=$((s * 3 / 16))
  local args=()
  for i in 0 1 2; do
    local x0=$((line + i * step)) y0=$((line / 2 + i * step / 2 + s / 32))
    local x1=$((x0 + w)) y1=$((y0 + h))
    local ly=$((y0 + h * 5 / 8))
    args+=(-stroke '#2F5F8F' -strokewidth $line -fill white -draw "rectangle $x0 $y0 $x1 $y1")
    args+=(-stroke '#B8860B' -strokewidth $((line / 2)) -fill '#FFE27A'
      -draw "rectangle $((x0 + w / 5)) $((ly - h / 10)) $((x1 - w / 5)) $((ly + h / 10))")
  done
  convert -size ${s}x${s} xc:none "${args[@]}" -filter box -resize ${n}x${n} -strip PNG32:"$out"
}
draw 16 subforms-16.png
draw 26 subforms-26.png
