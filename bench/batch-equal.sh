#!/usr/bin/env bash
# batch-equal.sh - two leitmotif binaries write the same batch database.
#
#   bash bench/batch-equal.sh OLD NEW [WORKDIR]
#
# For a change that must not change what `batch` stores (the writer, the
# pool): makes 1,000 essays (bench/make-essays.sh) plus an invalid, an empty
# and a .png file, then with each binary, --jobs 1: a first run, a re-run
# after two files changed, one was added and the invalid one fixed, a run with
# --metadata on two files, and a --force run with metadata into a second
# database.  The `sqlite3 .dump` of each database (ids included) must be the
# same byte for byte.  Exit 0 and "identical" if so.  Run it from the
# repository root (default lexicon).  WORKDIR (default: a temporary folder)
# is emptied first.
set -eu
old=${1:?usage: batch-equal.sh OLD NEW [WORKDIR]}
new=${2:?usage: batch-equal.sh OLD NEW [WORKDIR]}
w=${3:-$(mktemp -d)}
rm -rf "$w" && mkdir -p "$w"
bash bench/make-essays.sh 1000 "$w/e" >/dev/null
printf 'ignored' > "$w/e/x.png"; printf 'Hope \xff here.\n' > "$w/e/bad.txt"; : > "$w/e/empty.txt"
cp -r "$w/e" "$w/e0"
for b in old new; do
  rm -rf "$w/e"; cp -r "$w/e0" "$w/e"
  bin=${!b}
  "$bin" batch --quiet --jobs 1 --db "$w/$b.db" "$w/e" || true
  echo "One more line about hope." >> "$w/e/003/essay-00300.txt"
  echo "More." >> "$w/e/000/essay-00000.txt"
  cp "$w/e/000/essay-00001.txt" "$w/e/000/new.txt"
  printf 'Hope is fine.\n' > "$w/e/bad.txt"
  "$bin" batch --quiet --jobs 1 --db "$w/$b.db" "$w/e" || true
  printf 'file,critic\nessay-00002.txt,Ann\n' > "$w/meta.csv"
  "$bin" batch --quiet --jobs 1 --metadata "$w/meta.csv" --db "$w/$b.db" "$w/e/000/essay-00002.txt" "$w/e/000/essay-00003.txt" || true
  "$bin" batch --quiet --force --jobs 1 --metadata "$w/meta.csv" --db "$w/$b-force.db" "$w/e/000" || true
  sqlite3 "$w/$b.db" .dump > "$w/$b.sql"; sqlite3 "$w/$b-force.db" .dump > "$w/$b-force.sql"
done
cmp "$w/old.sql" "$w/new.sql" && cmp "$w/old-force.sql" "$w/new-force.sql" && echo "identical: $(wc -l < "$w/new.sql") + $(wc -l < "$w/new-force.sql") lines of .dump"
