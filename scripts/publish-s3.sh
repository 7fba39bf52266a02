#!/bin/sh
# Publishes a built site folder to S3-compatible object storage (AWS S3, Cloudflare R2, Backblaze
# B2, MinIO, ...) with rclone, for a site past what one GitHub Pages site holds (1 GB): uploads only
# the files whose bytes changed (compared by MD5 checksum, so a fresh CI checkout re-uploads
# nothing that is already there), deletes what the site no longer has, and gives every file its
# Content-Type. The site folder's own marker (.stet-site.json) is not published.
#
# Usage: publish-s3.sh SITE_DIR REMOTE:BUCKET[/PREFIX]
#
# The remote is configured through rclone's environment, e.g. for a remote named "stet":
#   RCLONE_CONFIG_STET_TYPE=s3
#   RCLONE_CONFIG_STET_PROVIDER=AWS | Cloudflare | Other   (Backblaze B2: Other)
#   RCLONE_CONFIG_STET_ENDPOINT=https://<account>.r2.cloudflarestorage.com   (not for AWS)
#   RCLONE_CONFIG_STET_REGION=us-east-1 (AWS) | auto (R2) | us-west-004 (B2)
#   RCLONE_CONFIG_STET_ACCESS_KEY_ID=...  RCLONE_CONFIG_STET_SECRET_ACCESS_KEY=...
set -eu
site="$1"
target="$2"
flags="--checksum --fast-list --stats 0 --verbose"
# Atom feeds first, with their type set: rclone takes types from the file extension through the
# system's tables, and .atom is not in every one of them.
# shellcheck disable=SC2086
rclone sync "$site" "$target" $flags --include "*.atom" \
  --header-upload "Content-Type: application/atom+xml; charset=utf-8"
# Everything else, typed by extension: .html, .css, .js, .json, .xml get their usual types, and
# Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pagefind) application/octet-stream,
# which is what Pagefind expects. The feeds are excluded here, so this pass leaves them alone.
# shellcheck disable=SC2086
rclone sync "$site" "$target" $flags --exclude "*.atom" --exclude "/.stet-site.json"
