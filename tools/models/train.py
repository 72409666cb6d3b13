#!/usr/bin/python3
"""Trains the Horizon models from a feature-export CSV and writes a run directory of ONNX models.

    /usr/bin/python3 tools/models/train.py --csv features.csv --out runs/demo

Input: the CSV of the Java feature export (dev.horizon.bootstrap.training.TrainingSetExport), columns
    symbol,timestamp,<feature names...>,open,high,low,close,volume,ret_5m,ret_10m,ret_15m,ret_30m,
    ret_60m,will_peak_5m,will_valley_5m
(the feature columns are everything between timestamp and the first raw bar column; of open, high,
low and volume any may be absent, close is required; empty, nan and NaN are missing).
Rows with a missing feature or target are dropped per target. The split is by time: the first
(1 - validation_fraction) of the distinct timestamps train, the rest validate, so no bar of the
validation period leaks into training; --embargo drops the last timestamps of the training part
as well, so no training target's horizon reaches into the validation period.

Output (PIPELINE.md section 1.1), per model:
    <out>/targets/<target>/models/view=CROSS_SECTIONAL/family=<Family>/
        model.onnx        graph built with onnx.helper (IR 8, opset 17, ai.onnx.ml 3)
        model_meta.json   target, family, feature_list, kind, interval_minutes, metrics (validation
                          IC = Spearman on the validation split), model_checksum (SHA-256)
        parity.csv        recorded validation rows: the float32 inputs the engine would feed and
                          the training library's prediction for them (column 'expected')

Models: for each ret_<h> target a Ridge (standard scaler folded into MatMul/Add) and a small
GradientBoostingRegressor (TreeEnsembleRegressor); for each barrier target a LogisticRegression
(MatMul/Add/Sigmoid, [n, 1] positive-class probability); and one raw_sequence model for ret_5m, a
1-D convolution over the last T bars of the raw columns the CSV carries (open, high, low, close,
volume), normalised against the window's first bar exactly as the engine's SequenceWindow does
(PIPELINE.md section 1.3, 'returns' or 'log_returns'), fitted by least squares.

Only numpy, scikit-learn and onnx are used (Debian: python3-numpy python3-sklearn python3-onnx).
"""

import argparse
import csv
import hashlib
import json
import math
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

