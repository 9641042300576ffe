"""Reporters: turn ``Article`` objects into a Rich table, highlighted text, HTML, JSON, JSONL or CSV."""
