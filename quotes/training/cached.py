"""``python -m quotes.training.cached MODULE ARGS...``: run a Stanza trainer with the encoder cache installed.

The frozen MiniLM encoder took more than half of every tagger step and made a
parser step ~4× slower, recomputing the same vectors for the same training
sentences each epoch; with the cache each sentence is encoded once.
"""

from __future__ import annotations

import runpy
import sys

from quotes.parsing.speedups.encoder_cache import install


def main() -> None:
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    install(limit=None)
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
