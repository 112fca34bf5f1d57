#!/bin/sh
# Installs Debian's Chromium for the browser tests (test/e2e), unless it is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: /usr/bin/chromium"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version
