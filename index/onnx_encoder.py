"""A fast query encoder: the same MiniLM exported to ONNX once, then run with onnxruntime.

A typical question (~25 word pieces) costs 8-11 ms through torch on these CPUs, mostly framework
overhead; through onnxruntime 3.3 ms (fp32) or 2.3 ms (int8 weights). Documents keep being embedded
by sentence-transformers (batch throughput is the same either way); questions can use this encoder
because its vectors are the model's (fp32: cosine 1.000; int8: mean 0.994; README, "Model").

The export needs torch and `onnx` (only at export time); running needs `onnxruntime` and `tokenizers`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.errors import ModelNotAvailable

PRECISIONS = ("fp32", "int8")
# the exported encoder must agree with the model it came from on these, or it is not used
PROBES = (
    "Who blamed whom for the clashes in Idlib?",
    "The central bank raised interest rates by a quarter point on Wednesday.",
)
MIN_COSINE = {"fp32": 0.999, "int8": 0.98}
log = logging.getLogger(__name__)


def onnx_path(cache_dir: Path, model_name: str, precision: str, model_path: str | None = None) -> Path:
    """The export's file name: model name, a fingerprint of the model's files, precision."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in model_name)
    if model_path is not None:
        folder = Path(model_path)
        digest = hashlib.sha1()
        for name in ("config.json", "tokenizer.json", "model.safetensors", "pytorch_model.bin"):
            if (folder / name).exists():
                digest.update(f"{name}:{(folder / name).stat().st_size}".encode())
        digest.update((folder / "config.json").read_bytes() if (folder / "config.json").exists() else b"")
        safe += "-" + digest.hexdigest()[:10]
    return Path(cache_dir).expanduser() / f"{safe}.{precision}.onnx"


def load_query_encoder(model_path: str, name: str, cache_dir: Path, precision: str,
                       reference=None) -> "OnnxEmbedder":
    """The ONNX encoder for a model, exported on first use (~10 s, needs torch and onnx) and then
    loaded from `cache_dir` in a fraction of a second. `reference` (an Embedder for the same model,
    made only when an export is needed) checks that the export gives the model's vectors."""
    path = onnx_path(cache_dir, name, precision, model_path)
    if not path.exists():
        log.warning("exporting the query encoder to %s (once, ~10 s)", path)
        try:
            export(model_path, path, precision)
        except ImportError as exc:
            raise ModelNotAvailable(f"cannot export the query encoder: {exc}. pip install onnx") from exc
        encoder = OnnxEmbedder(model_path, path, name)
        if reference is not None:
            agreement = float((encoder.embed(PROBES) * reference().embed(PROBES)).sum(axis=1).min())
            if agreement < MIN_COSINE[precision]:
                path.unlink(missing_ok=True)
                raise ModelNotAvailable(
                    f"the ONNX export disagrees with the model (cosine {agreement:.3f} < "
                    f"{MIN_COSINE[precision]}); set query_encoder = \"model\"")
        return encoder
    return OnnxEmbedder(model_path, path, name)


def export(model_path: str, out: Path, precision: str = "int8") -> Path:
    """Write the transformer of a local sentence-transformers model as ONNX (pooling is done here in
    numpy). Written to a temporary name first: a crash never leaves a half file that looks usable."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModel

    out.parent.mkdir(parents=True, exist_ok=True)
    fp32 = out.with_name(out.name.replace(f".{precision}.onnx", ".fp32.onnx"))
    if not fp32.exists():
        model = AutoModel.from_pretrained(model_path).eval()

        class Wrapped(torch.nn.Module):  # positional arguments in, last hidden state out
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state

        sample = torch.ones((1, 8), dtype=torch.int64)
        tmp = _temporary(fp32)
        axes = {0: "batch", 1: "tokens"}
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes about shapes; the result is checked instead
            torch.onnx.export(
                Wrapped(model), (sample, sample, torch.zeros_like(sample)), str(tmp), dynamo=False,
                opset_version=17, input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["hidden"], dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                                       "token_type_ids": axes, "hidden": axes},
            )
        tmp.replace(fp32)
    if precision == "int8":
        from onnxruntime.quantization import QuantType, quantize_dynamic

        tmp = _temporary(out)
        # signed int8 weights, one scale per output channel: mean cosine to fp32 0.994 on the
        # RealTime QA questions (unsigned, per tensor: 0.985) and faster on VNNI CPUs
        logging.disable(logging.WARNING)  # onnxruntime's advice on pre-processing goes to the root logger
        try:
            quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
        finally:
            logging.disable(logging.NOTSET)
        tmp.replace(out)
    return out


class OnnxEmbedder:
    """Embedder protocol over an exported ONNX file: tokenize, run, mean-pool, normalise."""

    def __init__(self, model_path: str, onnx_file: Path, name: str, max_tokens: int | None = None) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelNotAvailable("The ONNX query encoder needs onnxruntime: pip install onnxruntime") from exc
        options = ort.SessionOptions()
        # two threads: 3.3 ms instead of 5.0 ms for a typical question with fp32 weights on 2 cores
        options.intra_op_num_threads = min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_tokens or _max_tokens(Path(model_path)))
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id("[PAD]") or 0)
        self.name = name
        self.dim = int(self._session.get_outputs()[0].shape[-1] or 384)
        self.vocab_size = self._tokenizer.get_vocab_size()
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._run(texts)[3]

    def token_states(self, texts: Sequence[str], batch_size: int = 128):
        """Per text: word-piece ids, each piece's contextual state, the text's vector (as `embed`);
        for fitting the static question encoder, twice as fast as torch on short texts."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths pad little
        for start in range(0, len(order), batch_size):
            ids, mask, hidden, pooled = self._run([texts[i] for i in order[start : start + batch_size]])
            keep = mask.astype(bool)
            for j in range(len(ids)):
                yield ids[j][keep[j]], hidden[j][keep[j]], pooled[j]

    def _run(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Tokenize, run the model, mean-pool and normalise: ids, mask, hidden states, vectors."""
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        with self._lock:
            hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return ids, mask, hidden, np.ascontiguousarray(pooled, dtype=np.float32)


def _temporary(path: Path) -> Path:
    """A name beside `path` that no concurrent export (another process) writes to."""
    return path.with_suffix(f".{os.getpid()}.tmp")


def _max_tokens(model_path: Path) -> int:
    try:
        return int(json.loads((model_path / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, KeyError, ValueError):
        return 256
