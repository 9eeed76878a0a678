#!/usr/bin/env bash
# Debian packages the advisor uses for real, installed only when missing:
#   tesseract-ocr  OCR of scanned PDF pages (without it such pages are reported, not read)
#   chromium       browser tests through Playwright          (--test)
#   postgresql     a throwaway cluster for the shared-deployment tests (--test)
#   fonts-dejavu-core  the Unicode font the tests' generated PDFs are set in (--test)
# Without root (and without passwordless sudo) it prints what to install and carries on.
set -uo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
  echo "note: install these Debian packages for OCR/tests: ${need[*]} (apt-get install ${need[*]})" >&2
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || { echo "note: no apt-get; install ${need[*]} with your package manager" >&2; exit 0; }
"${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null \
  || echo "warning: could not install ${need[*]}; OCR or the tests that need them will fail" >&2
exit 0
