"""The Rich report: a who-said-what table, a by-speaker summary and the highlighted article."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quotes.core.attribution import Article, Attribution, QuoteKind

KIND_STYLE = {QuoteKind.DIRECT: "bold green", QuoteKind.MIXED: "yellow", QuoteKind.INDIRECT: "cyan"}
SPEAKER_STYLE = "bold magenta"
CUE_STYLE = "bold blue"
CONTENT_STYLE = "green"
MAX_QUOTE_CHARS = 400


def speaker_cell(att: Attribution) -> Text:
    """Mention as written, then the resolved name, role and type when they add something."""
    if att.speaker is None:
        return Text("—", style="dim")
    sp = att.speaker
    cell = Text(sp.span.text, style=SPEAKER_STYLE)
    if sp.name and sp.name != sp.span.text:
        cell.append(f"\n→ {sp.name}", style="magenta")
    details = [d for d in (sp.role if sp.role and sp.role not in sp.span.text else None, sp.type.value) if d]
    cell.append("\n" + ", ".join(details), style="dim")
    if att.inherited:
        cell.append("\n(follow-on)", style="dim italic")
    return cell


def attribution_table(article: Article) -> Table:
    """One row per attribution: speaker, cue, content, kind."""
    title = f"Who said what — {article.document}" if article.document else "Who said what"
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Speaker", ratio=2)
    table.add_column("Cue", style=CUE_STYLE, ratio=1)
    table.add_column("Content", ratio=6)
    table.add_column("Kind", no_wrap=True)
    for number, att in enumerate(article.attributions, 1):
        quote = att.content.quote
        if len(quote) > MAX_QUOTE_CHARS:
            quote = quote[:MAX_QUOTE_CHARS] + " …"
        table.add_row(str(number), speaker_cell(att), att.cue.span.text if att.cue else Text("—", style="dim"),
                      quote, Text(att.kind.value, style=KIND_STYLE[att.kind]))
    return table


def speaker_summary(article: Article) -> Table:
    """How many attributions each resolved speaker has, by kind."""
    table = Table(title="By speaker", expand=False)
    table.add_column("Speaker", style=SPEAKER_STYLE)
    table.add_column("Type")
    for kind in QuoteKind:
        table.add_column(kind.value, justify="right")
    table.add_column("total", justify="right", style="bold")
    for name, atts in article.speakers().items():
        kinds = [sum(1 for a in atts if a.kind is kind) for kind in QuoteKind]
        sp_type = atts[0].speaker.type.value if atts[0].speaker else "—"
        table.add_row(name, sp_type, *(str(k) for k in kinds), str(len(atts)))
    return table


def highlighted_text(article: Article) -> Text:
    """The article with contents, cues and speakers highlighted in colour."""
    text = Text(article.text)
    for att in article.attributions:
        for span in att.content.spans:
            text.stylize(KIND_STYLE[att.kind].replace("bold ", ""), span.start, span.end)
    for att in article.attributions:
        if att.cue:
            text.stylize(CUE_STYLE + " underline", att.cue.span.start, att.cue.span.end)
        if att.speaker:
            text.stylize(SPEAKER_STYLE + " reverse", att.speaker.span.start, att.speaker.span.end)
    return text


def render_report(article: Article, *, show_text: bool = False) -> RenderableType:
    """Everything the terminal report shows for one article."""
    parts: list[RenderableType] = []
    if not article.attributions:
        parts.append(Text(f"No attributions found{' in ' + article.document if article.document else ''}.", style="yellow"))
    else:
        parts.append(attribution_table(article))
        parts.append(speaker_summary(article))
    if show_text:
        legend = Text.assemble(("speaker", SPEAKER_STYLE + " reverse"), "  ", ("cue", CUE_STYLE + " underline"), "  ",
                               *[part for kind in QuoteKind for part in ((kind.value, KIND_STYLE[kind]), "  ")])
        parts.append(Panel(highlighted_text(article), title="Article", subtitle=legend))
    return Group(*parts)


def print_report(console: Console, article: Article, *, show_text: bool = False) -> None:
    console.print(render_report(article, show_text=show_text))
