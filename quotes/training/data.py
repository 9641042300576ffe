"""Turn the UD English treebanks into the files each Stanza trainer reads.

Training uses EWT + the permissive GUM subset together (more news-like text than
EWT alone); EWT dev drives early stopping, and every model is scored on the dev
and test sets of both treebanks.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from stanza.utils.datasets import prepare_tokenizer_data
from stanza.utils.datasets.conllu_to_text import convert_text

TREEBANKS = {"ewt": "UD_English-EWT/en_ewt-ud-{split}.conllu", "gum": "UD_English-GUM/en_gum-ud-{split}.conllu"}
SPLITS = ("train", "dev", "test")


def ud_file(data: Path, treebank: str, split: str) -> Path:
    """Path of one split of one treebank under the UD data folder."""
    return data / TREEBANKS[treebank].format(split=split)


def combined_train(data: Path, work: Path) -> Path:
    """EWT train followed by GUM train, as one CoNLL-U file."""
    out = work / "en_combined.train.conllu"
    if not out.exists():
        with out.open("w", encoding="utf-8") as fh:
            for tb in TREEBANKS:
                text = ud_file(data, tb, "train").read_text(encoding="utf-8")
                fh.write(text.rstrip("\n") + "\n\n")
    return out


def tokenizer_files(conllu: Path, work: Path, name: str) -> dict[str, Path]:
    """Raw text, character labels and MWT expansions for the tokenizer trainer."""
    txt = work / f"{name}.txt"
    labels = work / f"{name}.toklabels"
    mwt = work / f"{name}.mwt.json"
    if not labels.exists():
        convert_text(str(conllu), str(txt))
        with contextlib.redirect_stdout(io.StringIO()):
            prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
    return {"txt": txt, "labels": labels, "mwt": mwt, "conllu": conllu}


def distinct_lemma_triples(conllu: Path, out: Path) -> Path:
    """One pseudo-sentence per distinct (form, upos, lemma) triple.

    The lemmatizer looks at one word at a time, so repeated tokens only slow an
    epoch down (7,700 steps → ~1,200) without teaching it anything new.
    """
    if out.exists():
        return out
    seen: set[tuple[str, str, str]] = set()
    lines: list[str] = []
    for line in conllu.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue
        key = (cols[1], cols[3], cols[2])
        if key in seen:
            continue
        seen.add(key)
        lines.append("\t".join(["1", cols[1], cols[2], cols[3], cols[4], cols[5], "0", "root", "_", "_"]) + "\n")
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return out
