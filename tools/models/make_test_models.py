#!/usr/bin/python3
"""Builds the tiny ONNX test models of the model adapter, with known weights.

The graphs are written with onnx.helper only (Debian's python3-onnx), so the Java tests can
compute every expected output independently from the weights below. Run from the repository
root:

    /usr/bin/python3 tools/models/make_test_models.py

It rewrites adapters-model/src/test/resources/runs/{basic,unbounded}/ and is deterministic:
running it again gives byte-identical files. The weights are duplicated in
OnnxModelRegistryTest; change both together.

Versions: IR 8, default opset 17, ai.onnx.ml opset 3 -- all loadable by ONNX Runtime 1.19.
"""

import hashlib
import json
import os
import shutil
import sys

import onnx
from onnx import TensorProto, helper

IR_VERSION = 8
OPSET = [helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", 3)]
OUT = os.path.join("adapters-model", "src", "test", "resources", "runs")

# ---- known weights (mirrored in OnnxModelRegistryTest) ---------------------------------------

LINEAR_FEATURES = ["ret_1d", "vol_5d", "rsi_14"]
LINEAR_W = [0.5, -0.25, 0.0078125]
LINEAR_B = -0.0625

# Two trees over (ret_1d, vol_5d, rsi_14); x <= threshold takes the true (left) branch.
TREE_FEATURES = ["ret_1d", "vol_5d", "rsi_14"]
TREE_BASE = 0.0001
# tree 0: n0: rsi_14 <= 50 ? n1 : n2;  n1: ret_1d <= 0 ? n3 : n4;  leaves n2 -0.003, n3 0.002, n4 -0.001
# tree 1: n0: vol_5d <= 0.01 ? n1 : n2;  leaves n1 0.0005, n2 -0.0007

LOGIT_FEATURES = ["ret_1d", "rsi_14"]
LOGIT_W = [4.0, -0.03125]
LOGIT_B = 1.5

SEQ_T = 8
SEQ_CHANNELS = ["close", "volume"]
# Conv kernel per channel (K = 3), then the mean over the T - K + 1 positions, plus the bias.
SEQ_KERNEL = [[0.25, -0.5, 1.0], [0.0, 0.0078125, -0.015625]]
SEQ_BIAS = 0.001

UNBOUNDED_FEATURES = ["ret_1d"]
UNBOUNDED_W = [10.0]
UNBOUNDED_B = 0.5


def model(nodes, inputs, outputs, initializers, name):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializers)
    m = helper.make_model(graph, opset_imports=OPSET, producer_name="horizon-test-models",
                          producer_version="1")
    m.ir_version = IR_VERSION
    onnx.checker.check_model(m)
    return m


def features_input(width, name="features"):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, ["n", width])


def linear_nodes(features, w, b, out):
    """MatMul + Add: [n, F] x [F, 1] + [1] -> [n, 1]."""
    inits = [
        helper.make_tensor("W", TensorProto.FLOAT, [len(w), 1], w),
        helper.make_tensor("B", TensorProto.FLOAT, [1], [b]),
    ]
    nodes = [helper.make_node("MatMul", [features, "W"], ["xw"]),
             helper.make_node("Add", ["xw", "B"], [out])]
    return nodes, inits


def linear_model():
    nodes, inits = linear_nodes("features", LINEAR_W, LINEAR_B, "prediction")
    return model(nodes, [features_input(len(LINEAR_FEATURES))],
                 [helper.make_tensor_value_info("prediction", TensorProto.FLOAT, ["n", 1])],
                 inits, "linear")


def tree_model():
    node = helper.make_node(
        "TreeEnsembleRegressor", ["features"], ["variable"], domain="ai.onnx.ml",
        n_targets=1,
        nodes_treeids=[0, 0, 0, 0, 0, 1, 1, 1],
        nodes_nodeids=[0, 1, 2, 3, 4, 0, 1, 2],
        nodes_featureids=[2, 0, 0, 0, 0, 1, 0, 0],
        nodes_values=[50.0, 0.0, 0.0, 0.0, 0.0, 0.01, 0.0, 0.0],
        nodes_modes=["BRANCH_LEQ", "BRANCH_LEQ", "LEAF", "LEAF", "LEAF",
                     "BRANCH_LEQ", "LEAF", "LEAF"],
        nodes_truenodeids=[1, 3, 0, 0, 0, 1, 0, 0],
        nodes_falsenodeids=[2, 4, 0, 0, 0, 2, 0, 0],
        nodes_missing_value_tracks_true=[0] * 8,
        target_treeids=[0, 0, 0, 1, 1],
        target_nodeids=[2, 3, 4, 1, 2],
        target_ids=[0] * 5,
        target_weights=[-0.003, 0.002, -0.001, 0.0005, -0.0007],
        base_values=[TREE_BASE],
        aggregate_function="SUM",
        post_transform="NONE",
    )
    return model([node], [features_input(len(TREE_FEATURES))],
                 [helper.make_tensor_value_info("variable", TensorProto.FLOAT, ["n", 1])],
                 [], "trees")


def logistic_one_column():
    nodes, inits = linear_nodes("features", LOGIT_W, LOGIT_B, "logit")
    nodes.append(helper.make_node("Sigmoid", ["logit"], ["probability"]))
    return model(nodes, [features_input(len(LOGIT_FEATURES))],
                 [helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["n", 1])],
                 inits, "logistic_one_column")


