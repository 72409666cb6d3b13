#!/usr/bin/python3
"""Writes a synthetic training CSV in the layout of the Java feature export, to test train.py.

    /usr/bin/python3 tools/models/make_synthetic_training_csv.py --out /tmp/train.csv

Columns: symbol,timestamp,<the 29 feature names>,close,ret_5m,ret_10m,ret_15m,ret_30m,ret_60m,
will_peak_5m,will_valley_5m -- one row per symbol and 1-minute bar. Prices are random walks with
a little planted predictability (short-term mean reversion) so the trained models have something
to find. The features follow PIPELINE.md section 1.2 closely enough for a fixture; the real
numbers come from the Java feature library, never from this script.
"""

import argparse
import csv

import numpy as np

FEATURES = [
    "ret_1d", "ret_5d", "ret_10d", "ret_20d", "ret_60d",
    "vol_5d", "vol_10d", "vol_20d", "vol_60d",
    "rsi_7", "rsi_14", "rsi_21",
    "ma_ratio_10", "ma_ratio_20", "ma_ratio_50",
    "bb_position", "bb_width", "macd", "macd_signal", "macd_hist",
    "mom_5d", "mom_10d", "mom_20d", "atr_14", "high_low_range",
    "volume_ma_ratio", "volume_change", "close_to_high_52w", "close_to_low_52w",
]
HORIZONS = [5, 10, 15, 30, 60]
BARRIER = 0.002  # a 20 bps move within 5 bars counts as a peak / valley


def ema(x, span):
    alpha = 2.0 / (span + 1)
    out = np.empty_like(x)
    out[0] = x[0]
    for i in range(1, len(x)):
        out[i] = alpha * x[i] + (1 - alpha) * out[i - 1]
    return out


def rolling(x, n, fn):
    out = np.full(len(x), np.nan)
    for i in range(n - 1, len(x)):
        out[i] = fn(x[i - n + 1:i + 1])
    return out


def series(rng, bars):
    returns = np.empty(bars)
    prev = 0.0
    for i in range(bars):
        prev = -0.15 * prev + rng.normal(0, 0.001)  # mean-reverting one-bar returns
        returns[i] = prev
    close = 100 * np.exp(np.cumsum(returns))
    high = close * (1 + np.abs(rng.normal(0, 0.0007, bars)))
    low = close * (1 - np.abs(rng.normal(0, 0.0007, bars)))
    volume = rng.lognormal(8, 0.3, bars)
    return close, high, low, volume


def features(close, high, low, volume):
    f = {}
    simple = np.concatenate([[np.nan], close[1:] / close[:-1] - 1])
    for n in (1, 5, 10, 20, 60):
        f["ret_%dd" % n] = np.concatenate([np.full(n, np.nan), close[n:] / close[:-n] - 1])
    for n in (5, 10, 20, 60):
        f["vol_%dd" % n] = rolling(simple, n, lambda w: np.std(w, ddof=1))
    d = np.concatenate([[0.0], np.diff(close)])
    for n in (7, 14, 21):
        gains = rolling(np.maximum(d, 0), n, np.mean)
        losses = rolling(np.maximum(-d, 0), n, np.mean)
        with np.errstate(divide="ignore", invalid="ignore"):
            rsi = 100 - 100 / (1 + gains / losses)
        rsi[losses == 0] = np.where(gains[losses == 0] > 0, 100.0, 50.0)
        f["rsi_%d" % n] = rsi
    for n in (10, 20, 50):
        f["ma_ratio_%d" % n] = close / rolling(close, n, np.mean) - 1
    m = rolling(close, 20, np.mean)
    s = rolling(close, 20, lambda w: np.std(w, ddof=1))
    f["bb_position"] = np.where(s > 0, (close - (m - 2 * s)) / (4 * s), 0.5)
    f["bb_width"] = 4 * s / m
    macd = ema(close, 12) - ema(close, 26)
    signal = ema(macd, 9)
    f["macd"], f["macd_signal"], f["macd_hist"] = macd, signal, macd - signal
    for n in (5, 10, 20):
        f["mom_%dd" % n] = np.concatenate([np.full(n, np.nan), close[n:] - close[:-n]])
    prev = np.concatenate([[np.nan], close[:-1]])
    tr = np.nanmax(np.vstack([high - low, np.abs(high - prev), np.abs(low - prev)]), axis=0)
    f["atr_14"] = rolling(tr, 14, np.mean)
    f["high_low_range"] = (high - low) / close
    f["volume_ma_ratio"] = volume / rolling(volume, 20, np.mean)
    f["volume_change"] = np.concatenate([[np.nan], volume[1:] / volume[:-1] - 1])
    hi = np.array([close[max(0, i - 251):i + 1].max() for i in range(len(close))])
    lo = np.array([close[max(0, i - 251):i + 1].min() for i in range(len(close))])
    enough = np.arange(len(close)) >= 19
    f["close_to_high_52w"] = np.where(enough, close / hi, np.nan)
    f["close_to_low_52w"] = np.where(enough, close / lo, np.nan)
    return f


def targets(close, high, low):
    t = {}
    n = len(close)
    for h in HORIZONS:
        t["ret_%dm" % h] = np.concatenate([close[h:] / close[:-h] - 1, np.full(h, np.nan)])
    peak = np.full(n, np.nan)
    valley = np.full(n, np.nan)
    for i in range(n - 5):
        peak[i] = float(high[i + 1:i + 6].max() / close[i] - 1 > BARRIER)
        valley[i] = float(low[i + 1:i + 6].min() / close[i] - 1 < -BARRIER)
    t["will_peak_5m"], t["will_valley_5m"] = peak, valley
    return t


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--symbols", type=int, default=6)
    parser.add_argument("--bars", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    start = np.datetime64("2024-01-02T14:30:00")
    with open(args.out, "w", newline="") as out:
        writer = csv.writer(out)
        target_names = ["ret_%dm" % h for h in HORIZONS] + ["will_peak_5m", "will_valley_5m"]
        writer.writerow(["symbol", "timestamp"] + FEATURES + ["close"] + target_names)
        for s in range(args.symbols):
            close, high, low, volume = series(rng, args.bars)
            f = features(close, high, low, volume)
            t = targets(close, high, low)
            for i in range(args.bars):
                stamp = str(start + np.timedelta64(i, "m")) + "Z"
                row = ["SYM%d" % s, stamp] + ["%.10g" % f[name][i] for name in FEATURES]
                row += ["%.10g" % close[i]] + ["%.10g" % t[name][i] for name in target_names]
                writer.writerow(row)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
