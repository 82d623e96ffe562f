"""The answer path reads as rooms in order (question → retrieve → read → compose → render): no
module of bot/ imports, even lazily inside a function, a module that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports() -> dict[str, set[str]]:
    modules: dict[str, set[str]] = {}
    files = {".".join(f.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): f
             for f in (ROOT / "bot").rglob("*.py")}
    for name, path in files.items():
        tree = ast.parse(path.read_text())
        skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        deps: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot"):
                for alias in node.names:  # `from bot.slack import listeners` imports a module
                    sub = f"{node.module}.{alias.name}"
                    deps.add(sub if sub in files else node.module)
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("bot.")}
        modules[name] = deps - {name}
    return modules


def test_no_import_cycle_in_bot():
    graph = _imports()

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            here = todo.pop()
            for dep in graph.get(here, ()):
                if dep == goal:
                    return True
                if dep not in seen:
                    seen.add(dep)
                    todo.append(dep)
        return False

    cycles = sorted({tuple(sorted((a, b))) for a, deps in graph.items() for b in deps
                     if b in graph and reaches(b, a) and not b.startswith(a + ".") and not a.startswith(b + ".")})
    assert not cycles, f"import cycles: {cycles}"


def test_the_composer_protocol_is_complete():
    from bot.composer import Composer, ExtractiveComposer
    from bot.generative import GenerativeComposer

    wanted = {n for n in vars(Composer) if not n.startswith("_")} | set(Composer.__annotations__)
    assert {"compose", "stream", "condense", "choose", "mode"} <= wanted
    for cls in (ExtractiveComposer, GenerativeComposer):
        assert all(hasattr(cls, n) for n in wanted), cls


def test_seams_are_called_through_their_interfaces():
    """The answerer, its composer and the sentence reader are reached by their declared attributes
    (Answerer.streams, Composer.mode, SentenceReader.name), never probed with getattr."""
    probed = []
    for path in (ROOT / "bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
                    and any(seam in ast.unparse(node) for seam in ("answerer", "composer", "reader"))):
                probed.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert not probed, probed
