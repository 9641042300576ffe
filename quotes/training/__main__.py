"""``python -m quotes.training STAGE --data ../shared/ud --out build/models``.

``python -m quotes.training attribution --parses DIR`` trains the learned attribution model (see
``quotes.training.attribution``). Stanza stages: tokenize, mwt, lemma, pos, depparse, depparse-tune (the parser fine-tuned on
the tagger's predicted tags), ``all`` (in that order), ``bundle``
(copy the final models into the package), ``score`` (end-to-end CoNLL 2018
scores from raw text) and ``speakers`` (the pronoun ranker, on GUM's coreference).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quotes.training import stages
from quotes.training.stages import Layout


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["attribution"]:
        from quotes.training.attribution import main as attribution

        attribution(argv[1:])
        return
    parser = argparse.ArgumentParser(prog="python -m quotes.training", description=__doc__)
    parser.add_argument("stage", choices=["tokenize", "mwt", "lemma", "pos", "depparse", "depparse-tune", "all", "bundle", "score",
                                          "speakers"])
    parser.add_argument("--data", type=Path, default=Path("../shared/ud"), help="UD folder with EWT and GUM")
    parser.add_argument("--out", type=Path, default=Path("build/models"), help="working folder for the run")
    parser.add_argument("--tokenize-steps", type=int, default=6000)
    parser.add_argument("--mwt-epochs", type=int, default=10)
    parser.add_argument("--lemma-epochs", type=int, default=3)
    parser.add_argument("--pos-steps", type=int, default=600)
    parser.add_argument("--depparse-steps", type=int, default=1600)
    parser.add_argument("--tune-steps", type=int, default=1200, help="parser fine-tuning steps on predicted tags")
    parser.add_argument("--no-encoder", action="store_true", help="train pos/depparse without the frozen MiniLM encoder")
    args = parser.parse_args(argv)
    if args.stage == "speakers":
        from quotes.training.coref import train

        train(args.data, log=args.out / "logs" / "speakers.json")
        return
    layout = Layout(data=args.data, out=args.out)
    layout.prepare()
    use_encoder = not args.no_encoder
    todo = [args.stage] if args.stage != "all" else ["tokenize", "mwt", "lemma", "pos", "depparse", "depparse-tune"]
    for stage in todo:
        if stage == "tokenize":
            stages.tokenize(layout, args.tokenize_steps)
        elif stage == "mwt":
            stages.mwt(layout, args.mwt_epochs)
        elif stage == "lemma":
            stages.lemma(layout, args.lemma_epochs)
        elif stage == "pos":
            stages.pos(layout, args.pos_steps, use_encoder)
        elif stage == "depparse":
            stages.depparse(layout, args.depparse_steps, use_encoder)
        elif stage == "depparse-tune":
            stages.depparse_tune(layout, args.tune_steps, use_encoder)
        elif stage == "bundle":
            from quotes.training.bundle import bundle

            bundle(layout)
        elif stage == "score":
            from quotes.training.score import score_all

            score_all(layout)


if __name__ == "__main__":
    main()
