#!/usr/bin/env python3
"""Per-fork percentiles of JMH SampleTime results, and their median across forks.

JMH prints percentiles over all forks pooled; TARGETS.md asks for medians of side-by-side runs.
Usage: python3 benchmarks/percentiles.py result.json [result.json ...]
"""
import json
import statistics
import sys


def percentile(histogram, p):
    """The p-quantile (0..1) of [[value, count], ...], nearest rank."""
    pairs = sorted(histogram)
    total = sum(c for _, c in pairs)
    rank = max(1, int(-(-p * total // 1)))  # ceil(p * total)
    seen = 0
    for value, count in pairs:
        seen += count
        if seen >= rank:
            return value
    return pairs[-1][0]


for path in sys.argv[1:]:
    for result in json.load(open(path)):
        metric = result["primaryMetric"]
        params = ", ".join(f"{k}={v}" for k, v in sorted(result.get("params", {}).items()))
        unit = metric["scoreUnit"]
        print(f"{result['benchmark'].split('.')[-2]}.{result['benchmark'].split('.')[-1]} [{params}] ({unit})")
        if "rawDataHistogram" in metric:
            rows = []
            for fork, iterations in enumerate(metric["rawDataHistogram"]):
                merged = {}
                for iteration in iterations:
                    for value, count in iteration:
                        merged[value] = merged.get(value, 0) + count
                hist = list(merged.items())
                n = sum(merged.values())
                row = [percentile(hist, q) for q in (0.5, 0.9, 0.99, 0.999)]
                rows.append(row)
                print(f"  fork {fork + 1}: n={n} p50={row[0]:.3f} p90={row[1]:.3f} p99={row[2]:.3f} p99.9={row[3]:.3f}")
            med = [statistics.median(col) for col in zip(*rows)]
            print(f"  median of forks: p50={med[0]:.3f} p90={med[1]:.3f} p99={med[2]:.3f} p99.9={med[3]:.3f}")
        else:
            scores = [v for fork in metric["rawData"] for v in fork]
            print(f"  runs: {', '.join(f'{s:.3f}' for s in scores)}; median {statistics.median(scores):.3f}")
