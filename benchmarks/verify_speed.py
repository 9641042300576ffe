"""How fast ``quotes verify`` matches: a ~10,000-word transcript against 50 quotes.

Run: python benchmarks/verify_speed.py [--words N] [--quotes N] [--repeat N]
No model is loaded; the article is built by hand, so this times matching only.
The issue's target: well under a second for 10,000 words and 50 quotes.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from quotes.app.verification import Source, Verifier, source_from_text, verify_article
from quotes.core.attribution import Article, Attribution, Content, QuoteKind, Span, Speaker, SpeakerType

_COMMON = (
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they "
    "which one you were her all she there would their we him been has when who will more no if out so said what up "
    "its about into than them can only other new some could time these two may then do first any my now such like "
    "our over man me even most made after also did many before must through back years where much your way well "
    "down should because each just those people how too little state good very make world still own see men work "
    "long get here between both life being under never day same another know while last might us great old year "
    "off come since against go came right used take three states himself few house use during without again place "
    "american around however home small found thought went say part once general high upon school every"
).split()
_SPEAKERS = ("MODERATOR", "SEN. WARREN", "GOV. DESANTIS", "MS. KLOBUCHAR", "MR. BOOKER")


def make_transcript(words: int, rng: random.Random) -> tuple[str, list[list[str]]]:
    """A debate transcript (speaker turns of Zipf-distributed words with rarer invented ones) and its sentences."""
    rare = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(3000)]
    vocabulary = _COMMON + rare
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    lines, sentences, written = [], [], 0
    while written < words:
        turn = []
        for _ in range(rng.randint(2, 6)):
            sentence = rng.choices(vocabulary, weights, k=rng.randint(8, 25))
            sentences.append(sentence)
            turn.append(" ".join(sentence) + rng.choice("..?!"))
            written += len(sentence)
        lines.append(f"{rng.choice(_SPEAKERS)}: " + " ".join(turn))
    return "\n\n".join(lines), sentences


def make_article(sentences: list[list[str]], quotes: int, rng: random.Random) -> Article:
    """An article quoting the transcript's sentences: a third verbatim, a third altered, a third absent."""
    paragraphs, spans = [], []
    offset = 0
    for number in range(quotes):
        sentence = rng.choice(sentences)
        start = rng.randrange(0, len(sentence) - 6)
        quoted = sentence[start : start + rng.randint(6, 25)]
        if number % 3 == 1:
            quoted[rng.randrange(len(quoted))] = "tremendous"
            del quoted[rng.randrange(len(quoted))]
        elif number % 3 == 2:
            quoted = [rng.choice(("zebra", "quasar", "harbour", "velvet", "tangerine", "oboe")) for _ in quoted]
        body = " ".join(quoted)
        paragraph = f"\u201c{body},\u201d Warren said."
        spans.append((offset + 1, offset + 1 + len(body)))
        paragraphs.append(paragraph)
        offset += len(paragraph) + 2
    text = "\n\n".join(paragraphs)
    speaker = Speaker(Span.of(text, 0, 1), "Elizabeth Warren", "Senator", SpeakerType.PERSON)
    attributions = tuple(
        Attribution(Content.of(text, [span]), None, speaker, QuoteKind.DIRECT, Span.of(text, *span), index, "bench")
        for index, span in enumerate(spans)
    )
    return Article(text, attributions, "bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--quotes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(6)
    transcript, sentences = make_transcript(args.words, rng)
    source: Source = source_from_text(transcript, file="transcript.txt")
    article = make_article(sentences, args.quotes, rng)

    index_times, match_times, total_times = [], [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        verifier = Verifier([source])
        indexed = time.perf_counter()
        results = verifier.verify(article)
        matched = time.perf_counter()
        verify_article(article, [source])
        index_times.append(indexed - started)
        match_times.append(matched - indexed)
        total_times.append(time.perf_counter() - matched)
    verdicts = Counter(result.verdict for result in results)
    best_match, best_total = min(match_times), min(total_times)
    print(f"transcript: {len(transcript.split()):,} words, {len(article.attributions)} quotes, best of {args.repeat}")
    print(f"indexing the source:       {min(index_times):.4f} s")
    print(f"matching:                  {best_match:.4f} s  ({len(results) / best_match:,.0f} quotes/s)")
    print(f"verify_article (both):     {best_total:.4f} s  ({len(results) / best_total:,.0f} quotes/s)")
    print("verdicts:", ", ".join(f"{verdict} {count}" for verdict, count in sorted(verdicts.items())))


if __name__ == "__main__":
    main()
