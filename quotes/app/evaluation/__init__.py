"""Measure quote attribution against human gold annotations (brat standoff, e.g. PolNeAR)."""

from quotes.app.evaluation.brat import GoldCorpus, GoldDocument, GoldError, Relation, load_gold, parse_ann
from quotes.app.evaluation.scoring import Evaluation, Scores, evaluate, relations_from_article, score_document

__all__ = [
    "Evaluation",
    "GoldCorpus",
    "GoldDocument",
    "GoldError",
    "Relation",
    "Scores",
    "evaluate",
    "load_gold",
    "parse_ann",
    "relations_from_article",
    "score_document",
]
