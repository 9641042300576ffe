"""`quotes evaluate`'s report: the table of scores and the list of mistakes, on a Rich console."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotes.app.evaluation.scoring import Counts, Mistake, MistakeKind, Ratio, Scores

ROWS = ("content", "source", "cue", "relation")

_KIND_STYLES = {
    MistakeKind.MISSED: "yellow",
    MistakeKind.FALSE_ALARM: "red",
    MistakeKind.WRONG_SOURCE: "magenta",
}


def scores_table(scores: Scores, *, title: str | None = None) -> Table:
    """Precision, recall and F1 (in %) for each part and whole relations, exact and partial."""
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("", style="bold")
    for criterion in ("exact", "partial"):
        # The criterion heads only its group's first column, so the table fits 80 columns.
        for measure in ("P", "R", "F1"):
            table.add_column(f"{criterion if measure == 'P' else ''}\n{measure}", justify="right")
    table.add_column("gold", justify="right")
    table.add_column("pred", justify="right")
    for row in ROWS:
        part = getattr(scores, row)
        table.add_row(
            row,
            *_figures(part.exact),
            *_figures(part.partial),
            str(part.partial.gold),
            str(part.partial.predicted),
        )
    return table


def print_scores(console: Console, scores: Scores, *, title: str | None = None) -> None:
    """The table, then attribution accuracy and the direct / indirect split of content recall."""
    console.print(scores_table(scores, title=title))
    console.print(f"documents: {scores.documents}")
    console.print(f"attribution accuracy: {_ratio(scores.attribution)} of found contents get an overlapping source")
    console.print(f"content recall (partial), direct or mixed: {_ratio(scores.direct_recall)}")
    console.print(f"content recall (partial), indirect: {_ratio(scores.indirect_recall)}")


def print_mistakes(console: Console, mistakes: Sequence[Mistake]) -> None:
    """One block per mistake, grouped by document, in text order."""
    if not mistakes:
        console.print("no mistakes")
        return
    document = None
    for mistake in mistakes:
        if mistake.document != document:
            document = mistake.document
            console.print()
            console.rule(Text(document), align="left")
        label = Text(f"[{mistake.kind.value}]", style=_KIND_STYLES[mistake.kind])
        console.print(Text.assemble(label, " ", Text(mistake.content)))
        details = [f"source: {mistake.source or '—'}", f"cue: {mistake.cue or '—'}"]
        if mistake.kind is MistakeKind.WRONG_SOURCE:
            details.append(f"predicted source: {mistake.predicted_source or '—'}")
        console.print(Text("  " + " | ".join(details), style="dim"))
        console.print(Text(f"  in: {mistake.context}"))
    counts = {kind: sum(1 for m in mistakes if m.kind is kind) for kind in MistakeKind}
    console.print()
    console.print(", ".join(f"{counts[kind]} {kind.value}" for kind in MistakeKind))


def _figures(counts: Counts) -> tuple[str, str, str]:
    return _percent(counts.precision), _percent(counts.recall), _percent(counts.f1)


def _percent(value: float) -> str:
    return f"{100 * value:.1f}"


def _ratio(ratio: Ratio) -> str:
    return f"{_percent(ratio.value)} % ({ratio.hits}/{ratio.total})"
