"""Parsing: the only code that imports stanza, torch or transformers; it hands the rest a ``ParsedDoc``."""
