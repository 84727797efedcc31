#!/usr/bin/env bash
# Regenerates the bundled corpus from a FLORES-200 checkout: the first 100 lines of every devtest file, byte for
# byte, plus the index (devtest.properties: sentences per file, languages) that mexa-core checks them against.
#   mexa-flores200/update-corpus.sh [FLORES200_DIR]   (default: ../shared/data/flores200 beside the project root)
set -euo pipefail
export LC_ALL=C
module="$(cd "$(dirname "$0")" && pwd)"
source_dir="${1:-$module/../../shared/data/flores200}"
lines=100
target="$module/src/main/resources/dev/mexa/flores200"

if [ ! -d "$source_dir/devtest" ]; then
  echo "No devtest directory in $source_dir: pass the FLORES-200 directory (the one holding devtest/)." >&2
  exit 1
fi
count=$(find "$source_dir/devtest" -maxdepth 1 -name '*.devtest' | wc -l)
if [ "$count" -ne 204 ]; then
  echo "$source_dir/devtest holds $count .devtest files, not FLORES-200's 204." >&2
  exit 1
fi

rm -rf "$target/devtest"
mkdir -p "$target/devtest"
languages=()
for file in "$source_dir"/devtest/*.devtest; do
  name="$(basename "$file")"
  head -n "$lines" "$file" > "$target/devtest/$name"
  if [ "$(wc -l < "$target/devtest/$name")" -ne "$lines" ]; then
    echo "$file has fewer than $lines lines." >&2
    exit 1
  fi
  languages+=("${name%.devtest}")
done
{
  echo "# What devtest/ holds: the first lines of each FLORES-200 devtest file (written by update-corpus.sh)"
  echo "sentences=$lines"
  echo "languages=$(IFS=,; echo "${languages[*]}")"
} > "$target/devtest.properties"
echo "Wrote $count files of $lines lines to $target/devtest and their index $target/devtest.properties"
