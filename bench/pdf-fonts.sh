#!/usr/bin/env bash
# PDF rendering with the fonts the application bundles (Noto Sans without its GSUB table, decision 0035) side by side
# with the same fonts as Debian's fonts-noto-core ships them (with GSUB), in one JVM, renders interleaved. Prints the
# time per render of each and the ratio reference / bundled.
# Usage: bench/pdf-fonts.sh   env: ROUNDS=20 REFERENCE_FONTS=/usr/share/fonts/truetype/noto
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-20}
REFERENCE_FONTS=${REFERENCE_FONTS:-/usr/share/fonts/truetype/noto}
if [ ! -f "$REFERENCE_FONTS/NotoSans-Regular.ttf" ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core >/dev/null
  else echo "bench: needs the reference fonts (apt-get install fonts-noto-core) or REFERENCE_FONTS" >&2; exit 1; fi
fi
./mvnw -B -q test-compile -Dspotless.check.skip=true
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"
java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" vn.ocop.shared.pdf.PdfFontBench \
  src/main/resources/fonts "$REFERENCE_FONTS" "$ROUNDS" 2>&1 | grep -v "^com.openhtmltopdf"
