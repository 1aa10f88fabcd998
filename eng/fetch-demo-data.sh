#!/usr/bin/env bash
# Fetches the public data the replay and the loop demo use, from where its authors publish it, into .slm/demo-data
# (git-ignored; the samples read it when ../shared/data is absent):
#   banking77/  BANKING77 (Casanueva et al., 2020; CC BY 4.0), PolyAI-LDN/task-specific-datasets, banking_data/
#   bfcl/       Berkeley Function Calling Leaderboard v4 (Apache-2.0), ShishirPatil/gorilla,
#               berkeley-function-call-leaderboard/bfcl_eval/data/ (questions and possible_answer/)
# Usage: eng/fetch-demo-data.sh [--into DIR] [--mirror BASE]
#   --mirror BASE  fetch from BASE/<owner>/<repository>/<path> instead (a local copy as file:///…, or an internal mirror)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
into="$root/.slm/demo-data"
base="https://raw.githubusercontent.com"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --into) into="$2"; shift 2 ;;
    --mirror) base="${2%/}"; shift 2 ;;
    *) echo "usage: $0 [--into DIR] [--mirror BASE]" >&2; exit 2 ;;
  esac
done

banking77="$base/PolyAI-LDN/task-specific-datasets/master"
bfcl="$base/ShishirPatil/gorilla/main"
bfcl_data="$bfcl/berkeley-function-call-leaderboard/bfcl_eval/data"
bfcl_sets=(simple_python multiple parallel parallel_multiple live_simple irrelevance)

# Each file goes to a temporary name first, so an interrupted run leaves no half file that looks complete.
fetch() {
  local url="$1" target="$2"
  mkdir -p "$(dirname "$target")"
  if ! curl -fsSL --retry 3 -o "$target.part" "$url"; then
    rm -f "$target.part"
    echo "could not fetch $url" >&2
    exit 1
  fi
  mv "$target.part" "$target"
}

fetch "$banking77/banking_data/train.csv" "$into/banking77/train.csv"
fetch "$banking77/banking_data/test.csv" "$into/banking77/test.csv"
fetch "$banking77/banking_data/categories.json" "$into/banking77/categories.json"
fetch "$banking77/LICENSE" "$into/banking77/LICENSE"
for set in "${bfcl_sets[@]}"; do
  fetch "$bfcl_data/BFCL_v4_$set.json" "$into/bfcl/BFCL_v4_$set.json"
  # Irrelevance questions have no right call, so upstream publishes no answers for them.
  if [[ "$set" != irrelevance ]]; then
    fetch "$bfcl_data/possible_answer/BFCL_v4_$set.json" "$into/bfcl/possible_answer/BFCL_v4_$set.json"
  fi
done
fetch "$bfcl/LICENSE" "$into/bfcl/LICENSE"

# What the samples rely on: BANKING77's header and 77 intents, one JSON question per BFCL line.
head -1 "$into/banking77/train.csv" | grep -q '^text,category' || { echo "banking77/train.csv: unexpected header" >&2; exit 1; }
python3 -c 'import json,sys; n=len(json.load(open(sys.argv[1]))); sys.exit(0 if n == 77 else f"banking77: {n} intents, not 77")' "$into/banking77/categories.json"
for set in "${bfcl_sets[@]}"; do
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1]) if l.strip()]' "$into/bfcl/BFCL_v4_$set.json" \
    || { echo "bfcl/BFCL_v4_$set.json: not one JSON question per line" >&2; exit 1; }
done
echo "Demo data in $into ($(du -sh "$into" | cut -f1))."
