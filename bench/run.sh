#!/usr/bin/env bash
# The mexa-java benchmark of issue 11: generates a medium Llama-shaped checkpoint, a 2-layer 8B-shaped BF16 one and an
# 8-language corpus (the shared FLORES-200 files when ../shared is present), measures the float32 matmul rate and the
# runs of docs/performance.md, and prints a table and a final SUMMARY line. 8 to 13 minutes on 2 idle cores.
# Usage: bench/run.sh [--work DIR] [--shared DIR] [--languages N (8, at most 12)] [--medium-layers N (16)]
#                     [--big-layers N (2)] [--threads N (cores)] [--skip-memory]
# Larger runs: e.g. bench/run.sh --languages 12 --big-layers 4
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -Dstyle.color=never -pl mexa-core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/mexa-core/target/bench-classpath.txt" >/dev/null
exec java -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch \
  -cp "mexa-core/target/test-classes:mexa-core/target/classes:$(cat mexa-core/target/bench-classpath.txt)" \
  dev.mexa.core.bench.Bench "$@"
