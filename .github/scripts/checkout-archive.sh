#!/bin/sh
# Puts the archive branch (the record: archive/ only, committed by the fetch) into its own
# worktree beside the code checked out from main. On a fork's first run the branch does not
# exist yet: the worktree then starts an empty branch of that name, which the first push creates.
# Usage: checkout-archive.sh BRANCH DIR
set -eu
branch="$1"
dir="$2"
if git ls-remote --exit-code --heads origin "$branch" >/dev/null 2>&1; then
  git fetch --quiet --no-tags origin "+refs/heads/$branch:refs/remotes/origin/$branch"
  git worktree add --quiet -B "$branch" "$dir" "origin/$branch"
  echo "archive branch $branch at $(git -C "$dir" rev-parse --short HEAD) in $dir"
else
  git worktree add --quiet --detach "$dir"
  git -C "$dir" checkout --quiet --orphan "$branch"
  git -C "$dir" rm -r -f -q --ignore-unmatch .
  echo "no branch $branch on origin yet: $dir starts an empty archive, and the first push creates the branch"
fi
