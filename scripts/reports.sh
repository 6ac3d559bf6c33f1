#!/usr/bin/env bash
# Builds leitmotif (installing what it needs) and writes the reports for
# texts/ into reports/, and those of the Wilde example project into
# examples/wilde/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh build
./build/src/leitmotif analyze
(cd examples/wilde && ../../build/src/leitmotif analyze)
