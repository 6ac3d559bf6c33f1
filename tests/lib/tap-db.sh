# tap-db.sh - shared by the shell tests of batch databases (tests/batch,
# tests/shard, tests/slurm); source it from the source tree's root.  TAP lines numbered in $n; $failed turns 1 on the
# first failure, for the exit status.
. tests/tap.sh
q () { sqlite3 -batch -noheader "$1" "$2"; }
# Every table of a database keyed by document path, not id: what a
# researcher reads out of it.  Two databases with the same content have the
# same documents, counts, genre mentions, metadata, categories and meta.
content () {
  q "$1" "SELECT path, content_sha256, size, status, error, words_critic, words_quotation, words_comment,
                 words_all, words_boilerplate, replacements FROM documents ORDER BY path"
  q "$1" "SELECT d.path, m.voice, m.category, m.hits FROM motif_counts m
          JOIN documents d ON d.id = m.document_id ORDER BY 1, 2, 3"
  q "$1" "SELECT d.path, g.seq, g.genre, g.voice, g.stance, g.source, g.cue, g.line, g.evidence
          FROM genre_mentions g JOIN documents d ON d.id = g.document_id ORDER BY 1, 2"
  q "$1" "SELECT d.path, x.key, x.value FROM metadata x JOIN documents d ON d.id = x.document_id ORDER BY 1, 2"
  q "$1" "SELECT * FROM categories ORDER BY id"
  q "$1" "SELECT * FROM meta ORDER BY key"
}
