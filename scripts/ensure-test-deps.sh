#!/bin/sh
# Installs the Debian packages the test suite drives for real (headless chromium for the
# reader-facing checks, jing for Atom schema validation, rclone for publishing to S3-compatible
# storage) when they are missing.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v jing >/dev/null 2>&1 || missing="$missing jing"
command -v rclone >/dev/null 2>&1 || missing="$missing rclone"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing test dependencies:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "the tests need these Debian packages:$missing" >&2
  echo "install them with: sudo apt-get install -y$missing" >&2
  exit 1
fi
