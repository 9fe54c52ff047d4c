#!/usr/bin/env bash
# Renders the icons from their SVG sources: the app icon in the sizes each platform wants (PNG 16-512,
# backupdesk.ico for Windows, backupdesk.icns for macOS) and the tray icons of each state, light and
# dark, in the sizes tray hosts ask for. The outputs are committed, so packaging needs none of these tools.
#
#   icons/render.sh
#
# Needs: rsvg-convert (librsvg2-bin), ImageMagick (convert), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p png tray/png
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" backupdesk.svg -o "png/backupdesk-$size.png"
  rsvg-convert -w "$size" -h "$size" backupdesk-dark.svg -o "png/backupdesk-dark-$size.png"
done
convert png/backupdesk-{16,24,32,48,64,128,256}.png backupdesk.ico
png2icns backupdesk.icns png/backupdesk-{16,32,48,128,256,512}.png >/dev/null
for svg in tray/*.svg; do
  name=$(basename "$svg" .svg)
  for size in 16 22 24 32 48 64; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "tray/png/$name-$size.png"
  done
done
echo "Rendered $(ls png | wc -l) app PNGs, backupdesk.ico, backupdesk.icns and $(ls tray/png | wc -l) tray PNGs."
