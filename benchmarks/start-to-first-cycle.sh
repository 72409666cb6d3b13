#!/usr/bin/env bash
# Start to first cycle of `horizon run` (the demo config), as a user sees it: from launching the
# JVM to the progress line of cycle 1 on stdout. Each run starts a fresh JVM in a fresh directory.
#   ./mvnw -q -pl bootstrap -am package -DskipTests
#   benchmarks/start-to-first-cycle.sh [runs]
set -euo pipefail
RUNS=${1:-5}
JAR=$(cd "$(dirname "$0")/.." && pwd)/bootstrap/target/horizon.jar
[[ -f "$JAR" ]] || { echo "start-to-first-cycle: $JAR is missing; build it with ./mvnw -q -pl bootstrap -am package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in $(seq 1 "$RUNS"); do
  mkdir "$work/$run"
  start=$(date +%s%N)
  first=""
  while IFS= read -r line; do
    if [[ -z "$first" && "$line" == "cycle 1 "* ]]; then
      first=$(( ($(date +%s%N) - start) / 1000000 ))
    fi
  done < <(cd "$work/$run" && java -jar "$JAR" run --max-bars 1 2>/dev/null)
  echo "run $run: ${first:?no cycle line} ms to the first cycle (load $(cut -d' ' -f1 /proc/loadavg))"
done
