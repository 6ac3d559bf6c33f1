/* fuzz.h - what every fuzz target shares.
 *
 * Each fuzz/fuzz-<name>.c defines LLVMFuzzerTestOneInput().  Built with
 * -Dfuzzing=true (clang, -fsanitize=fuzzer) libFuzzer drives it; otherwise
 * fuzz/replay-main.c supplies main(), which replays the files and folders it
 * is given (the seed corpus, a crash file), so that the targets build with
 * any compiler and run as meson tests (suite "fuzz").
 *
 * A target must never abort on its input: every input is user input.  A
 * target may call lm_fuzz_fail() for a broken invariant (a finding).
 *
 * LM_FUZZ_SRCDIR (set by meson) names the source tree, where targets that
 * need the real lexicon and stop list find them.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Reports a broken invariant and aborts, so that the fuzzer keeps the input. */
G_NORETURN void lm_fuzz_fail (const char *what);
