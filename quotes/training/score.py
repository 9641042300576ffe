"""End-to-end scores of the bundled pipeline from raw text, with the CoNLL 2018 scorer (udtools' udeval).

Raw text is rebuilt from each gold CoNLL-U file, parsed by the full pipeline
(tokenize → mwt → pos → lemma → depparse) and compared with the gold file, so
tokenisation and sentence-splitting errors count, as in the shared task.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

from stanza.utils.conll import CoNLL
from stanza.utils.datasets.conllu_to_text import convert_text
from udtools import udeval

from quotes.parsing.pipeline import BUNDLED_DIR, build_stanza
from quotes.training import data as ud
from quotes.training.stages import Layout

METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")


def score_file(nlp: object, gold: Path, work: Path) -> dict[str, float]:
    """CoNLL 2018 F1 (×100) of the pipeline on the raw text of one gold file."""
    raw = work / f"{gold.stem}.raw.txt"
    convert_text(str(gold), str(raw))
    text = raw.read_text(encoding="utf-8")
    doc = nlp(text)  # type: ignore[operator]
    for sentence in doc.sentences:
        for token in sentence.tokens:
            # Stanza writes <UNK> for very long tokens (URLs); the scorer needs the characters back.
            if token.text == "<UNK>":
                token.text = text[token.start_char : token.end_char]
                if len(token.words) == 1:
                    token.words[0].text = token.text
    system = work / f"{gold.stem}.pred.conllu"
    CoNLL.write_doc2conll(doc, str(system))
    gold_ud = udeval.load_conllu_file(str(gold))
    with system.open(encoding="utf-8") as fh:
        system_ud = udeval.load_conllu(io.StringIO(fh.read()), str(system), {})
    result = udeval.evaluate(gold_ud, system_ud)
    return {m: round(100 * result[m].f1, 2) for m in METRICS}


def score_all(layout: Layout) -> dict[str, dict[str, float]]:
    """Score on EWT and GUM dev and test; store the figures in the bundled manifest."""
    nlp = build_stanza()
    work = layout.out / "scores"
    work.mkdir(parents=True, exist_ok=True)
    scores: dict[str, dict[str, float]] = {}
    for treebank in ud.TREEBANKS:
        for split in ("dev", "test"):
            started = time.perf_counter()
            scores[f"{treebank}-{split}"] = score_file(nlp, ud.ud_file(layout.data, treebank, split), work)
            print(f"{treebank}-{split}: {scores[f'{treebank}-{split}']} ({time.perf_counter() - started:.0f} s)")
    manifest_path = BUNDLED_DIR / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest["scores"] = scores
    manifest["scored_with"] = "CoNLL 2018 shared task scorer (udtools.udeval), end to end from raw text"
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    return scores
