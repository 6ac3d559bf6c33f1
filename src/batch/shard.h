/* shard.h - which of N shards a document belongs to.
 *
 * `leitmotif batch --shard K/N` analyzes only the documents of shard K.  A
 * document's shard depends on its key alone (walk.h: the path below the
 * root it was found under, prefixed by the root's base name), never on the
 * order of the walk, the order of the roots or the machine, so N batches
 * over the same input with K = 1..N analyze every document exactly once.
 *
 * The rule (the README repeats it): the 64-bit FNV-1a hash of the key's
 * bytes (UTF-8, without the terminating NUL; offset basis
 * 0xcbf29ce484222325, prime 0x100000001b3), modulo N, plus one.
 *
 * Thread safety: pure functions, safe from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest N accepted (Slurm's own limit on array size is far lower). */
#define LM_SHARD_MAX 1000000

/* Returns: the 64-bit FNV-1a hash of @key's bytes. */
guint64 lm_shard_hash (const char *key);

/* Returns: the shard of @key among @n (1..@n); @n must be at least 1. */
guint lm_shard_of (const char *key, guint n);

/**
 * lm_shard_parse:
 * @spec: "K/N", decimal, 1 <= K <= N <= LM_SHARD_MAX
 * @k: (out): the shard, 1-based
 * @n: (out): the number of shards
 *
 * Returns: %FALSE with an LM_ERROR_USAGE error naming @spec if it is
 * malformed or out of range.
 */
gboolean lm_shard_parse (const char *spec, guint *k, guint *n, GError **error);

G_END_DECLS
