"""Rule tests as golden files: each case is a parse (``tests/golden/GROUP/NAME.conllu``) with the attributions the
rules must find in it beside it (``NAME.json``). No model is loaded, so these never drift.

The ``.conllu`` starts with ``# document = "…"``, the whole text as a JSON string (paragraph breaks included);
its sentences carry ``start_char``/``end_char`` offsets into it. The ``.json`` holds ``about`` (what the case
shows) and ``attributions``, exactly as ``Attribution.to_dict`` writes them. When a rule changes on purpose,

    python -m tests.core.test_golden --update [GROUP/NAME ...]

rewrites the expectations from the current rules (``git diff tests/golden`` shows what moved). A new case is a
``.conllu`` written by hand (its first line as above), or built with ``write_case`` from rows like those of
``tests/parses.py``; ``--update GROUP/NAME`` then writes its ``.json`` (give it an ``about``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from quotes.core.assemble import assemble
from quotes.core.conllu import from_conllu, to_conllu
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
DOCUMENT = "# document = "
CASES = sorted(GOLDEN.rglob("*.conllu"))


def case_id(path: Path) -> str:
    return path.relative_to(GOLDEN).with_suffix("").as_posix()


def read_parse(path: Path) -> ParsedDoc:
    """The parsed document of a golden case."""
    conllu = path.read_text(encoding="utf-8")
    first = conllu.split("\n", 1)[0]
    if not first.startswith(DOCUMENT):
        raise ValueError(f"{path}: the first line must be {DOCUMENT}\"<the text as a JSON string>\"")
    return from_conllu(json.loads(first.removeprefix(DOCUMENT)), conllu)


def found(path: Path) -> list[dict[str, Any]]:
    """What the rules find in a golden case's parse, as JSON data."""
    return [attribution.to_dict() for attribution in assemble(read_parse(path), Lexicon.default())]


def dumps(about: str, attributions: list[dict[str, Any]]) -> str:
    """The expectation file: one line per part of an attribution, so a diff shows which part moved."""
    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    blocks = [",\n".join(f"      {line(key)}: {line(value)}" for key, value in attribution.items())
              for attribution in attributions]
    listed = "[\n" + ",\n".join("    {\n" + block + "\n    }" for block in blocks) + "\n  ]" if blocks else "[]"
    return f'{{\n  "about": {line(about)},\n  "attributions": {listed}\n}}\n'


def write_expected(path: Path, about: str) -> None:
    text = dumps(about, found(path))
    assert json.loads(text) == {"about": about, "attributions": found(path)}
    path.with_suffix(".json").write_text(text, encoding="utf-8")


def write_case(stem: Path, text: str, rows: list[str], about: str) -> None:
    """A new case from hand-written rows ("FORM LEMMA UPOS HEAD DEPREL [XPOS]" per word, one block per sentence,
    as in ``tests/parses.py``), with the current rules' output as its expectation."""
    from tests.parses import doc

    parsed = doc(text, *rows)
    stem.parent.mkdir(parents=True, exist_ok=True)
    path = stem.with_suffix(".conllu")
    path.write_text(DOCUMENT + json.dumps(text, ensure_ascii=False) + "\n" + to_conllu(parsed), encoding="utf-8")
    assert read_parse(path) == parsed, f"{path} does not read back as the parse it was written from"
    write_expected(path, about)


def test_the_cases_are_there() -> None:
    """The glob finds the cases (a test over nothing would pass), and each parse has its expectation beside it."""
    assert len(CASES) >= 100
    assert {p.with_suffix("") for p in CASES} == {p.with_suffix("") for p in GOLDEN.rglob("*.json")}


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_golden(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert found(path) == expected["attributions"], expected["about"]


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "--update":
        print(__doc__)
        return 2
    wanted = set(argv[1:])
    unknown = wanted - {case_id(p) for p in CASES}
    if unknown:
        print(f"no such cases: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for path in CASES:
        if not wanted or case_id(path) in wanted:
            expected = path.with_suffix(".json")
            about = json.loads(expected.read_text(encoding="utf-8"))["about"] if expected.exists() else ""
            write_expected(path, about)
            print(f"updated {case_id(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
