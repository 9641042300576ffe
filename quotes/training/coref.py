"""The pronoun ranker: GUM's coreference annotation read into ``ParsedDoc``s, scored, and learned.

GUM's MISC column marks every entity mention: ``Entity=(12-person-...`` opens
mention 12 at a word, ``12)`` closes it, ``(12-person-...)`` is a one-word
mention. A pronoun's choice is right when the word it picked lies (as the head
of the smallest gold mention around it) in the pronoun's own gold chain.

``python -m quotes.training speakers`` trains the logistic ranker on GUM train
(seeded, plain gradient descent on the pair features of ``quotes.core.referents``),
picks the L2 strength on GUM dev, reports GUM test for the rule-only and learned
choices, and writes ``quotes/data/pronoun_ranker.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import numpy as np

from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc, Sentence, Word
from quotes.core.referents import FEATURES, FEMININE, MASCULINE, NEUTER, RANKER, THIRD_PERSON, Coreference, Mode, Ranker

SEED = 20
L2_GRID = (0.0, 0.001, 0.01, 0.1)
"""Regularisation strengths tried; dev accuracy picks one."""
EPOCHS = 400
LEARNING_RATE = 0.5
_ENTITY = re.compile(r"\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\d+\)|$)|(\d+)\)")


@attrs.frozen
class GoldDoc:
    """One GUM document: its parse and, per word index, the gold entity of the smallest mention holding it."""

    name: str
    genre: str
    doc: ParsedDoc
    entity: dict[int, int]
    """Word index → entity id of the innermost gold mention containing the word."""
    pronoun_entity: dict[int, int]
    """Word index of a one-word pronoun mention → its entity id."""


def read_gum(path: Path) -> Iterator[GoldDoc]:
    """The documents of a GUM .conllu file, with text rebuilt from forms and SpaceAfter."""
    name = genre = ""
    text: list[str] = []
    sentences: list[Sentence] = []
    entity: dict[int, int] = {}
    pronouns: dict[int, int] = {}
    words: list[Word] = []
    open_stack: list[tuple[int, int]] = []
    offset = index = 0

    def flush() -> GoldDoc | None:
        if not sentences:
            return None
        return GoldDoc(name, genre, ParsedDoc("".join(text), tuple(sentences)), dict(entity), dict(pronouns))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            done = flush()
            if done is not None:
                yield done
            name = line.split("=", 1)[1].strip()
            genre = name.split("_")[1] if "_" in name else ""
            text, sentences, entity, pronouns, open_stack = [], [], {}, {}, []
            offset = index = 0
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sentences.append(Sentence(len(sentences), tuple(words), words[0].start, words[-1].end))
                text.append("\n")
                offset += 1
                words = []
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form = cols[1]
        words.append(Word(index=index, sentence=len(sentences), id=int(cols[0]), text=form, lemma=cols[2],
                          upos=cols[3], xpos=cols[4], feats=cols[5], head=int(cols[6]), deprel=cols[7],
                          start=offset, end=offset + len(form)))
        text.append(form)
        offset += len(form)
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        if misc.get("SpaceAfter") != "No":
            text.append(" ")
            offset += 1
        closes_here: list[int] = []
        for match in _ENTITY.finditer(misc.get("Entity", "")):
            if match.group(1):
                open_stack.append((int(match.group(1)), index))
                if match.group(3):
                    closes_here.append(int(match.group(1)))
            else:
                closes_here.append(int(match.group(4)))
        for ent in open_stack:
            entity[index] = ent[0]
        for ent_id in closes_here:
            for i in range(len(open_stack) - 1, -1, -1):
                if open_stack[i][0] == ent_id:
                    start = open_stack.pop(i)[1]
                    if start == index and form.lower() in THIRD_PERSON:
                        pronouns[index] = ent_id
                    break
        index += 1
    if words:
        sentences.append(Sentence(len(sentences), tuple(words), words[0].start, words[-1].end))
    done = flush()
    if done is not None:
        yield done


@attrs.frozen
class Example:
    """One pronoun with a gold antecedent among its candidates: features per candidate and which are right."""

    rows: np.ndarray
    right: np.ndarray
    cue_subject: bool
    """The pronoun is the subject of a cue verb ("he said"), the case speaker attribution needs."""


def _group(form: str) -> str:
    lowered = form.lower()
    return "he/she" if lowered in MASCULINE | FEMININE else "it" if lowered in NEUTER else "they"


def examples(gold: GoldDoc, lexicon: Lexicon, mode: Mode = "rule",
             ranker: Ranker | None = None) -> tuple[list[Example], list[tuple[bool, bool, str]]]:
    """Training examples, and (correct, cue subject, pronoun group) per evaluated pronoun under the given choice.

    Evaluated: third-person pronouns whose gold entity was mentioned before.
    A pronoun with no agreeing candidate counts as wrong.
    """
    coref = Coreference(gold.doc, lexicon, mode=mode, ranker=ranker)
    first_seen: dict[int, int] = {}
    for i in sorted(gold.entity):
        first_seen.setdefault(gold.entity[i], i)
    out: list[Example] = []
    scored: list[tuple[bool, bool, str]] = []
    for choice in coref.choices:
        pronoun = choice.pronoun
        ent = gold.pronoun_entity.get(pronoun.index)
        if ent is None or first_seen.get(ent, pronoun.index) >= pronoun.index:
            continue
        sentence = gold.doc.sentences[pronoun.sentence]
        head = sentence.head_of(pronoun)
        cue = (pronoun.rel == "nsubj" and head is not None
               and lexicon.verb_lemma(head.lemma, head.text) in lexicon.verbs)
        right = np.array([gold.entity.get(r.word.index) == ent for r in choice.candidates], dtype=bool)
        chosen = coref.antecedent.get(pronoun.index)
        scored.append((chosen is not None and gold.entity.get(chosen.word.index) == ent, cue, _group(pronoun.text)))
        if right.any() and len(right) > 1:
            out.append(Example(np.array(choice.rows, dtype=float), right, cue))
    return out, scored


def _fit(train: list[Example], l2: float) -> np.ndarray:
    """Logistic regression on candidate pairs (right vs wrong), full-batch gradient descent from zero."""
    x = np.vstack([e.rows for e in train])
    y = np.concatenate([e.right for e in train]).astype(float)
    scale = np.abs(x).max(axis=0)
    scale[scale == 0] = 1.0
    xs = x / scale
    rng = np.random.default_rng(SEED)
    w = rng.normal(0, 0.01, xs.shape[1])
    for _ in range(EPOCHS):
        p = 1 / (1 + np.exp(-xs @ w))
        grad = xs.T @ (p - y) / len(y) + l2 * w
        w -= LEARNING_RATE * grad
    return np.asarray(w / scale)


def accuracy(scored: list[tuple[bool, bool, str]]) -> dict[str, float | int]:
    """Accuracy over all pronouns, over cue-verb subjects, and per pronoun group (he/she, it, they)."""
    cue = [ok for ok, c, _ in scored if c]
    out: dict[str, float | int] = {
        "pronouns": len(scored), "accuracy": sum(ok for ok, _, _ in scored) / max(1, len(scored)),
        "cue_subjects": len(cue), "cue_accuracy": sum(cue) / max(1, len(cue)),
    }
    for group in ("he/she", "it", "they"):
        oks = [ok for ok, _, g in scored if g == group]
        out[f"{group} pronouns"] = len(oks)
        out[f"{group} accuracy"] = sum(oks) / max(1, len(oks))
    return out


def _score_split(docs: list[GoldDoc], lexicon: Lexicon, mode: Mode, ranker: Ranker | None) -> dict[str, float | int]:
    scored: list[tuple[bool, bool, str]] = []
    for gold in docs:
        scored += examples(gold, lexicon, mode, ranker)[1]
    return accuracy(scored)


def gum(data: Path, split: str) -> list[GoldDoc]:
    return list(read_gum(data / "UD_English-GUM" / f"en_gum-ud-{split}.conllu"))


def train(data: Path, out: Path = RANKER, log: Path | None = None) -> dict[str, object]:
    """Train on GUM train, select L2 on GUM dev, report GUM test; write the weights and a JSON log."""
    lexicon = Lexicon.default()
    splits = {split: gum(data, split) for split in ("train", "dev", "test")}
    train_examples = [e for g in splits["train"] for e in examples(g, lexicon)[0]]
    best: tuple[float, float, np.ndarray] | None = None
    dev_scores = {}
    for l2 in L2_GRID:
        w = _fit(train_examples, l2)
        ranker = Ranker(tuple(float(v) for v in w))
        dev = _score_split(splits["dev"], lexicon, "learned", ranker)
        dev_scores[str(l2)] = dev
        print(f"[speakers] l2={l2}: GUM dev accuracy {dev['accuracy']:.3f}, cue subjects {dev['cue_accuracy']:.3f}")
        if best is None or float(dev["accuracy"]) > best[0]:
            best = (float(dev["accuracy"]), l2, w)
    assert best is not None
    ranker = Ranker(tuple(float(v) for v in best[2]))
    report = {
        "config": {"seed": SEED, "l2_grid": list(L2_GRID), "l2": best[1], "epochs": EPOCHS,
                   "learning_rate": LEARNING_RATE, "train_pronouns": len(train_examples)},
        "dev": dev_scores,
        "test": {"rule": _score_split(splits["test"], lexicon, "rule", None),
                 "learned": _score_split(splits["test"], lexicon, "learned", ranker)},
    }
    out.write_text(json.dumps({"features": list(FEATURES), "weights": [round(float(v), 6) for v in best[2]],
                               "trained": report["config"]}, indent=1) + "\n", encoding="utf-8")
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report["test"], indent=2))
    return report
