"""Write quotes' JSONL for cached parses without loading Stanza, for ``quotes evaluate --predictions``.

    python scripts/predict_cached.py --parses ../cache/parses/dev --method learned --out dev.jsonl
    quotes evaluate ../shared/polnear/dev --predictions dev.jsonl

``--model`` scores a trained model that is not bundled yet (``build/attribution/attribution.pt``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

from quotes.core.assemble import assemble
from quotes.core.attribution import Article
from quotes.core.learned.attributor import LearnedAttributor
from quotes.core.learned.linking import Linker
from quotes.core.lexicon import Lexicon


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parses", type=Path, required=True, help="folder of pickles from scripts/parse_cache.py")
    parser.add_argument("--method", choices=["learned", "rules"], default="learned")
    parser.add_argument("--model", type=Path, default=None, help="attribution.pt to use (default: the bundled one)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    lexicon = Lexicon.default()
    learned = None
    if args.method == "learned":
        from quotes.parsing.attribution_tagger import load_bundled

        tagger, record = load_bundled(args.model)
        learned = LearnedAttributor(tagger, Linker.from_dict(record["linker"]), rule_features=record["rule_features"])
    with args.out.open("w", encoding="utf-8") as out:
        for path in sorted(args.parses.glob("*.pkl")):
            for name, parsed in pickle.loads(path.read_bytes()):
                rules = assemble(parsed, lexicon)
                found = rules if learned is None else learned.attribute(parsed, lexicon, rules)
                out.write(json.dumps(Article(parsed.text, found, name).to_dict(), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
