"""`quotes parse --format table`: one Rich table per sentence, with heads, relations and character offsets."""

from __future__ import annotations

from rich.table import Table

from quotes.core.parsed import ParsedDoc

COLUMNS = ("id", "word", "lemma", "upos", "head", "deprel", "chars")


def sentence_tables(parsed: ParsedDoc) -> list[Table]:
    """A table per sentence, titled with the sentence's text."""
    tables = []
    for sent in parsed.sentences:
        table = Table(title=" ".join(parsed.text[sent.start : sent.end].split()), title_justify="left", expand=False)
        for column in COLUMNS:
            table.add_column(column)
        for w in sent.words:
            head = sent.word(w.head)
            table.add_row(str(w.id), w.text, w.lemma, w.upos, f"{w.head} {head.text if head else 'ROOT'}", w.deprel,
                          f"{w.start}-{w.end}")
        tables.append(table)
    return tables
