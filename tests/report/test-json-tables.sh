#!/usr/bin/env bash
# report.json carries every value of every CSV file (src/report/table.h):
# for the committed reports/ and examples/wilde/reports/, each CSV file's
# header and rows equal report.json's "tables" member of that name (numbers
# as numbers, empty cells as null, text without the CSV's formula guard).
# Python 3 is there wherever meson is.  Usage: test-json-tables.sh SRCDIR
set -uo pipefail
cd "$1" && . tests/tap.sh
for dir in reports examples/wilde/reports; do
  out=$(python3 - "$dir" <<'PY' 2>&1
import csv, json, os, sys
d = sys.argv[1]
doc = json.load(open(os.path.join(d, "report.json"), encoding="utf-8"))
assert doc["schema_version"] == 4, "schema_version %r" % doc["schema_version"]
tables = doc["tables"]
csvs = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".csv"))
assert sorted(tables) == csvs, "tables %s, CSV files %s" % (sorted(tables), csvs)
for name in csvs:
    rows = list(csv.reader(open(os.path.join(d, name + ".csv"), encoding="utf-8", newline="")))
    t = tables[name]
    assert rows[0] == t["columns"], "%s: header %s vs %s" % (name, rows[0], t["columns"])
    assert len(rows) - 1 == len(t["rows"]), "%s: %d rows vs %d" % (name, len(rows) - 1, len(t["rows"]))
    for n, (r, j) in enumerate(zip(rows[1:], t["rows"]), 2):
        assert len(r) == len(j), "%s:%d: %d cells vs %d" % (name, n, len(r), len(j))
        for c, v in zip(r, j):
            if v is None:
                assert c == "", "%s:%d: %r is null in JSON" % (name, n, c)
            elif isinstance(v, str):
                assert c == v or (c == "'" + v and v[:1] in "=+-@\t\r"), "%s:%d: %r vs %r" % (name, n, c, v)
            else:
                assert float(c) == v, "%s:%d: %r vs %r" % (name, n, c, v)
    print("%s: %d rows" % (name, len(t["rows"])))
PY
)
  if [ $? -eq 0 ]; then ok "$dir/report.json holds every CSV file ($(tr '\n' ' ' <<<"$out"))"
  else not_ok "$dir/report.json holds every CSV file" "$out"; fi
done
tap_done
