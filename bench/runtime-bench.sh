#!/usr/bin/env bash
# Sentences/s of the model runtime on a generated Llama-shaped checkpoint, batch 1 vs batch 8 in one run.
# Usage: [BENCH_JAVA_OPTS=...] bench/runtime-bench.sh [hidden=256] [layers=4] [sentences=64] [repeats=3]
# e.g. BENCH_JAVA_OPTS=-Dai.djl.pytorch.num_threads=1 to run PyTorch on one CPU thread.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -Dstyle.color=never -pl mexa-core test-compile
mvn -B -o -q -Dstyle.color=never -pl mexa-core dependency:build-classpath -Dmdep.outputFile="$PWD/mexa-core/target/bench-classpath.txt"
java ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch \
  -cp "mexa-core/target/test-classes:mexa-core/target/classes:$(cat mexa-core/target/bench-classpath.txt)" \
  dev.mexa.core.runtime.RuntimeBench "$@" 2>&1 | grep -v '^SLF4J'