def two_column_nodes():
    """[1 - p, p] as an [n, 2] tensor, like a classifier's probability output."""
    nodes, inits = linear_nodes("features", LOGIT_W, LOGIT_B, "logit")
    inits.append(helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0]))
    nodes += [helper.make_node("Sigmoid", ["logit"], ["p1"]),
              helper.make_node("Sub", ["one", "p1"], ["p0"]),
              helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1)]
    return nodes, inits


def logistic_two_columns():
    nodes, inits = two_column_nodes()
    return model(nodes, [features_input(len(LOGIT_FEATURES))],
                 [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["n", 2])],
                 inits, "logistic_two_columns")


def logistic_zipmap():
    """A classifier shaped like sklearn-onnx output: a label tensor first, then ZipMap."""
    nodes, inits = two_column_nodes()
    nodes += [helper.make_node("ArgMax", ["probabilities"], ["label"], axis=1, keepdims=0),
              helper.make_node("ZipMap", ["probabilities"], ["output_probability"],
                               domain="ai.onnx.ml", classlabels_int64s=[0, 1])]
    seq_of_maps = onnx.TypeProto()
    seq_of_maps.sequence_type.elem_type.map_type.key_type = TensorProto.INT64
    seq_of_maps.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return model(nodes, [features_input(len(LOGIT_FEATURES))],
                 [helper.make_tensor_value_info("label", TensorProto.INT64, ["n"]),
                  helper.make_value_info("output_probability", seq_of_maps)],
                 inits, "logistic_zipmap")


def conv_sequence():
    """[n, T, C] -> Transpose [n, C, T] -> Conv (1 filter, K = 3) -> mean over time -> [n, 1]."""
    k = len(SEQ_KERNEL[0])
    inits = [
        helper.make_tensor("K", TensorProto.FLOAT, [1, len(SEQ_CHANNELS), k],
                           [v for row in SEQ_KERNEL for v in row]),
        helper.make_tensor("KB", TensorProto.FLOAT, [1], [SEQ_BIAS]),
    ]
    nodes = [helper.make_node("Transpose", ["window"], ["nct"], perm=[0, 2, 1]),
             helper.make_node("Conv", ["nct", "K", "KB"], ["conv"], kernel_shape=[k]),
             helper.make_node("ReduceMean", ["conv"], ["return"], axes=[2], keepdims=0)]
    return model(nodes,
                 [helper.make_tensor_value_info("window", TensorProto.FLOAT,
                                                ["n", SEQ_T, len(SEQ_CHANNELS)])],
                 [helper.make_tensor_value_info("return", TensorProto.FLOAT, ["n", 1])],
                 inits, "conv_sequence")


def unbounded():
    """A 'probability' model that is really linear: outputs leave [0, 1] on purpose."""
    nodes, inits = linear_nodes("features", UNBOUNDED_W, UNBOUNDED_B, "score")
    return model(nodes, [features_input(len(UNBOUNDED_FEATURES))],
                 [helper.make_tensor_value_info("score", TensorProto.FLOAT, ["n", 1])],
                 inits, "unbounded")


def write(run, target, family, onnx_model, meta, checksum=True):
    directory = os.path.join(OUT, run, "targets", target, "models", "view=CROSS_SECTIONAL",
                             "family=" + family)
    os.makedirs(directory, exist_ok=True)
    data = onnx_model.SerializeToString()
    with open(os.path.join(directory, "model.onnx"), "wb") as f:
        f.write(data)
    full = {"target": target, "family": family}
    full.update(meta)
    if checksum:
        full["model_checksum"] = hashlib.sha256(data).hexdigest()
    with open(os.path.join(directory, "model_meta.json"), "w") as f:
        json.dump(full, f, indent=2)
        f.write("\n")


def main():
    if not os.path.isdir("adapters-model"):
        sys.exit("run from the repository root (adapters-model/ not found)")
    for run in ("basic", "unbounded"):
        shutil.rmtree(os.path.join(OUT, run), ignore_errors=True)

    write("basic", "ret_5m", "Linear", linear_model(), {
        "feature_list": LINEAR_FEATURES, "kind": "regression", "interval_minutes": 1,
        "metrics": {"ic": 0.031}})
    # No checksum on purpose: the report shows it as not recorded.
    write("basic", "ret_5m", "Trees", tree_model(), {
        "feature_list": TREE_FEATURES, "kind": "regression", "interval_minutes": 1,
        "metrics": {"ic": 0.052}, "input_name": "features", "output_name": "variable"},
        checksum=False)
    write("basic", "will_peak_5m", "Logistic", logistic_one_column(), {
        "feature_list": LOGIT_FEATURES, "kind": "probability", "interval_minutes": 1})
    write("basic", "will_valley_5m", "LogisticTwoColumn", logistic_two_columns(), {
        "feature_list": LOGIT_FEATURES, "kind": "probability", "interval_minutes": 1})
    write("basic", "will_peak_10m", "LogisticZipMap", logistic_zipmap(), {
        "feature_list": LOGIT_FEATURES, "kind": "probability", "interval_minutes": 1})
    write("basic", "ret_10m", "Conv1d", conv_sequence(), {
        "kind": "regression", "interval_minutes": 1, "input_mode": "raw_sequence",
        "sequence_length": SEQ_T, "sequence_channels": SEQ_CHANNELS,
        "sequence_normalization": "returns", "metrics": {"ic": 0.012}})
    write("unbounded", "will_peak_5m", "Unbounded", unbounded(), {
        "feature_list": UNBOUNDED_FEATURES, "kind": "probability", "interval_minutes": 1})
    print("wrote test models under", OUT)


if __name__ == "__main__":
    main()
