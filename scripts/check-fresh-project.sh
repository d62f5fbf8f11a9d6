#!/usr/bin/env bash
# A fresh user project, importing only polycodec-bom from a staged release (docs/releasing.md), compiles
# and runs every example of docs/guide.md (examples' GuideTest). Run after the staging deploy:
#   scripts/check-fresh-project.sh [target/staging-deploy]
# It resolves into a private local repository under target/ (never ~/.m2). POLYCODEC_SEED_REPO=<a local
# repository> serves third-party artifacts from there instead of downloading them again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
staging="$(cd "${1:-$root/target/staging-deploy}" && pwd)"
work="$root/target/fresh-project"
rm -rf "$work" && mkdir -p "$work/src/test/java/io/polycodec/examples/guide"
cp "$root/scripts/fresh-project/pom.xml" "$work/pom.xml"
cp "$root/examples/src/test/java/io/polycodec/examples/guide/GuideTest.java" "$work/src/test/java/io/polycodec/examples/guide/"
settings=()
if [ -n "${POLYCODEC_SEED_REPO:-}" ]; then
  cat > "$work/settings.xml" <<XML
<settings><mirrors><mirror><id>seed</id><mirrorOf>central</mirrorOf><url>file://$POLYCODEC_SEED_REPO</url></mirror></mirrors></settings>
XML
  settings=(-s "$work/settings.xml")
fi
"$root/mvnw" -B -ntp -f "$work/pom.xml" "${settings[@]}" -Dmaven.repo.local="$work/repo" \
  -Dstaging.url="file://$staging" test
