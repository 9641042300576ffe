"""``quotes evaluate``: score the extractor (or a JSONL file of its output) against brat gold."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from rich.console import Console
from rich.progress import track

from quotes.app import options
from quotes.app.evaluation.brat import GoldCorpus, GoldError, Relation, load_gold
from quotes.app.evaluation.scoring import Evaluation, evaluate, relations_from_article
from quotes.app.options import fail, positive
from quotes.app.reporters.evaluation import print_mistakes, print_scores
from quotes.errors import InputError, QuotesError

Predictor = Callable[[str, str], Sequence[Relation]]
"""Finds the relations in a text (the second argument is the document's name)."""

SHOWN_WARNINGS = 5
"""Warnings printed in full; the rest are only counted, so the table stays on screen."""


def main(
    argv: list[str],
    *,
    predictor: Predictor | None = None,
    stdout: Console | None = None,
    stderr: Console | None = None,
) -> int:
    """Run ``quotes evaluate`` with ``argv`` (the arguments after ``evaluate``); returns the exit status.

    ``predictor`` replaces the extractor, which is only loaded (with the user's
    ``--cues``, ``--extra-cues``, ``--max-chars`` and ``--stanza-resources``) when
    neither it nor ``--predictions`` is given.
    """
    out = stdout or Console()
    err = stderr or Console(stderr=True)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage or the help
        return int(exc.code or 0)
    try:
        corpus = load_gold(args.gold_dir, limit=args.limit)
    except GoldError as exc:
        return fail(str(exc), console=err)
    _warn(err, corpus.warnings, "gold annotation")
    texts = {document.name: document.text for document in corpus.documents}

    if args.predictions is not None:
        try:
            predictions, warnings = read_predictions(args.predictions, texts)
        except OSError as exc:
            return fail(f"cannot read predictions: {exc}", console=err)
        missing = [name for name in texts if name not in predictions]
        if missing:
            warnings.append(f"{len(missing)} gold documents have no predictions (scored as finding nothing)")
        _warn(err, warnings, "prediction")
        origin = str(args.predictions)
    else:
        try:
            predictions, warnings = _predict(corpus, predictor or _extractor_predictor(args), err)
        except (QuotesError, ImportError) as exc:
            return fail(f"cannot run the extractor: {exc}", console=err)
        _warn(err, warnings, "extraction")
        origin = "extractor"

    evaluation = evaluate(corpus.documents, predictions)
    target = args.json if args.json is not None else ("-" if args.format == "json" else None)
    human = err if target == "-" else out  # keep stdout pure JSON when it carries the figures
    if args.errors:
        print_mistakes(human, evaluation.mistakes)
        human.print()
    print_scores(human, evaluation.scores, title=f"{args.gold_dir} ({origin})")
    if target is not None:
        payload = json.dumps(_payload(args, corpus, origin, evaluation), ensure_ascii=False, indent=2)
        if target == "-":
            out.out(payload, highlight=False)
        else:
            try:
                Path(target).write_text(payload + "\n", encoding="utf-8")
            except OSError as exc:
                return fail(f"cannot write {target}: {exc}", console=err)
    return 0


def read_predictions(path: Path, texts: Mapping[str, str]) -> tuple[dict[str, tuple[Relation, ...]], list[str]]:
    """Relations per gold document from the project's JSONL output, and a line per problem.

    A line's ``document`` may be a path: it is matched to the gold name by file name
    or stem. Spans whose ``text`` differs from the gold text at their offsets are
    reported, since they mean the predictions were made on other texts.
    """
    predictions: dict[str, tuple[Relation, ...]] = {}
    warnings: list[str] = []
    unknown = drifted = failed = 0
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                name = _gold_name(str(record["document"]), texts)
                if name is None:
                    unknown += 1
                    continue
                parsed = [_relation_from_dict(attribution, texts[name]) for attribution in record["attributions"]]
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                warnings.append(f"line {number}: skipped, not a document with attributions ({exc!r})")
                continue
            relations = [relation for relation, _ in parsed]
            drifted += sum(bad for _, bad in parsed)
            failed += "error" in record
            if name in predictions:
                warnings.append(f"line {number}: {name} seen before, the later line wins")
            predictions[name] = tuple(relations)
    if unknown:
        warnings.append(f"{unknown} predicted documents are not in the gold set (ignored)")
    if failed:
        warnings.append(f"{failed} predicted documents carry an error (scored as finding nothing)")
    if drifted:
        warnings.append(f"{drifted} predicted spans do not match the gold text at their offsets")
    return predictions, warnings


def _relation_from_dict(attribution: Mapping[str, Any], text: str) -> tuple[Relation, int]:
    """The relation of one JSON attribution, and how many of its spans disagree with ``text``."""
    bad = 0
    parts: list[tuple[tuple[int, int], ...]] = []
    for key in ("speaker", "cue", "content"):
        part = attribution.get(key)
        if key == "speaker" and part and part.get("phrase"):
            part = part["phrase"]  # the whole source phrase, as PolNeAR marks it and as a live run is scored
        if not part:
            parts.append(())
            continue
        spans = part.get("spans") or [[part["start"], part["end"]]]
        parts.append(tuple(sorted((int(start), int(end)) for start, end in spans)))
        if "text" in part and text[part["start"] : part["end"]] != part["text"]:
            bad += 1
    return Relation(source=parts[0], cue=parts[1], content=parts[2]), bad


def _gold_name(document: str, texts: Mapping[str, str]) -> str | None:
    path = Path(document)
    for candidate in (document, path.name, path.name.removesuffix(".txt"), path.stem):
        if candidate in texts:
            return candidate
    return None


def _predict(
    corpus: GoldCorpus, predictor: Predictor, err: Console
) -> tuple[dict[str, tuple[Relation, ...]], list[str]]:
    """Relations per document, and a line per document the extractor refused (it scores as finding nothing)."""
    documents = track(
        corpus.documents, description="extracting", console=err, transient=True, disable=not err.is_terminal
    )
    predictions: dict[str, tuple[Relation, ...]] = {}
    warnings: list[str] = []
    for document in documents:
        try:
            predictions[document.name] = tuple(predictor(document.text, document.name))
        except InputError as exc:
            warnings.append(f"{document.name}: {exc}")
    return predictions, warnings


def _extractor_predictor(args: argparse.Namespace) -> Predictor:
    extractor = options.extractor(args)  # loads Stanza: not needed with --predictions

    def predict(text: str, name: str) -> Sequence[Relation]:
        return relations_from_article(extractor.extract(text, document=name))

    return predict


def _payload(args: argparse.Namespace, corpus: GoldCorpus, origin: str, evaluation: Evaluation) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "gold": str(args.gold_dir),
        "layout": corpus.layout,
        "predictions": origin,
        **evaluation.scores.to_dict(),
    }
    if args.errors:
        payload["mistakes"] = [
            {**attrs.asdict(mistake), "kind": mistake.kind.value} for mistake in evaluation.mistakes
        ]
    return payload


def _warn(err: Console, warnings: Sequence[str], what: str) -> None:
    for warning in warnings[:SHOWN_WARNINGS]:
        err.print(f"warning: {warning}", style="dim", markup=False, highlight=False, soft_wrap=True)
    if len(warnings) > SHOWN_WARNINGS:
        err.print(f"warning: … and {len(warnings) - SHOWN_WARNINGS} more {what} problems", style="dim", markup=False)


def _parser() -> argparse.ArgumentParser:
    parser = options.ArgumentParser(
        prog="quotes evaluate",
        description="Score quote attribution against brat gold (PolNeAR layout or NAME.txt beside NAME.ann).",
    )
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="directory of gold annotations")
    parser.add_argument(
        "--predictions", type=Path, metavar="FILE", help="JSONL output of quotes to score instead of running it"
    )
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms with their sentences")
    parser.add_argument("--json", metavar="FILE", help='write the figures as JSON to FILE ("-" for stdout)')
    parser.add_argument("--limit", type=positive, metavar="N", help="score only the first N documents by name")
    options.add_format(parser, ["table", "json"])
    options.add_options(parser)
    return parser
