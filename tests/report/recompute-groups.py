#!/usr/bin/env python3
"""Recomputes the grouped batch report from `leitmotif export`, independently
of the C code, and compares it with the report's CSV files.

  recompute-groups.py CHECK EXPORT_DIR REPORT_DIR GROUP_BY

EXPORT_DIR holds documents.csv, motif_counts.csv, metadata.csv,
genre_mentions.csv and categories.csv (`leitmotif export --table T`).
GROUP_BY is a metadata column, "folder", or "" for no grouping.  CHECK is
one of: groups (essays, failed and words per voice), motifs (hits, words,
pooled rate, essays using a motif and their share, per-essay quartiles,
Gries' DP), genres (genre stances counted in essays), tests (chi-square of
independence), top (the essays with the highest rates), evidence (their
evidence lines against the essays, in the folder $ESSAYS), keywords (the
distinctive words' G2 and log ratio from their counts).  Prints how many
values agreed, or every disagreement and exits 1.
"""
import csv
import math
import sys
from collections import defaultdict

check, exp, rep, group_by = sys.argv[1:5]
NO_VALUE, TOP_LEVEL = "(no value)", "(top level)"
TOP, TOP_MIN_WORDS = 10, 100


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def text(cell):
    """A text cell as leitmotif writes it: formula cells carry a leading '."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


docs = rows(f"{exp}/documents.csv")
meta = defaultdict(dict)
for r in rows(f"{exp}/metadata.csv"):
    meta[r["document_id"]][r["key"].casefold()] = text(r["value"])
motifs = [text(r["id"]) for r in rows(f"{exp}/categories.csv") if r["kind"] == "motif"]


def group_of(d):
    if not group_by:
        return "all"
    if group_by == "folder":
        parts = text(d["path"]).split("/")
        return parts[1] if len(parts) >= 3 else TOP_LEVEL
    v = meta[d["id"]].get(group_by.casefold(), "")
    return v if v else NO_VALUE


group = {d["id"]: group_of(d) for d in docs}
ok_docs = [d for d in docs if d["status"] == "ok"]
hits = defaultdict(int)
for r in rows(f"{exp}/motif_counts.csv"):
    if r["voice"] == "critic":
        hits[(r["document_id"], r["category"])] = int(r["hits"])
names = sorted(set(group.values()), key=lambda s: s.encode())
bad, n = [], 0


def same(what, got, want, tol=0.0):
    global n
    n += 1
    if want is None or (isinstance(want, float) and math.isnan(want)):
        if got != "":
            bad.append(f"{what}: got {got!r}, expected an empty cell")
        return
    if tol:
        if got == "" or abs(float(got) - want) > tol:
            bad.append(f"{what}: got {got!r}, expected {want:.6f}")
    elif str(got) != str(want):
        bad.append(f"{what}: got {got!r}, expected {want!r}")


def quantile(xs, p):
    """Hyndman & Fan type 7, written out again here."""
    if not xs:
        return None
    xs = sorted(xs)
    h = (len(xs) - 1) * p
    lo = math.floor(h)
    return xs[-1] if lo >= len(xs) - 1 else xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])


def chi2_sf(x, df):
    """Upper tail of chi-square, closed forms for integer df."""
    if df % 2 == 0:
        term, s = 1.0, 1.0
        for k in range(1, df // 2):
            term *= (x / 2) / k
            s += term
        return math.exp(-x / 2) * s
    s, term = 0.0, math.sqrt(x)
    for k in range(1, (df - 1) // 2 + 1):
        s += term
        term *= x / (2 * k + 1)
    return math.erfc(math.sqrt(x / 2)) + math.sqrt(2 / math.pi) * math.exp(-x / 2) * s


def words(d):
    return int(d["words_critic"])


if check == "groups":
    got = {text(r["group"]): r for r in rows(f"{rep}/batch-groups.csv")}
    same("number of groups", len(got), len(names))
    for g in names:
        members = [d for d in docs if group[d["id"]] == g]
        ok = [d for d in members if d["status"] == "ok"]
        r = got.get(g, {})
        same(f"{g}: essays", r.get("essays"), str(len(ok)))
        same(f"{g}: failed", r.get("failed"), str(len(members) - len(ok)))
        for v in ("critic", "quotation", "comment", "all", "boilerplate"):
            same(f"{g}: words_{v}", r.get(f"words_{v}"), str(sum(int(d[f"words_{v}"]) for d in ok)))

elif check == "motifs":
    got = {(text(r["group"]), r["category"]): r for r in rows(f"{rep}/batch-group-motifs.csv")}
    same("rows", len(got), len(names) * len(motifs))
    for g in names:
        ok = [d for d in ok_docs if group[d["id"]] == g]
        for m in motifs:
            r = got.get((g, m), {})
            h = [hits[(d["id"], m)] for d in ok]
            w = sum(words(d) for d in ok)
            rates = [1000 * hits[(d["id"], m)] / words(d) for d in ok if words(d) > 0]
            same(f"{g}/{m}: hits", r.get("hits"), str(sum(h)))
            same(f"{g}/{m}: words", r.get("words"), str(w))
            same(f"{g}/{m}: per_1000", r.get("per_1000"), 1000 * sum(h) / w if w else None, 0.0006)
            same(f"{g}/{m}: essays_using", r.get("essays_using"), str(sum(1 for x in h if x)))
            same(f"{g}/{m}: share_using", r.get("share_using"),
                 sum(1 for x in h if x) / len(ok) if ok else None, 0.00006)
            for col, p in (("q1", 0.25), ("median", 0.5), ("q3", 0.75)):
                same(f"{g}/{m}: {col}", r.get(col), quantile(rates, p), 0.0006)
            rated = [d for d in ok if words(d) > 0]
            S, V = sum(words(d) for d in rated), sum(hits[(d["id"], m)] for d in rated)
            dp = (0.5 * sum(abs(hits[(d["id"], m)] / V - words(d) / S) for d in rated)
                  if S and V else None)
            same(f"{g}/{m}: dp", r.get("dp"), dp, 0.00006)

elif check == "genres":
    seen = set()
    for r in rows(f"{exp}/genre_mentions.csv"):
        if r["voice"] == "critic":
            seen.add((r["document_id"], r["genre"], r["stance"]))
    status = {d["id"]: d["status"] for d in docs}
    count = defaultdict(int)
    pairs = set()
    for doc, genre, stance in seen:
        if status[doc] == "ok":
            count[(genre, stance, group[doc])] += 1
            pairs.add((genre, stance))
    got = rows(f"{rep}/batch-group-genres.csv")
    same("rows (every genre and stance seen, for every group)", len(got), len(pairs) * len(names))
    for r in got:
        key = (r["genre"], r["stance"], text(r["group"]))
        same(f"{key}: essays_with", r["essays_with"], str(count[key]))

elif check == "tests":
    size = {g: sum(1 for d in ok_docs if group[d["id"]] == g) for g in names}
    table = defaultdict(dict)
    for r in rows(f"{rep}/batch-group-genres.csv"):
        table[(r["genre"], r["stance"])][text(r["group"])] = int(r["essays_with"])
    total_essays = sum(size.values())
    for r in rows(f"{rep}/batch-genre-tests.csv"):
        with_ = table[(r["genre"], r["stance"])]
        # Groups too small for the test: n * min(p, 1 - p) < 5, p the
        # batch's share of essays with the stance.
        p = sum(with_.values()) / total_essays
        big = [g for g in names if size[g] > 0 and size[g] * min(p, 1 - p) >= 5]
        same(f"{r['genre']}/{r['stance']}: groups left out", r["groups_left_out"],
             str(sum(1 for g in names if size[g] > 0) - len(big)))
        cells = [(with_.get(g, 0), size[g] - with_.get(g, 0)) for g in big]
        total = sum(a + b for a, b in cells)
        cols = [sum(c[j] for c in cells) for j in (0, 1)]
        what = f"{r['genre']}/{r['stance']}"
        if len(cells) < 2 or 0 in cols:
            same(f"{what}: chi2 (untestable)", r["chi2"], None)
            continue
        x2, low = 0.0, math.inf
        for c in cells:
            for j in (0, 1):
                e = sum(c) * cols[j] / total
                x2 += (c[j] - e) ** 2 / e
                low = min(low, e)
        df = len(cells) - 1
        same(f"{what}: chi2", r["chi2"], x2, 0.0006)
        same(f"{what}: df", r["df"], str(df))
        same(f"{what}: p", r["p"], chi2_sf(x2, df), 0.000002)
        same(f"{what}: min_expected", r["min_expected"], low, 0.006)

elif check == "top":
    got = defaultdict(list)
    for r in rows(f"{rep}/batch-top-essays.csv"):
        got[r["category"]].append(r)
    for m in motifs:
        cand = [d for d in ok_docs if hits[(d["id"], m)] > 0 and words(d) >= TOP_MIN_WORDS]
        cand.sort(key=lambda d: (-hits[(d["id"], m)] / words(d), -hits[(d["id"], m)],
                                 text(d["path"]).encode()))
        want = [text(d["path"]) for d in cand[:TOP]]
        same(f"{m}: the top essays", [text(r["document"]) for r in got[m]], want)
        for r, d in zip(got[m], cand):
            same(f"{m}: {text(r['document'])} per_1000", r["per_1000"],
                 1000 * hits[(d["id"], m)] / words(d), 0.0006)

elif check == "evidence":
    # The first min(3, hits) hits of each top essay, each found on its line
    # of the essay (ESSAYS: the folder the batch was given).
    import os
    root = os.environ["ESSAYS"]
    top = rows(f"{rep}/batch-top-essays.csv")
    ev = defaultdict(list)
    for r in rows(f"{rep}/batch-top-evidence.csv"):
        ev[(r["category"], r["rank"])].append(r)
    for t in top:
        lines = ev[(t["category"], t["rank"])]
        same(f"{t['category']}/{t['rank']}: evidence lines", len(lines), min(3, int(t["hits"])))
        path = os.path.join(root, text(t["document"]).split("/", 1)[1])
        with open(path, encoding="utf-8") as f:
            file_lines = f.read().split("\n")
        for e in lines:
            same(f"{t['category']}/{t['rank']}: document", text(e["document"]), text(t["document"]))
            line = " ".join(file_lines[int(e["line"]) - 1].split())
            n += 1
            if text(e["match"]) not in line:
                bad.append(f"{path}:{e['line']}: {e['match']!r} not on that line")

elif check == "keywords":
    # Each distinctive stem: G2 and log ratio again from its four counts
    # (Dunning; Hardie), the thresholds, and the group's words.
    def g2(a, b, c, d):
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        v = 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))
        return v if a / c > b / d else -v
    words_of = {text(r["group"]): int(r["words_critic"]) for r in rows(f"{rep}/batch-groups.csv")}
    got = rows(f"{rep}/batch-group-keywords.csv")
    same("some distinctive words", len(got) > 0, True)
    for r in got:
        a, c, b, d = (int(r[x]) for x in ("hits", "words", "ref_hits", "ref_words"))
        what = f"{text(r['group'])}/{r['stem']}"
        same(f"{what}: words of the group", c, words_of[text(r["group"])])
        same(f"{what}: g2", r["g2"], g2(a, b, c, d), 0.0006)
        same(f"{what}: log ratio", r["log_ratio"], math.log2((a / c) / (max(b, 0.5) / d)), 0.0006)
        same(f"{what}: at least 3, G2 >= 10.83, LR >= 1",
             a >= 3 and float(r["g2"]) >= 10.83 and float(r["log_ratio"]) >= 1, True)

else:
    sys.exit(f"unknown check {check}")

if bad:
    print("\n".join(bad[:20]))
    print(f"{len(bad)} of {n} values differ")
    sys.exit(1)
print(f"{n} values agree")
