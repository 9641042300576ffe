"""Rule names: one enum, a registry of the cue rules, and JSON values that never change."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from quotes.core.assemble import TEXT_RULES
from quotes.core.attribution import Rule
from quotes.core.rules import CUE_RULES

CORE = Path(__file__).resolve().parents[2] / "quotes" / "core"
JSON_VALUES = {
    "according-to", "raising", "verb-ccomp", "verb-marked-clause", "verb-buried-clause", "verb-xcomp", "verb-object",
    "verb-inverted", "verb-colon", "verb-as-clause", "verb-passive-agent", "verb-parenthetical", "verb-final-clause",
    "verb-right-clause", "verb-orphan-clause", "verb-bare", "verb-preposition", "verb-interrupting",
    "verb-after-question", "noun-clause", "poll-in", "colon-headline", "colon-speaker", "follow-on",
    "unattributed-quote", "learned",
}
"""What the ``rule`` field of the JSON output may say: scripts and saved outputs rely on these strings."""


def test_json_values_stay_the_same() -> None:
    assert {rule.value for rule in Rule} == JSON_VALUES


def test_json_writes_the_plain_string() -> None:
    """The rule is written as its string, by json and by str() (which csv uses)."""
    assert json.dumps({"rule": Rule.VERB_CCOMP}) == '{"rule": "verb-ccomp"}'
    assert str(Rule.VERB_CCOMP) == "verb-ccomp" and type(str(Rule.VERB_CCOMP)) is str
    assert f"{Rule.FOLLOW_ON}" == "follow-on"


def test_every_rule_has_one_home() -> None:
    """Each rule name is produced by exactly one registered cue rule or by the text rules of assemble."""
    homes = [rule.rules for rule in CUE_RULES] + [TEXT_RULES] + [frozenset({Rule.LEARNED})]
    assert sum(len(h) for h in homes) == len(Rule)
    assert frozenset().union(*homes) == set(Rule)


def test_registry_order() -> None:
    """A multi-word phrase is read before its first word could be a verb or a noun; polls come last."""
    assert [rule.name for rule in CUE_RULES] == ["phrase", "raising-verb", "verb", "noun", "poll"]


@pytest.mark.parametrize("path", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_no_rule_name_is_spelled_as_a_bare_string(path: Path) -> None:
    """Code names rules by the enum; a rule's string appears only in the enum itself (docstrings aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    enum_values = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "Rule":
            enum_values = {id(n) for n in ast.walk(node)}
    names = JSON_VALUES - {Rule.LEARNED.value}  # also an ordinary word: the pronoun ranker's "learned" mode
    spelled = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and node.value in names
               and id(node) not in docstrings and id(node) not in enum_values]
    assert not spelled
