#!/bin/sh
# Installs Debian's Chromium for the browser tests (test/e2e), and a CJK font (test/e2e/glyphs draws Chinese
# in the terminal, as the lessons do; without one Chromium draws empty boxes), unless they are already there.
set -eu
if [ -x /usr/bin/chromium ] && fc-list :lang=zh | grep -q .; then
  echo "chromium already installed: /usr/bin/chromium"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk
/usr/bin/chromium --version