IR_VERSION = 8
OPSET = [helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", 3)]
RAW_COLUMNS = ["open", "high", "low", "close", "volume"]
PRICE_COLUMNS = ["open", "high", "low", "close"]
RETURN_TARGETS = ["ret_5m", "ret_10m", "ret_15m", "ret_30m", "ret_60m"]
BARRIER_TARGETS = ["will_peak_5m", "will_valley_5m"]
INPUT, OUTPUT = "features", "prediction"


def fail(message):
    sys.exit("train.py: " + message)


# ---- data -------------------------------------------------------------------------------------

class Dataset:
    """The CSV as arrays: symbols, time order, features (float64), raw bar columns and targets."""

    def __init__(self, path):
        with open(path, newline="") as f:
            reader = csv.reader(f)
            try:
                header = next(reader)
            except StopIteration:
                fail("%s is empty" % path)
            rows = list(reader)
        if header[:2] != ["symbol", "timestamp"]:
            fail("%s: the first columns must be symbol,timestamp, found %s" % (path, ",".join(header[:2])))
        if "close" not in header:
            fail("%s: missing column 'close'" % path)
        raw_at = min(header.index(c) for c in RAW_COLUMNS if c in header)
        self.features = header[2:raw_at]
        if not self.features:
            fail("%s: no feature columns between timestamp and %s" % (path, header[raw_at]))
        self.targets = [name for name in RETURN_TARGETS + BARRIER_TARGETS if name in header]
        if not self.targets:
            fail("%s: none of the target columns %s" % (path, ", ".join(RETURN_TARGETS + BARRIER_TARGETS)))
        if not rows:
            fail("%s has a header but no rows" % path)
        self.symbol = np.array([r[0] for r in rows])
        stamps = [r[1] for r in rows]
        self.time_rank = time_ranks(stamps)
        numeric = np.array([[parse_number(v) for v in r[2:]] for r in rows], dtype=np.float64)
        names = header[2:]
        self.X = numeric[:, :len(self.features)]
        self.raw = {c: numeric[:, names.index(c)] for c in RAW_COLUMNS if c in names}
        self.close = self.raw["close"]
        self.y = {t: numeric[:, names.index(t)] for t in self.targets}

    def split(self, validation_fraction, embargo=0):
        """Boolean masks (train, validation) cutting the distinct timestamps in time order; the
        last `embargo` timestamps before the cut belong to neither."""
        distinct = np.unique(self.time_rank)
        at = int(math.floor(len(distinct) * (1 - validation_fraction)))
        cut = distinct[at]
        train_end = distinct[max(at - embargo, 0)]
        return self.time_rank < train_end, self.time_rank >= cut


def parse_number(text):
    text = text.strip()
    if text == "" or text.lower() == "nan":
        return math.nan
    return float(text)


def time_ranks(stamps):
    """Orders timestamps: numerically when they are numbers (epoch), else as ISO-8601 text."""
    try:
        keys = np.array([float(s) for s in stamps])
    except ValueError:
        keys = np.array(stamps)
    _, inverse = np.unique(keys, return_inverse=True)
    return inverse


def spearman(a, b):
    """Spearman rank correlation with average ranks for ties; constant input gives 0."""
    ra, rb = average_ranks(a), average_ranks(b)
    sa, sb = ra.std(), rb.std()
    if len(a) < 2 or sa == 0 or sb == 0:
        return 0.0
    return float(((ra - ra.mean()) * (rb - rb.mean())).mean() / (sa * sb))


def average_ranks(x):
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    sorted_x = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1
        i = j + 1
    return ranks


def float32(x):
    """What the engine feeds: the inputs rounded to float32 (then widened back for sklearn)."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


# ---- ONNX graphs ------------------------------------------------------------------------------

def finish(nodes, inputs, outputs, initializers, name):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializers)
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="horizon-train",
                              producer_version="1")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model)
    return model


def folded_linear(scaler, coef, intercept):
    """Folds the standard scaler into the weights: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w·μ/σ)."""
    w = np.asarray(coef, dtype=np.float64).ravel() / scaler.scale_
    b = float(np.ravel(intercept)[0]) - float(np.sum(np.asarray(coef).ravel() * scaler.mean_ / scaler.scale_))
    return w, b


def linear_graph(w, b, width, sigmoid, name):
    inits = [helper.make_tensor("W", TensorProto.FLOAT, [width, 1], w.astype(np.float32).tolist()),
             helper.make_tensor("B", TensorProto.FLOAT, [1], [np.float32(b)])]
    nodes = [helper.make_node("MatMul", [INPUT, "W"], ["xw"])]
    if sigmoid:
        nodes += [helper.make_node("Add", ["xw", "B"], ["logit"]),
                  helper.make_node("Sigmoid", ["logit"], [OUTPUT])]
    else:
        nodes.append(helper.make_node("Add", ["xw", "B"], [OUTPUT]))
    return finish(nodes, [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, [None, width])],
                  [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, [None, 1])], inits, name)


def float32_at_or_below(t):
    """The largest float32 <= t. For float32 x, x <= t exactly when x <= this value, which keeps
    sklearn's float32-vs-float64 split decisions in a float32 graph."""
    t32 = np.float32(t)
    if float(t32) > t:
        t32 = np.nextafter(t32, np.float32(-np.inf), dtype=np.float32)
    return float(t32)


