#!/usr/bin/env bash
# Before/after, side by side: runs the same harness from two benchmark jars alternately, so both
# see the same machine load. The "before" jar is built from the commit that added the benchmarks
# with the engine as it was (a791138):
#   git worktree add /tmp/horizon-before a791138 && (cd /tmp/horizon-before && \
#     ./mvnw -q -pl benchmarks -am package -DskipTests && cp benchmarks/target/benchmarks.jar /tmp/bench-before.jar)
#   benchmarks/compare.sh /tmp/bench-before.jar benchmarks/target/benchmarks.jar [results-dir]
set -euo pipefail
BEFORE=$1
AFTER=$2
OUT=${3:-benchmarks/results}
mkdir -p "$OUT"
for run in 1 2 3; do
  for which in before after; do
    jar=$BEFORE; [ "$which" = after ] && jar=$AFTER
    echo "== $(date -u +%H:%M:%S) $which run $run (load: $(cut -d' ' -f1-3 /proc/loadavg))" >> "$OUT/compare-progress.txt"
    java -Xms2g -Xmx2g -cp "$jar" dev.horizon.benchmarks.CycleHarness --models stub --warmup 1500 --measure 300 \
      2>&1 | grep -v INFO | tail -1 | sed "s/^/$which: /" >> "$OUT/compare-cycle.txt"
    java -Xms512m -Xmx512m -cp "$jar" dev.horizon.benchmarks.BacktestHarness --models stub --bars 3000 --every 3000 \
      2>&1 | grep -v INFO | tail -1 | sed "s/^/$which: /" >> "$OUT/compare-backtest.txt"
  done
done
