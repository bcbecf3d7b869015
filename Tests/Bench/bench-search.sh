#!/bin/sh
# Search on a benchmark corpus: dossier's own index (its files, and what the first query downloads, in
# headless Chromium from file://; needs `make browser-deps`) against
# Pagefind (index size, file count, indexing time). Pagefind goes into a git-ignored venv, .venv-bench/.
# Usage: Tests/Bench/bench-search.sh .bench/corpus-10000   (after `make bench` has built its site/)
set -eu
CORPUS=${1:-.bench/corpus-10000}
SITE=$CORPUS/site
[ -f "$SITE/search-index.js" ] || { echo "no $SITE/search-index.js: run 'make bench' first"; exit 1; }
OUT=.bench/search-report.md

{
  echo "## dossier's index ($CORPUS)"
  echo
  .venv/bin/python Tests/Bench/search-first-query.py "$SITE"
} | tee "$OUT"

PAGEFIND=".venv-bench/bin/python -m pagefind"
if ! $PAGEFIND --version > /dev/null 2>&1; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install --quiet 'pagefind[bin]'
fi
rm -rf .bench/pagefind-out
TIME=/usr/bin/time
[ -x $TIME ] || TIME=
start=$(date +%s.%N)
${TIME:+$TIME -f "%e s wall, %M KB peak RSS" -o .bench/pagefind-time.txt} \
  $PAGEFIND --site "$SITE" --output-path .bench/pagefind-out > .bench/pagefind.log 2>&1
end=$(date +%s.%N)
{
  echo
  echo "## Pagefind $($PAGEFIND --version 2>/dev/null | tr -d '\n')"
  echo
  echo "indexing: $(echo "$end - $start" | bc) s ($(cat .bench/pagefind-time.txt 2>/dev/null || echo 'no /usr/bin/time'))"
  echo "files: $(find .bench/pagefind-out -type f | wc -l), total $(du -sb .bench/pagefind-out | cut -f1) bytes ($(du -sh --apparent-size .bench/pagefind-out | cut -f1))"
  echo "fragments: $(find .bench/pagefind-out/fragment -type f | wc -l) files, $(du -sb .bench/pagefind-out/fragment | cut -f1) bytes; index chunks: $(find .bench/pagefind-out/index -type f | wc -l) files, $(du -sb .bench/pagefind-out/index | cut -f1) bytes"
  echo "first query downloads at least pagefind.js + wasm.en.pagefind + the .pf_meta + pagefind-entry.json: $(du -cb .bench/pagefind-out/pagefind.js .bench/pagefind-out/wasm.en.pagefind .bench/pagefind-out/pagefind.*.pf_meta .bench/pagefind-out/pagefind-entry.json | tail -1 | cut -f1) bytes, then one index chunk (average $(( $(du -sb .bench/pagefind-out/index | cut -f1) / $(find .bench/pagefind-out/index -type f | wc -l) )) bytes) per word and one fragment (average $(( $(du -sb .bench/pagefind-out/fragment | cut -f1) / $(find .bench/pagefind-out/fragment -type f | wc -l) )) bytes) per result shown"
  grep -iE "indexed|pages|words|took|finished" .bench/pagefind.log | head -8
} | tee -a "$OUT"
echo "(written to $OUT)"
