#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md, one after the other (never two at once: 2 cores).
#   ./mvnw -q -pl benchmarks,bootstrap -am package -DskipTests
#   benchmarks/run-all.sh [results-dir]
set -euo pipefail
OUT=${1:-benchmarks/results}
JAR=${JAR:-benchmarks/target/benchmarks.jar}
mkdir -p "$OUT"
log() { echo "== $(date -u +%H:%M:%S) $* (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/progress.txt"; }

log "JMH cycle, in-memory state: stub and ONNX models, 3 forks"
java -jar "$JAR" CycleBenchmark -p models=STUB,ONNX -p store=MEMORY -rf json -rff "$OUT/cycle.json" > "$OUT/cycle.txt" 2>&1
python3 benchmarks/percentiles.py "$OUT/cycle.json" > "$OUT/cycle-percentiles.txt"

log "JMH backtest: stub, 26 ONNX, bundled 13 ONNX, 3 forks each, -Xmx512m"
java -jar "$JAR" BacktestBenchmark -rf json -rff "$OUT/backtest.json" > "$OUT/backtest.txt" 2>&1
python3 benchmarks/percentiles.py "$OUT/backtest.json" > "$OUT/backtest-runs.txt"

for models in stub onnx; do
  for run in 1 2 3; do
    log "cycle harness $models run $run"
    java -Xms2g -Xmx2g -cp "$JAR" dev.horizon.benchmarks.CycleHarness --models $models --warmup 1500 --measure 3000 \
      2>&1 | grep -v INFO | tail -1 >> "$OUT/cycle-harness-$models.txt"
  done
done

log "heap watch: backtests at -Xmx512m, then the exact live set (a full GC every 2,000 cycles)"
for models in stub onnx bundled; do
  java -Xms512m -Xmx512m -cp "$JAR" dev.horizon.benchmarks.BacktestHarness --models $models --every 2000 \
    2>&1 | grep -v INFO > "$OUT/heap-$models.txt"
  java -Xms512m -Xmx512m -cp "$JAR" dev.horizon.benchmarks.BacktestHarness --models $models --every 2000 --live true \
    2>&1 | grep -v INFO > "$OUT/live-$models.txt"
done

log "cycle profiles"
for models in stub onnx; do
  java -Xms2g -Xmx2g -cp "$JAR" dev.horizon.benchmarks.CycleProfile --models $models --warmup 1500 --measure 3000 \
    2>&1 | grep -v INFO > "$OUT/profile-$models.txt"
done
java -Xms512m -Xmx512m -cp "$JAR" dev.horizon.benchmarks.BacktestHarness --models stub --every 20000 --profile true \
  2>&1 | grep -v INFO > "$OUT/profile-backtest-stub.txt"

log "SQLite-backed cycles: bundled models (no 1d: steady after 75 cycles), and one save at the reference steady state"
java -Xms2g -Xmx2g -cp "$JAR" dev.horizon.benchmarks.CycleHarness --models bundled --store sqlite --warmup 100 --measure 200 \
  2>&1 | grep -v INFO | tail -1 >> "$OUT/cycle-sqlite.txt"
java -Xms3g -Xmx3g -cp "$JAR" dev.horizon.benchmarks.SqliteSaveHarness --models stub --warmup 1500 --saves 3 \
  2>&1 | grep -v INFO | tail -1 >> "$OUT/cycle-sqlite.txt"

log "start to first cycle, 5 fresh JVMs"
for run in 1 2 3 4 5; do
  s=$(date +%s%3N)
  java -cp "$JAR" dev.horizon.benchmarks.StartToFirstCycle 2>&1 | grep -v INFO > "$OUT/start.tmp"
  e=$(grep -o 'epoch ms [0-9]*' "$OUT/start.tmp" | awk '{print $3}')
  { cat "$OUT/start.tmp"; echo "outside stopwatch: $((e - s)) ms"; echo; } >> "$OUT/start-to-first-cycle.txt"
done
rm -f "$OUT/start.tmp"

log "start to first cycle of horizon run (demo config), 5 fresh JVMs"
benchmarks/start-to-first-cycle.sh 5 >> "$OUT/start-to-first-cycle.txt"
log "done"
