"""The package's layers, checked on the source: who may import stanza, torch and transformers, and whom."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotes"
MODEL_PACKAGES = ("stanza", "torch", "transformers")
"""Only quotes/parsing (and quotes/training, which trains the parser's models) may import these."""
MAY_IMPORT_MODELS = ("parsing", "training")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (inside functions too), as written."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in (
                "__import__", "import_module") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def layer(path: Path) -> str:
    """The top-level part of the package a file belongs to ("core", "parsing", "app", … or the file's name)."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def top(module: str) -> str:
    return module.split(".", 1)[0]


def test_the_walk_sees_imports_inside_functions(tmp_path: Path) -> None:
    """The checker itself: an import hidden in a function body is found."""
    path = tmp_path / "m.py"
    path.write_text("def f():\n    import torch.nn\n    from stanza import Pipeline\n", encoding="utf-8")
    assert imported(path) == {"torch.nn", "stanza"}


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_parsing_imports_the_model_packages(path: Path) -> None:
    """No module outside quotes/parsing and quotes/training imports stanza, torch or transformers."""
    if layer(path) in MAY_IMPORT_MODELS:
        return
    assert not {m for m in imported(path) if top(m) in MODEL_PACKAGES}


@pytest.mark.parametrize("path", [p for p in modules() if layer(p) == "core"], ids=lambda p: p.name)
def test_core_stands_alone(path: Path) -> None:
    """The core (data model, lexicon, quotation marks, rules, speakers) imports only itself and the errors."""
    ours = {m for m in imported(path) if top(m) == "quotes"}
    assert all(m.startswith("quotes.core") or m == "quotes.errors" for m in ours), ours


@pytest.mark.parametrize("path", [p for p in modules() if layer(p) == "parsing"], ids=lambda p: p.name)
def test_parsing_hands_over_a_parsed_doc(path: Path) -> None:
    """Parsing imports itself, the core's data (``ParsedDoc``, quotation marks) and the errors: never the app."""
    ours = {m for m in imported(path) if top(m) == "quotes"}
    assert all(m.startswith(("quotes.parsing", "quotes.core.")) or m == "quotes.errors" for m in ours), ours