def tree_ensemble_attributes(gbr):
    """TreeEnsembleRegressor attributes for a fitted GradientBoostingRegressor (squared error):
    prediction = init constant + learning_rate · Σ tree leaf values."""
    a = {k: [] for k in ("nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values",
                         "nodes_modes", "nodes_truenodeids", "nodes_falsenodeids",
                         "target_treeids", "target_nodeids", "target_ids", "target_weights")}
    for tree_id, estimator in enumerate(gbr.estimators_[:, 0]):
        tree = estimator.tree_
        for node in range(tree.node_count):
            left, right = int(tree.children_left[node]), int(tree.children_right[node])
            a["nodes_treeids"].append(tree_id)
            a["nodes_nodeids"].append(node)
            if left == -1:  # a leaf
                a["nodes_featureids"].append(0)
                a["nodes_values"].append(0.0)
                a["nodes_modes"].append("LEAF")
                a["nodes_truenodeids"].append(0)
                a["nodes_falsenodeids"].append(0)
                a["target_treeids"].append(tree_id)
                a["target_nodeids"].append(node)
                a["target_ids"].append(0)
                a["target_weights"].append(float(gbr.learning_rate * tree.value[node, 0, 0]))
            else:
                a["nodes_featureids"].append(int(tree.feature[node]))
                a["nodes_values"].append(float32_at_or_below(tree.threshold[node]))
                a["nodes_modes"].append("BRANCH_LEQ")
                a["nodes_truenodeids"].append(left)
                a["nodes_falsenodeids"].append(right)
    a["base_values"] = [gbr_init(gbr)]
    return a


def gbr_init(gbr):
    init = gbr.init_
    if not hasattr(init, "constant_"):
        fail("GradientBoostingRegressor must use the default (mean) init")
    return float(np.ravel(init.constant_)[0])


def eval_tree_attributes(a, X32):
    """Evaluates the TreeEnsembleRegressor attributes in numpy (float32 comparisons), to prove
    the conversion before the graph is written."""
    nodes = {}
    for i, (t, n) in enumerate(zip(a["nodes_treeids"], a["nodes_nodeids"])):
        nodes[(t, n)] = i
    leaf_weight = {(t, n): w for t, n, w in zip(a["target_treeids"], a["target_nodeids"], a["target_weights"])}
    trees = sorted(set(a["nodes_treeids"]))
    out = np.full(len(X32), a["base_values"][0])
    x = X32.astype(np.float32)
    for r in range(len(x)):
        for t in trees:
            n = 0
            while a["nodes_modes"][nodes[(t, n)]] != "LEAF":
                i = nodes[(t, n)]
                go_true = x[r, a["nodes_featureids"][i]] <= np.float32(a["nodes_values"][i])
                n = a["nodes_truenodeids"][i] if go_true else a["nodes_falsenodeids"][i]
            out[r] += leaf_weight[(t, n)]
    return out


def tree_graph(a, width, name):
    node = helper.make_node("TreeEnsembleRegressor", [INPUT], [OUTPUT], domain="ai.onnx.ml",
                            n_targets=1, aggregate_function="SUM", post_transform="NONE", **a)
    return finish([node], [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, [None, width])],
                  [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, [None, 1])], [], name)


def conv_graph(kernel, bias, length, name):
    """[n, T, C] -> [n, C, T] -> Conv (1 filter, kernel [C, K]) -> mean over the T - K + 1 positions."""
    channels, k = kernel.shape
    inits = [helper.make_tensor("K", TensorProto.FLOAT, [1, channels, k], np.float32(kernel).ravel().tolist()),
             helper.make_tensor("KB", TensorProto.FLOAT, [1], [np.float32(bias)])]
    nodes = [helper.make_node("Transpose", ["window"], ["nct"], perm=[0, 2, 1]),
             helper.make_node("Conv", ["nct", "K", "KB"], ["conv"], kernel_shape=[k]),
             helper.make_node("ReduceMean", ["conv"], [OUTPUT], axes=[2], keepdims=0)]
    return finish(nodes, [helper.make_tensor_value_info("window", TensorProto.FLOAT, [None, length, channels])],
                  [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, [None, 1])], inits, name)


# ---- sequence windows -------------------------------------------------------------------------

