"""`quotes models`: the bundled model files, their training data and scores, as a dict for JSON or a Rich report."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


def models_info(directory: Path, files: list[Path], manifest: Mapping[str, Any]) -> dict[str, Any]:
    """What ``quotes models --format json`` prints: the folder, each file with its size, and the manifest."""
    sizes = [{"path": str(p), "bytes": p.stat().st_size} for p in files]
    return {"directory": str(directory), "files": sizes, "total_bytes": sum(f["bytes"] for f in sizes),
            **{k: v for k, v in manifest.items() if k != "files"}}


def files_table(info: Mapping[str, Any]) -> Table:
    table = Table(title=f"Bundled models in {info['directory']}")
    table.add_column("file")
    table.add_column("bytes", justify="right")
    for f in info["files"]:
        table.add_row(Path(f["path"]).name, f"{f['bytes']:,}")
    table.add_row("total", f"{info['total_bytes']:,}", style="bold")
    return table


def print_models(console: Console, info: Mapping[str, Any]) -> None:
    """The files table, then what the models were trained on and their scores."""
    console.print(files_table(info))
    if info.get("trained_on"):
        console.print("Trained on: " + "; ".join(info["trained_on"]))
    for name, scores in info.get("scores", {}).items():
        console.print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
