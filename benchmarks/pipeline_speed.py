"""Speed and memory of the bundled Stanza pipeline (issue: bundled models).

Prints model load seconds, tokens/s for the whole pipeline (tokenize → mwt →
pos → lemma → depparse) over a sample of raw text (the median of ``--repeat``
runs: single runs on this machine vary by ±10 %), the share of time each
processor takes (measured in the same run), peak RSS, and a baseline measured
just before in a fresh process: the same models and text through Stanza's own
inference code, so the ratio between the two does not drift with the machine.

    python benchmarks/pipeline_speed.py [--data ../shared/ud] [--tokens 20000]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sample_text(data: Path, tokens: int) -> str:
    """Raw text of the first sentences of EWT test (or the corpora/ texts without the UD data)."""
    gold = data / "UD_English-EWT" / "en_ewt-ud-test.conllu"
    if not gold.exists():
        return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt")))
    lines, count = [], 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            lines.append(line[len("# text = "):])
        elif line and line[0].isdigit() and "-" not in line.split("\t")[0]:
            count += 1
        if count >= tokens:
            break
    return "\n\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "ud")
    parser.add_argument("--tokens", type=int, default=20000)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the median is reported (default 3)")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the same-run baseline (Stanza's own inference code on the same models)")
    parser.add_argument("--stanza-inference", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    text = sample_text(args.data, args.tokens)
    if args.stanza_inference:
        from quotes.parsing.pipeline import build_stanza

        runs, words, _ = _timed_runs(build_stanza(stanza_inference=True), text, args.repeat)
        print(json.dumps({"words": words, "seconds": runs}))
        return
    baseline = None if args.no_baseline else _baseline(args)
    started = time.perf_counter()
    from quotes.parsing.pipeline import build_stanza

    nlp = build_stanza()
    load = time.perf_counter() - started
    runs, words, doc = _timed_runs(nlp, text, args.repeat)
    total = statistics.median(runs)
    shares = _processor_shares(nlp, text)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load:        {load:.2f} s (imports included)")
    print(f"text:              {words:,} words in {len(doc.sentences):,} sentences")
    print(f"pipeline:          {total:.2f} s  →  {words / total:,.0f} tokens/s  (target 2,000: ratio {words / total / 2000:.2f}; "
          f"median of {len(runs)} runs: {', '.join(f'{words / r:,.0f}' for r in runs)} tokens/s)")
    if baseline is not None:
        stock = baseline["words"] / statistics.median(baseline["seconds"])
        print(f"baseline:          {stock:,.0f} tokens/s with Stanza's own inference code on the same models and text "
              f"(measured just before, in a subprocess)  →  ratio {words / total / stock:.2f}")
    timed = sum(shares.values())
    for name, seconds in shares.items():
        print(f"  {name:<9} {seconds:6.2f} s  {100 * seconds / timed:5.1f} %")
    print(f"peak RSS:          {rss_mb:,.0f} MB")


def _timed_runs(nlp: Any, text: str, repeat: int) -> tuple[list[float], int, Any]:
    """Seconds per run of the whole pipeline over ``text`` (each with a cleared encoder cache), words, last doc."""
    from quotes.parsing.speedups import encoder_cache

    nlp("Warm up the pipeline once.")
    cache = encoder_cache.installed()
    runs, doc = [], None
    for _ in range(max(1, repeat)):
        if cache is not None:
            cache.clear()  # every run encodes its sentences afresh, as a new text would
        started = time.perf_counter()
        doc = nlp(text)
        runs.append(time.perf_counter() - started)
    return runs, sum(len(s.words) for s in doc.sentences), doc


def _processor_shares(nlp: Any, text: str) -> dict[str, float]:
    """Seconds each processor takes on ``text`` given the output of those before it."""
    import stanza

    from quotes.parsing.speedups import encoder_cache

    cache = encoder_cache.installed()
    shares = {}
    for name, processor in nlp.processors.items():
        if cache is not None:
            cache.clear()  # each probe pays for the encoder once, as the pipeline run did
        probe = stanza.Document([], text=text)
        for earlier, proc in nlp.processors.items():
            if earlier == name:
                break
            probe = proc.process(probe)
        t0 = time.perf_counter()
        processor.process(probe)
        shares[name] = time.perf_counter() - t0
    return shares


def _baseline(args: argparse.Namespace) -> dict[str, Any] | None:
    """Stanza's own inference code on the same models and text, timed in a fresh process (its memory stays apart)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--stanza-inference", "--data", str(args.data),
               "--tokens", str(args.tokens), "--repeat", str(args.repeat)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"baseline:          not measured ({done.stderr.strip().splitlines()[-1:] or done.returncode})")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
