#!/bin/sh
# Regenerates the demo's model run, bootstrap/src/main/resources/dev/horizon/demo/run/, from the
# bundled Bitstamp trades: the Java feature export over the first four days (the engine's own
# feature library), then train.py. Run from anywhere; needs Java 17 and Debian's python3-onnx,
# python3-sklearn and python3-numpy (see tools/models/README.md). Deterministic: the same inputs
# give the same bytes. Set MVN (default ./mvnw) to e.g. "mvn -o" to build offline.
set -eu
cd "$(dirname "$0")/../.."
WORK="${TMPDIR:-/tmp}/horizon-demo-training"
RUN=bootstrap/src/main/resources/dev/horizon/demo/run
mkdir -p "$WORK"

${MVN:-./mvnw} -q -pl bootstrap -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt"
java -cp "bootstrap/target/classes:$(cat "$WORK/classpath.txt")" \
    dev.horizon.bootstrap.training.TrainingSetExport "$WORK/features.csv"
/usr/bin/python3 tools/models/train.py --csv "$WORK/features.csv" --out "$RUN" \
    --embargo 60 --trees 50 --tree-depth 3 \
    --sequence-length 32 --sequence-normalization log_returns
du -sh "$RUN"
