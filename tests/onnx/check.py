"""The `onnx` suite, part 2: load every model export.mjs wrote in
onnxruntime, run it on the same raw rows, and compare with predict().

For each model: onnx.checker.check_model(full_check=True) (the spec's
structural checks plus strict shape inference), the graph's one input
`input` [N, ...row shape] and one output `output` [N, outputs], the
metadata, and max |onnxruntime − predict()| within the model's tolerance
(1e-5 for linear, logistic and MLP; 1e-4 for CNN and RNN). Prints a line
per model and per refusal check, then `N passed, N failed`; exits 1 on
any failure.

    python tests/onnx/check.py OUT_DIR
"""

import json
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort

OPSET = 13
IR_VERSION = 7
METADATA = {"modelKind", "task", "classes", "inputNames", "featureNames", "inputShape", "output"}


def dims(value_info):
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


def check_model(out_dir, m):
    """→ a short report; raises AssertionError with the reason on a mismatch."""
    path = os.path.join(out_dir, m["name"] + ".onnx")
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    assert model.ir_version == IR_VERSION, f"ir_version {model.ir_version}"
    assert [(o.domain, o.version) for o in model.opset_import] == [("", OPSET)], "opset"
    g = model.graph
    assert [i.name for i in g.input] == ["input"], f"inputs {[i.name for i in g.input]}"
    assert [o.name for o in g.output] == ["output"], f"outputs {[o.name for o in g.output]}"
    assert dims(g.input[0]) == ["N", *m["rowShape"]], f"input shape {dims(g.input[0])}"
    assert dims(g.output[0]) == ["N", m["outputs"]], f"output shape {dims(g.output[0])}"
    meta = {p.key: p.value for p in model.metadata_props}
    assert METADATA <= meta.keys(), f"metadata lacks {METADATA - meta.keys()}"
    assert json.loads(meta["classes"]) == m["classes"], "metadata classes"

    x = np.fromfile(os.path.join(out_dir, m["name"] + ".input.f32"), dtype="<f4")
    want = np.fromfile(os.path.join(out_dir, m["name"] + ".expected.f32"), dtype="<f4")
    x = x.reshape([m["rows"], *m["rowShape"]])
    want = want.reshape([m["rows"], m["outputs"]])
    assert m["rows"] >= 200, f"only {m['rows']} rows"
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    (got,) = sess.run(["output"], {"input": x})
    assert got.shape == want.shape, f"onnxruntime gave {got.shape}, predict() {want.shape}"
    diff = float(np.max(np.abs(got.astype(np.float64) - want.astype(np.float64))))
    assert np.isfinite(diff) and diff <= m["tol"], f"max |Δ| {diff:.3g} > {m['tol']:g}"
    return diff


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join("test-results", "onnx")
    with open(os.path.join(out_dir, "manifest.json")) as f:
        manifest = json.load(f)
    passed = failed = 0
    print(f"onnx {onnx.__version__}, onnxruntime {ort.__version__}, numpy {np.__version__}")
    for m in manifest["models"]:
        label = f"{m['name']} ({m['kind']}, {m['rows']} rows, {m['bytes']} bytes)"
        try:
            diff = check_model(out_dir, m)
        except Exception as e:  # the checker's and onnxruntime's own errors too
            failed += 1
            print(f"FAIL {label}: {type(e).__name__}: {e}")
        else:
            passed += 1
            print(f"ok   {label}: checker ok, max |Δ| {diff:.2e} ≤ {m['tol']:g}")
    for c in manifest["checks"]:
        if c["ok"]:
            passed += 1
            print(f"ok   {c['name']}: {c['detail']}")
        else:
            failed += 1
            print(f"FAIL {c['name']}: got {c['detail']!r}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
