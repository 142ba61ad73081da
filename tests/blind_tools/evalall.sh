#!/bin/bash
# usage: evalall.sh OUTDIR [SETDIR ...]
# Scores the blind fixture sets b7-b62, the real corpus of ../shared and any extra set folders with the
# gedragscode on PATH, two at a time; prints one line per set with its misses and the documents with > 3.
here=$(cd "$(dirname "$0")" && pwd)
fix=$here/../fixtures/blind
shared=${SHARED:-$here/../../../shared}
out=$1; shift
mkdir -p "$out"
sets=()
for n in $(seq 7 62); do sets+=("$fix/b$n"); done
sets+=("$shared/corpus/real" "$@")
printf '%s\n' "${sets[@]}" | xargs -P 2 -I{} bash -c \
  'd={}; n=$(basename "$d"); python3 "'"$shared"'/tools/eval_lint.py" "$d" --details > "'"$out"'/$n.txt" 2>&1'
for d in "${sets[@]}"; do
  n=$(basename "$d")
  misses=$(grep -cE '^  (FP|FN) ' "$out/$n.txt")
  over=$(grep -E '^  (FP|FN) ' "$out/$n.txt" | awk '{print $2}' | sort | uniq -c | awk '$1>3' | wc -l)
  printf '%-8s %s  misses=%s docs>3=%s\n' "$n" "$(tail -n1 "$out/$n.txt" | cut -c1-40)" "$misses" "$over"
done
