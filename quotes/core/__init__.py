"""The core: the data model, the lexicon, quotation marks, the rules over the parse and the speakers.

Nothing here imports stanza, torch or transformers: it works on ``ParsedDoc``.
"""
