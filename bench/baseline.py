#!/usr/bin/env python3
"""The Python baseline of `leitmotif count`: the same job done the way a
scholar would write it with PyStemmer (Debian python3-stemmer).

For every file: read it (UTF-8, strict), NFKC-normalise and case-fold the
text, map U+2019 to U+0027, split it into sentences (after '.', '!', '?' and
at blank lines), split sentences into words with a regular expression, stem
every word with Snowball English (Porter2) through a dict cache, flag stop
words, then match every lexicon term: single words by stem / exact form /
prefix, phrases element by element with their "~N" gaps, inside a sentence.
Exclusions drop the hits of their category that they overlap; within one
category overlapping hits count once (longest first).

It approximates leitmotif's token rules (see src/core/tokenizer.h): a word is
a run of letters and digits (Python's [^\\W_]) with at least one non-numeric
character, an apostrophe joins two letters; everything else separates.  The
counts are close to leitmotif's, not identical: the point is to do the same
amount of work.

    python3 bench/baseline.py [--lexicon FILE] [--stopwords FILE] FILE...

Prints "tokens N", "stopwords N", then "category hits" lines.
"""

import argparse
import configparser
import os
import re
import unicodedata

import Stemmer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# A word: letters/digits, with apostrophes kept between two letters.
WORD = re.compile(r"[^\W_]+(?:(?<=[^\W\d_])'(?=[^\W\d_])[^\W_]+)*")
# Sentence boundaries: sentence-final punctuation or a blank line.
SENTENCE = re.compile(r"[.!?]|\n[^\S\n]*\n")
# A gap element of a phrase: "~N".
GAP = re.compile(r"~(\d+)$")


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold().replace("\u2019", "'")


def words_of(text):
    return [w for w in WORD.findall(text) if not w.isnumeric()]


def load_stopwords(path):
    stop = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("|", 1)[0].strip()
            if line:
                stop.update(fold(w) for w in line.split())
    return stop


class Lexicon:
    """Categories, atoms (stem / exact / prefix words) and patterns."""

    def __init__(self, path, stemmer):
        cp = configparser.ConfigParser(
            interpolation=None, delimiters=("=",), comment_prefixes=("#",),
            inline_comment_prefixes=None, strict=True, empty_lines_in_values=False)
        cp.optionxform = str
        with open(path, encoding="utf-8") as f:
            cp.read_file(f)
        self.categories = []  # ids
        self.patterns = []  # (category, exclusion, [atom ids], [gaps])
        self.atoms = {}  # (kind, text) -> atom id
        self.by_stem, self.by_exact, self.prefixes = {}, {}, []
        self.stemmer = stemmer
        for group in cp.sections():
            kind, _, cid = group.partition(" ")
            if kind not in ("motif", "character", "genre") or not cid:
                raise SystemExit(f"{path}: bad group [{group}]")
            c = len(self.categories)
            self.categories.append(cid)
            for key, exclusion in (("terms", False), ("exclude", True)):
                for term in cp[group].get(key, "").split(";"):
                    if term.strip():
                        self.patterns.append((c, exclusion) + self.compile(term))
        # patterns by their first atom: the phrase index a scholar would build
        self.starting = {}
        for i, p in enumerate(self.patterns):
            self.starting.setdefault(p[2][0], []).append(i)

    def atom(self, kind, text):
        key = (kind, text)
        if key not in self.atoms:
            a = self.atoms[key] = len(self.atoms)
            if kind == "stem":
                self.by_stem.setdefault(text, []).append(a)
            elif kind == "exact":
                self.by_exact.setdefault(text, []).append(a)
            else:
                self.prefixes.append((text, a))
        return self.atoms[key]

    def compile(self, term):
        atoms, gaps = [], []
        for part in term.split():
            m = GAP.match(part)
            if m:
                gaps[-1] = int(m.group(1))
                continue
            kind = "stem"
            if part.startswith("="):
                kind, part = "exact", part[1:]
            elif part.endswith("*"):
                kind, part = "prefix", part[:-1]
            ws = words_of(fold(part))
            for i, w in enumerate(ws):
                k = "exact" if kind == "prefix" and i + 1 < len(ws) else kind
                text = self.stemmer.stemWord(w) if k == "stem" else w
                atoms.append(self.atom(k, text))
                gaps.append(0)
        return atoms, gaps

    def atoms_of(self, folded, stem):
        found = tuple(self.by_stem.get(stem, ())) + tuple(self.by_exact.get(folded, ()))
        if self.prefixes:
            found = found + tuple(a for p, a in self.prefixes if folded.startswith(p))
        return found


def match_sentence(lex, sent_atoms, counts):
    """sent_atoms: per token, the atoms it matches.  Adds to counts."""
    hits = []  # (category, exclusion, first, last, pattern)
    n = len(sent_atoms)
    for i, atoms in enumerate(sent_atoms):
        for a in atoms:
            for pi in lex.starting.get(a, ()):
                c, excl, patoms, gaps = lex.patterns[pi]
                pos = i
                for k in range(1, len(patoms)):
                    want = patoms[k]
                    limit = min(n - 1, pos + 1 + gaps[k - 1])
                    for j in range(pos + 1, limit + 1):
                        if want in sent_atoms[j]:
                            pos = j
                            break
                    else:
                        break
                else:
                    hits.append((c, excl, i, pos, pi))
    if not hits:
        return
    excluded = {}
    for c, excl, first, last, _ in hits:
        if excl:
            excluded.setdefault(c, []).append((first, last))
    kept = [h for h in hits if not h[1]
            and not any(h[2] <= l and f <= h[3] for f, l in excluded.get(h[0], ()))]
    # longest first, then earliest, then first listed; overlaps count once
    kept.sort(key=lambda h: (h[0], -(h[3] - h[2]), h[2], h[4]))
    taken = {}
    for c, _, first, last, _ in kept:
        spans = taken.setdefault(c, [])
        if not any(first <= l and f <= last for f, l in spans):
            spans.append((first, last))
            counts[c] += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lexicon", default=os.path.join(ROOT, "lexicons/never-let-me-go.ini"))
    ap.add_argument("--stopwords", default=os.path.join(ROOT, "stopwords/english.txt"))
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    stemmer = Stemmer.Stemmer("english")
    stop = load_stopwords(args.stopwords)
    lex = Lexicon(args.lexicon, stemmer)
    counts = [0] * len(lex.categories)
    stems = {}  # folded word -> (stem, atoms)
    tokens = stopwords = 0

    for path in args.files:
        with open(path, encoding="utf-8", errors="strict") as f:
            text = fold(f.read())
        for sentence in SENTENCE.split(text):
            sent_atoms = []
            any_atoms = False
            for w in words_of(sentence):
                entry = stems.get(w)
                if entry is None:
                    s = stemmer.stemWord(w)
                    entry = stems[w] = (s, lex.atoms_of(w, s), w in stop)
                tokens += 1
                stopwords += entry[2]
                sent_atoms.append(entry[1])
                any_atoms = any_atoms or bool(entry[1])
            if any_atoms:
                match_sentence(lex, sent_atoms, counts)

    out = [f"tokens\t{tokens}", f"stopwords\t{stopwords}"]
    out += [f"{cid}\t{n}" for cid, n in zip(lex.categories, counts)]
    print("\n".join(out))


if __name__ == "__main__":
    main()
