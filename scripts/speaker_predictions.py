"""Predictions JSONL from cached parses (no Stanza), and the he/she speakers with their resolved names.

    python scripts/speaker_predictions.py /work/cache/parses/dev build/dev-predictions.jsonl
    python -m quotes evaluate ../shared/polnear/dev --predictions build/dev-predictions.jsonl

The second output, ``<out>.speakers.tsv``, lists every "he"/"she" speaker with the name it
resolved to and that name's type, for counting pronouns resolved to organisations, places or media.
``--count TSV`` types the names of such a list (one made by an older version too) and counts those.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.core.assemble import assemble  # noqa: E402
from quotes.core.attribution import Article  # noqa: E402
from quotes.core.lexicon import Lexicon  # noqa: E402


def count(table: Path, lexicon: Lexicon) -> None:
    """How many he/she speakers in ``table`` resolved to a name typed organisation, place or media."""
    from quotes.core.referents import Kind, name_kind  # here, so the script also runs on commits without it

    not_people = (Kind.ORGANISATION, Kind.PLACE, Kind.MEDIA)
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()]
    bad = [r for r in rows if r[3] and name_kind(tuple(r[3].split()), lexicon)[0] in not_people]
    print(f"{table}: {len(rows)} he/she speakers, {len(bad)} resolved to an organisation, place or media:",
          ", ".join(sorted({r[3] for r in bad})))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parses", type=Path, nargs="?", help="folder of pickled list[(name, ParsedDoc)] chunks")
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--count", type=Path, action="append", default=[], help="a .speakers.tsv to type and count")
    args = parser.parse_args()
    lexicon = Lexicon.default()
    for table in args.count:
        count(table, lexicon)
    if args.parses is None or args.out is None:
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    with args.out.open("w", encoding="utf-8") as handle:
        for chunk in sorted(args.parses.glob("*.pkl")):
            for name, parsed in pickle.loads(chunk.read_bytes()):
                article = Article(parsed.text, assemble(parsed, lexicon), name)
                handle.write(json.dumps(article.to_dict()) + "\n")
                for att in article.attributions:
                    s = att.speaker
                    if s is not None and not att.inherited and s.span.text.lower() in ("he", "she"):
                        rows.append((name, s.span.start, s.span.text, s.name or "", s.type.value))
    table = args.out.with_suffix(".speakers.tsv")
    table.write_text("".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    resolved = [r for r in rows if r[3]]
    print(f"he/she speakers: {len(rows)}, resolved to a name: {len(resolved)}; list in {table}")
    print("most frequent names:", ", ".join(f"{n} ({c})" for n, c in Counter(r[3] for r in resolved).most_common(12)))


if __name__ == "__main__":
    main()