def sequence_windows(data, length, channels, normalization):
    """Per row, the last `length` bars of its symbol (this row's bar last) as a [T, C] window of
    `channels`, normalised against the window's first bar as the engine's SequenceWindow does
    (PIPELINE.md section 1.3): 'returns' gives p / C0 - 1 for every price channel (C0 = the first
    bar's close) and V / V0 - 1 for volume, 'log_returns' ln(p / C0) and ln(V / V0); a volume
    channel whose normalisation is undefined (V0 = 0, or any V = 0 for log_returns) is all 0.
    Rows with fewer earlier bars, or a non-finite value, get NaN. Assumes one row per bar, as the
    feature export writes them. Returns [rows, T, C]."""
    windows = np.full((len(data.close), length, len(channels)), np.nan)
    for symbol in np.unique(data.symbol):
        rows = np.where(data.symbol == symbol)[0]
        rows = rows[np.argsort(data.time_rank[rows], kind="mergesort")]
        raw = np.stack([data.raw[c][rows] for c in channels], axis=1)
        close = data.raw["close"][rows]
        with np.errstate(divide="ignore", invalid="ignore"):
            for i in range(length - 1, len(rows)):
                window = raw[i - length + 1:i + 1].copy()
                for c, name in enumerate(channels):
                    price = name in PRICE_COLUMNS
                    anchor = close[i - length + 1] if price else window[0, c]
                    column = window[:, c]
                    if normalization == "returns":
                        window[:, c] = 0.0 if (not price and anchor == 0) else column / anchor - 1
                    else:
                        undefined = not price and (anchor == 0 or np.any(column == 0))
                        window[:, c] = 0.0 if undefined else np.log(column / anchor)
                if np.all(np.isfinite(window.astype(np.float32))):
                    windows[rows[i]] = window
    return windows


def conv_features(windows, k):
    """Mean over positions of each (channel, kernel tap) input, channel-major: the
    conv-then-mean model is linear in these."""
    positions = windows.shape[1] - k + 1
    return np.concatenate([np.stack([windows[:, j:j + positions, c].mean(axis=1) for j in range(k)], axis=1)
                           for c in range(windows.shape[2])], axis=1)


# ---- writing ----------------------------------------------------------------------------------

