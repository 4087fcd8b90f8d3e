"""Self-checks: a few questions at the end of each step of a path, answered on the page.

The questions live in one data file (docs/_data/self_checks.yml), in both languages, with
the right answer marked once. A step's block appears where its section (`## … { #step }`)
carries the marker `<!-- self-check -->`. The block is plain HTML; the browser script
(assets/javascripts/self-check.js) checks the answers in the page. Nothing is stored or sent,
and without the script the questions and the explanations stay readable.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from typing import Any

from . import LANGUAGES
from .problems import Problem
from .words import WORDS as ALL_WORDS
from .yamlio import Located

MARKER_NAME = "self-check"
DATA_FILE = "docs/_data/self_checks.yml"
MARKER_LINE = re.compile(rf"^ {{0,3}}<!--[ \t]*{MARKER_NAME}[ \t]*-->[ \t]*$", re.MULTILINE)
SECTION = re.compile(r"^##\s+.*?\{[^}]*#([\w-]+)[^}]*\}\s*$", re.MULTILINE)



@dataclass(frozen=True)
class Question:
    text: dict[str, str]
    choices: tuple[dict[str, str], ...]
    correct: int  # index of the right choice
    explanation: dict[str, str]


def _bilingual(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES) and all(
        isinstance(value[lang], str) and value[lang].strip() for lang in LANGUAGES)


def load(located: Located | None) -> tuple[dict[str, list[Question]], list[Problem]]:
    """(questions by step anchor, problems) from the parsed data file."""
    problems: list[Problem] = []

    def err(path: tuple[Any, ...], code: str, message: str) -> None:
        problems.append(Problem(DATA_FILE, located.line(*path) if located else 1, 1, code, message))

    if located is None:
        return {}, problems
    steps = located.data
    if not isinstance(steps, dict) or not steps:
        err((), "SELF001", "the file must map each step's anchor to a list of questions")
        return {}, problems
    out: dict[str, list[Question]] = {}
    for step, questions in steps.items():
        if not isinstance(questions, list) or not questions:
            err((step,), "SELF002", f"step '{step}' needs a list of questions")
            continue
        kept: list[Question] = []
        for index, item in enumerate(questions):
            where = (step, index)
            if not isinstance(item, dict):
                err(where, "SELF002", "a question must be a mapping: question, choices, "
                                      "explanation")
                continue
            for key in item:
                if key not in ("question", "choices", "explanation"):
                    err((*where, key), "SELF002", f"unknown field '{key}' (allowed: question, "
                                                  "choices, explanation)")
            for key in ("question", "explanation"):
                if not _bilingual(item.get(key)):
                    err((*where, key), "SELF003", f"'{key}' needs a text in each language "
                                                  f"({', '.join(LANGUAGES)})")
            choices = item.get("choices")
            if not isinstance(choices, list) or len(choices) < 2:
                err((*where, "choices"), "SELF004", "a question needs at least two choices")
                continue
            right = []
            for number, choice in enumerate(choices):
                extra = set(choice) - {*LANGUAGES, "correct"} if isinstance(choice, dict) else set()
                text = {k: v for k, v in choice.items() if k in LANGUAGES} \
                    if isinstance(choice, dict) else None
                if not _bilingual(text) or extra:
                    err((*where, "choices", number), "SELF003",
                        "a choice needs a text in each language (fr, en), and "
                        "'correct: true' on the right one; nothing else")
                    continue
                if choice.get("correct") is True:
                    right.append(number)
                elif "correct" in choice:
                    err((*where, "choices", number, "correct"), "SELF004",
                        "write 'correct: true' on the right choice only")
            if len(right) != 1:
                err((*where, "choices"), "SELF004",
                    f"exactly one choice must be marked 'correct: true' (found {len(right)})")
                continue
            if _bilingual(item.get("question")) and _bilingual(item.get("explanation")):
                kept.append(Question(dict(item["question"]),
                                     tuple({lang: c[lang] for lang in LANGUAGES} for c in choices),
                                     right[0], dict(item["explanation"])))
        out[str(step)] = kept
    return out, problems


def sections_with_marker(markdown: str) -> list[str]:
    """Anchor of the `##` section around each self-check marker, in order ('' if none)."""
    out = []
    for match in MARKER_LINE.finditer(markdown):
        sections = list(SECTION.finditer(markdown, 0, match.start()))
        out.append(sections[-1].group(1) if sections else "")
    return out


def anchors(steps: dict[str, list[Question]]) -> set[str]:
    """The ids the blocks give their headings."""
    return {f"verifier-{step}" for step in steps}


def block_markdown(step: str, number: int, questions: list[Question], lang: str) -> str:
    """The self-check of step `number` (its anchor is `step`): a heading, then the questions
    as HTML fieldsets."""
    words = ALL_WORDS[lang]["self_check"]
    base = f"sc-{step}"
    script_words = {k: words[k] for k in ("right", "wrong", "missing", "score", "score_one",
                                          "zero_is_one", "cleared")}
    parts = [
        f"### {escape(words['title'].format(number=number))} {{ #verifier-{step} }}\n",
        f'<div class="self-check" data-self-check data-words="'
        f'{escape(json.dumps(script_words, ensure_ascii=False))}">',
        f'<p class="self-check__intro">{escape(words["intro"])}</p>',
    ]
    for index, question in enumerate(questions, 1):
        qid = f"{base}-q{index}"
        parts.append(f'<fieldset class="self-check__question" data-question id="{qid}">')
        parts.append(f"<legend>{index}. {escape(question.text[lang])}</legend>")
        for rank, choice in enumerate(question.choices):
            cid = f"{qid}-{chr(97 + rank)}"
            right = " data-correct" if rank == question.correct else ""
            parts.append(f'<div class="self-check__choice"><input type="radio" name="{qid}" '
                         f'id="{cid}" value="{chr(97 + rank)}"{right}>'
                         f'<label for="{cid}">{escape(choice[lang])}</label></div>')
        answer = question.choices[question.correct][lang].strip()
        answer += "" if answer.endswith((".", "?", "!", "…")) else "."
        colon = "\u00a0:" if lang == "fr" else ":"
        parts.append(f'<p class="self-check__feedback" id="{qid}-feedback" data-feedback></p>')
        parts.append(f'<p class="self-check__explanation" id="{qid}-explanation" data-explanation>'
                     f'<strong>{escape(words["answer"])}{colon}</strong> '
                     f"{escape(answer)} {escape(question.explanation[lang])}</p>")
        parts.append("</fieldset>")
    parts.append(f'<p class="self-check__actions" data-actions hidden>'
                 f'<button type="button" class="md-button md-button--primary" data-check>'
                 f'{escape(words["check"])}</button> '
                 f'<button type="button" class="md-button" data-reset>{escape(words["reset"])}'
                 f"</button></p>")
    parts.append('<p class="self-check__result" role="status" data-result></p>')
    parts.append("</div>")
    return "\n".join(parts) + "\n"
