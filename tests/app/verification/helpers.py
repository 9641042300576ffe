"""Hand-built articles for the verification tests: attributions located by substring, so no model loads."""

from __future__ import annotations

from collections.abc import Callable

from quotes.core.attribution import Article, Attribution, Content, Cue, QuoteKind, Span, Speaker, SpeakerType

MakeArticle = Callable[..., Article]


def build_attribution(
    text: str,
    content: str | tuple[str, ...],
    *,
    kind: QuoteKind = QuoteKind.DIRECT,
    speaker: str | None = None,
    name: str | None = None,
    cue: str = "said",
    after: int = 0,
) -> Attribution:
    """An attribution whose content is the first occurrence of ``content`` (or its pieces) from offset ``after``.

    The speaker and cue are their first occurrences from ``after`` too, so one text can hold several.
    """
    pieces = (content,) if isinstance(content, str) else content
    offsets, cursor = [], after
    for piece in pieces:
        start = text.index(piece, cursor)
        offsets.append((start, start + len(piece)))
        cursor = start + len(piece)
    who = None
    if speaker is not None:
        at = text.index(speaker, after)
        who = Speaker(Span.of(text, at, at + len(speaker)), name, None, SpeakerType.PERSON)
    at = text.find(cue, after)
    said = Cue(Span.of(text, at, at + len(cue)), "say") if at >= 0 else None
    return Attribution(Content.of(text, offsets), said, who, kind, Span.of(text, 0, len(text)), 0, "test")


def build_article(
    text: str,
    content: str | tuple[str, ...],
    *,
    kind: QuoteKind = QuoteKind.DIRECT,
    speaker: str | None = None,
    name: str | None = None,
    cue: str = "said",
) -> Article:
    """An article with one attribution whose content is the first occurrence of ``content`` (or its pieces)."""
    attribution = build_attribution(text, content, kind=kind, speaker=speaker, name=name, cue=cue)
    return Article(text, (attribution,), "article.txt")