def write_model(out, target, family, model, meta, parity_names, parity_inputs, parity_expected):
    directory = os.path.join(out, "targets", target, "models", "view=CROSS_SECTIONAL", "family=" + family)
    os.makedirs(directory, exist_ok=True)
    data = model.SerializeToString()
    with open(os.path.join(directory, "model.onnx"), "wb") as f:
        f.write(data)
    full = {"target": target, "family": family}
    full.update(meta)
    full["model_checksum"] = hashlib.sha256(data).hexdigest()
    with open(os.path.join(directory, "model_meta.json"), "w") as f:
        json.dump(full, f, indent=2)
        f.write("\n")
    with open(os.path.join(directory, "parity.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(list(parity_names) + ["expected"])
        for x, y in zip(parity_inputs, parity_expected):
            # %.9g round-trips a float32; %.17g a float64.
            writer.writerow(["%.9g" % v for v in x] + ["%.17g" % y])
    print("  %-16s %-18s ic=%+.4f" % (target, family, meta["metrics"]["ic"]))


def parity_rows(X32, count):
    """Evenly spread validation rows, so the recorded inputs cover the range."""
    if len(X32) <= count:
        return np.arange(len(X32))
    return np.unique(np.linspace(0, len(X32) - 1, count).astype(int))


# ---- training ---------------------------------------------------------------------------------

def train(args):
    data = Dataset(args.csv)
    train_mask, valid_mask = data.split(args.validation_fraction, args.embargo)
    if not train_mask.any() or not valid_mask.any():
        fail("the time split left an empty train or validation set; add timestamps or change"
             " --validation-fraction")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    finite_x = np.all(np.isfinite(data.X), axis=1)
    width = len(data.features)
    common = {"feature_list": data.features, "interval_minutes": args.interval_minutes,
              "input_name": INPUT, "output_name": OUTPUT}
    print("training on %d rows (%d features), run directory %s" % (len(data.X), width, args.out))

    for target in [t for t in RETURN_TARGETS if t in data.y]:
        y = data.y[target]
        ok = finite_x & np.isfinite(y)
        tr, va = ok & train_mask, ok & valid_mask
        if tr.sum() < 50 or va.sum() < 10:
            print("  %-16s skipped: %d train / %d validation rows" % (target, tr.sum(), va.sum()))
            continue
        Xtr, ytr, Xva, yva = float32(data.X[tr]), y[tr], float32(data.X[va]), y[va]
        sizes = {"n_train": int(tr.sum()), "n_validation": int(va.sum())}

        scaler = StandardScaler().fit(Xtr)
        ridge = Ridge(alpha=args.ridge_alpha).fit(scaler.transform(Xtr), ytr)
        w, b = folded_linear(scaler, ridge.coef_, ridge.intercept_)
        predict = lambda X: ridge.predict(scaler.transform(X))  # noqa: E731
        check(np.abs(Xva @ w + b - predict(Xva)).max(), 1e-9, target + "/Ridge folding")
        rows = parity_rows(Xva, args.parity_rows)
        write_model(args.out, target, "Ridge", linear_graph(w, b, width, False, target + "_ridge"),
                    dict(common, kind="regression", metrics=dict(sizes, ic=spearman(predict(Xva), yva))),
                    data.features, Xva[rows], predict(Xva[rows]))

        gbr = GradientBoostingRegressor(n_estimators=args.trees, max_depth=args.tree_depth,
                                        learning_rate=args.learning_rate, random_state=args.seed).fit(Xtr, ytr)
        attributes = tree_ensemble_attributes(gbr)
        check(np.abs(eval_tree_attributes(attributes, Xva[rows]) - gbr.predict(Xva[rows])).max(), 1e-12,
              target + "/GradientBoosting conversion")
        write_model(args.out, target, "GradientBoosting", tree_graph(attributes, width, target + "_gbr"),
                    dict(common, kind="regression", metrics=dict(sizes, ic=spearman(gbr.predict(Xva), yva))),
                    data.features, Xva[rows], gbr.predict(Xva[rows]))

    for target in [t for t in BARRIER_TARGETS if t in data.y]:
        y = data.y[target]
        ok = finite_x & np.isfinite(y)
        tr, va = ok & train_mask, ok & valid_mask
        if len(np.unique(y[tr])) < 2 or va.sum() < 10:
            print("  %-16s skipped: needs both classes in training and 10 validation rows" % target)
            continue
        Xtr, ytr, Xva, yva = float32(data.X[tr]), y[tr].astype(int), float32(data.X[va]), y[va].astype(int)
        scaler = StandardScaler().fit(Xtr)
        logit = LogisticRegression(C=args.logistic_c, max_iter=2000).fit(scaler.transform(Xtr), ytr)
        if list(logit.classes_) != [0, 1]:
            fail("%s must hold 0/1 labels, found classes %s" % (target, list(logit.classes_)))
        w, b = folded_linear(scaler, logit.coef_, logit.intercept_)
        proba = lambda X: logit.predict_proba(scaler.transform(X))[:, 1]  # noqa: E731
        check(np.abs(1 / (1 + np.exp(-(Xva @ w + b))) - proba(Xva)).max(), 1e-9, target + "/Logistic folding")
        p = proba(Xva)
        metrics = {"n_train": int(tr.sum()), "n_validation": int(va.sum()), "ic": spearman(p, yva.astype(float))}
        if len(np.unique(yva)) == 2:
            metrics["auc"] = float(roc_auc_score(yva, p))
        rows = parity_rows(Xva, args.parity_rows)
        write_model(args.out, target, "Logistic", linear_graph(w, b, width, True, target + "_logistic"),
                    dict(common, kind="probability", metrics=metrics), data.features, Xva[rows], proba(Xva[rows]))

    if "ret_5m" in data.y and args.sequence_length > 0:
        train_sequence(args, data, train_mask, valid_mask)


def train_sequence(args, data, train_mask, valid_mask):
    target, length, k = "ret_5m", args.sequence_length, args.kernel
    channels = [c for c in RAW_COLUMNS if c in data.raw]
    windows = sequence_windows(data, length, channels, args.sequence_normalization)
    y = data.y[target]
    ok = np.all(np.isfinite(windows), axis=(1, 2)) & np.isfinite(y)
    tr, va = ok & train_mask, ok & valid_mask
    if tr.sum() < 50 or va.sum() < 10:
        print("  %-16s skipped Conv1d: too few complete windows" % target)
        return
    Wtr, Wva = float32(windows[tr]), float32(windows[va])
    F = conv_features(Wtr, k)
    width = F.shape[1]
    # Ridge-regularised least squares on [features, 1]; the intercept is not penalised.
    A = np.hstack([F, np.ones((len(F), 1))])
    penalty = args.sequence_ridge * np.diag([1.0] * width + [0.0])
    solution = np.linalg.lstsq(A.T @ A + penalty, A.T @ y[tr], rcond=None)[0]
    kernel, bias = solution[:width].reshape(len(channels), k), float(solution[width])
    predict = lambda W: conv_features(W, k) @ kernel.ravel() + bias  # noqa: E731
    rows = parity_rows(Wva, args.parity_rows)
    meta = {"feature_list": [], "kind": "regression", "interval_minutes": args.interval_minutes,
            "input_mode": "raw_sequence", "sequence_length": length, "sequence_channels": channels,
            "sequence_normalization": args.sequence_normalization, "input_name": "window",
            "output_name": OUTPUT,
            "metrics": {"n_train": int(tr.sum()), "n_validation": int(va.sum()),
                        "ic": spearman(predict(Wva), y[va])}}
    # Row-major [T, C], as the engine lays the window out: bar t's channels side by side.
    if len(channels) == 1:
        names = ["%s_t%d" % (channels[0], t) for t in range(length)]
    else:
        names = ["%s_t%d" % (c, t) for t in range(length) for c in channels]
    write_model(args.out, target, "Conv1d", conv_graph(kernel, bias, length, target + "_conv1d"), meta,
                names, Wva[rows].reshape(len(rows), -1), predict(Wva[rows]))


def check(error, tolerance, what):
    if not error <= tolerance:
        fail("%s differs from the training library by %g (tolerance %g)" % (what, error, tolerance))


def main():
    parser = argparse.ArgumentParser(description="Train Horizon models and write an ONNX run directory.")
    parser.add_argument("--csv", required=True, help="training CSV from the feature export")
    parser.add_argument("--out", required=True, help="run directory to (re)create")
    parser.add_argument("--interval-minutes", type=int, default=1, help="bar interval of the CSV (default 1)")
    parser.add_argument("--validation-fraction", type=float, default=0.2)
    parser.add_argument("--embargo", type=int, default=0,
                        help="timestamps dropped from the end of the training part (default 0); use the"
                             " longest horizon in bars so no training target reaches the validation period")
    parser.add_argument("--parity-rows", type=int, default=32, help="validation rows recorded in parity.csv")
    parser.add_argument("--ridge-alpha", type=float, default=1.0)
    parser.add_argument("--trees", type=int, default=25)
    parser.add_argument("--tree-depth", type=int, default=2)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--logistic-c", type=float, default=1.0)
    parser.add_argument("--sequence-length", type=int, default=16, help="T of the Conv1d model; 0 skips it")
    parser.add_argument("--kernel", type=int, default=4, help="Conv1d kernel width")
    parser.add_argument("--sequence-normalization", choices=["returns", "log_returns"], default="returns",
                        help="how the Conv1d window is normalised (default returns)")
    parser.add_argument("--sequence-ridge", type=float, default=1e-6)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not 0 < args.validation_fraction < 1:
        fail("--validation-fraction must be between 0 and 1")
    if args.embargo < 0:
        fail("--embargo must not be negative")
    if args.sequence_length and not 0 < args.kernel <= args.sequence_length:
        fail("--kernel must be between 1 and --sequence-length")
    train(args)


if __name__ == "__main__":
    main()
