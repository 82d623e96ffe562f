"""Four-bit word pieces: the sentence reader's word-piece table stored in 4 bits per weight.

The table (30,522 x 384) is 11.7 MB of the reader's file at 8 bits, half of the six-layer reader.
Dynamic quantisation stores it with one scale for the whole table; here each run of `block` weights
of a row gets its own scale and zero point, four bits a weight (onnxruntime's GatherBlockQuantized,
com.microsoft; the scales in half precision), so the table takes 6.6 MB at block 32. This is what
lets the six-layer reader and the span reader stay under the 30 MB the shipped files may take
(figures: train/reader.py `Recipe.word_piece_bits`, docs/EVALUATION_LOG.md "Six layers against
three, and six within 30 MB").

`python -m train.shrink FOLDER` rewrites FOLDER/reader.int8.onnx in place (the span reader reads
its `embedded` output and is measured again after: `python -m train.card --folder FOLDER`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

WORD_PIECES = "bert.embeddings.word_embeddings.weight"


def four_bit_blocks(table: np.ndarray, block: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(packed, scales, packed zero points) of `table` quantised per `block` columns of a row to 0..15:
    two values a byte, the low nibble first, as GatherBlockQuantized reads them with bits=4; the
    scales in half precision (0.7 MB instead of 1.5 at block 32)."""
    rows, cols = table.shape
    if cols % (2 * block):
        raise ValueError(f"{cols} columns do not split into pairs of blocks of {block}")
    blocks = table.reshape(rows, cols // block, block).astype(np.float32)
    low, high = blocks.min(-1), blocks.max(-1)
    scales = np.maximum(high - low, 1e-8) / 15
    zero = np.clip(np.round(-low / scales), 0, 15).astype(np.uint8)
    values = np.clip(np.round(blocks / scales[..., None]) + zero[..., None], 0, 15).astype(np.uint8).reshape(rows, cols)
    return _pairs(values), scales.astype(np.float16), _pairs(zero)


def _pairs(values: np.ndarray) -> np.ndarray:
    return (values[:, 0::2] | (values[:, 1::2] << 4)).astype(np.uint8)


def unpacked(packed: np.ndarray, scales: np.ndarray, zero: np.ndarray, block: int) -> np.ndarray:
    """The table the four-bit blocks stand for (what the reader computes with)."""
    def nibbles(p):
        out = np.empty((p.shape[0], p.shape[1] * 2), dtype=np.int16)
        out[:, 0::2], out[:, 1::2] = p & 15, p >> 4
        return out

    values, zeros = nibbles(packed), nibbles(zero)
    rows, cols = values.shape
    blocks = values.reshape(rows, cols // block, block) - zeros[..., None]
    return (blocks * scales[..., None].astype(np.float32)).reshape(rows, cols)


def four_bit_word_pieces(path: Path, block: int = 32) -> int:
    """Rewrite the int8 sentence reader at `path` with its word-piece table in four-bit blocks;
    returns the bytes saved. The Gather of the int8 table and its DequantizeLinear become one
    GatherBlockQuantized giving the same output name, so every other node and output is unchanged."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(path))
    graph = model.graph
    init = {t.name: t for t in graph.initializer}
    gather = next((n for n in graph.node if n.op_type == "Gather" and n.input[0] == f"{WORD_PIECES}_quantized"), None)
    if gather is None:
        raise ValueError(f"{path} has no int8 word-piece table to shrink (already four-bit?)")
    dequant = next(n for n in graph.node if n.op_type == "DequantizeLinear" and n.input[0] == gather.output[0])
    q = numpy_helper.to_array(init[f"{WORD_PIECES}_quantized"]).astype(np.float32)
    scale = numpy_helper.to_array(init[dequant.input[1]]).astype(np.float32)
    zero = numpy_helper.to_array(init[dequant.input[2]]).astype(np.float32)
    before = sum(init[name].ByteSize() for name in (f"{WORD_PIECES}_quantized", dequant.input[1], dequant.input[2]))
    packed, scales, zeros = four_bit_blocks((q - zero) * scale, block)
    names = (f"{WORD_PIECES}_4bit", f"{WORD_PIECES}_4bit_scales", f"{WORD_PIECES}_4bit_zero")
    new = [numpy_helper.from_array(a, n) for a, n in zip((packed, scales, zeros), names)]
    half = f"{dequant.output[0]}_fp16"  # the scales' precision; cast back for the layers after
    nodes = [helper.make_node("GatherBlockQuantized", [names[0], gather.input[1], names[1], names[2]], [half],
                              name="/bert/embeddings/word_embeddings/GatherBlockQuantized", domain="com.microsoft",
                              block_size=block, gather_axis=0, quantize_axis=1, bits=4),
             helper.make_node("Cast", [half], [dequant.output[0]], name="/bert/embeddings/word_embeddings/Cast",
                              to=onnx.TensorProto.FLOAT)]
    at = list(graph.node).index(gather)
    for old in (gather, dequant):
        graph.node.remove(old)
    for k, node in enumerate(nodes):
        graph.node.insert(at + k, node)
    for name in (f"{WORD_PIECES}_quantized", dequant.input[1], dequant.input[2]):
        if not any(name in n.input for n in graph.node):
            graph.initializer.remove(init[name])
    graph.initializer.extend(new)
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    tmp = path.with_suffix(".tmp")
    onnx.save(model, str(tmp))
    tmp.replace(path)
    return before - sum(t.ByteSize() for t in new)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m train.shrink",
        description="Store a trained sentence reader's word-piece table in four-bit blocks (in place); "
                    "measure it again after with python -m train.card.")
    parser.add_argument("folder", type=Path, help="the folder holding reader.int8.onnx")
    parser.add_argument("--block", type=int, default=32, help="weights sharing one scale (default %(default)s)")
    args = parser.parse_args(argv)
    path = args.folder / "reader.int8.onnx"
    if not path.is_file():
        print(f"error: no {path}; train one with python -m train.reader --out {args.folder}", file=sys.stderr)
        return 2
    try:
        saved = four_bit_word_pieces(path, args.block)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"{path}: word-piece table in four-bit blocks of {args.block}, {saved / 1e6:.1f} MB smaller")
    return 0


if __name__ == "__main__":
    sys.exit(main())
