#!/usr/bin/env bash
# Formats the whole repository with Biome once (biome.jsonc), then checks that lint, format and
# the typecheck pass. Run it when no other branch is open against main (formatting touches most
# files). With --commit it commits the result and lists the commit in .git-blame-ignore-revs, so
# `git blame` (with blame.ignoreRevsFile, set here) looks past the reformatting.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/bootstrap.mjs
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "format-all: commit or stash your changes first (the formatting should be a commit of its own)" >&2
  exit 1
fi
npx biome format --write .
changed=$(git diff --name-only | wc -l)
echo "format-all: $changed file(s) reformatted"
npx biome check --error-on-warnings .
npx tsc --noEmit -p .
if [ "${1:-}" = "--commit" ] && [ "$changed" -gt 0 ]; then
  git commit -qam "Format the whole repository with Biome (scripts/format-all.sh; no change of behaviour)"
  git rev-parse HEAD >> .git-blame-ignore-revs
  git add .git-blame-ignore-revs
  git commit -qm "git blame ignores the repository-wide formatting commit"
  git config blame.ignoreRevsFile .git-blame-ignore-revs
  echo "format-all: committed $(git rev-parse --short HEAD~1); listed in .git-blame-ignore-revs"
fi
