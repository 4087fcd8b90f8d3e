"""Problems reported like a compiler's diagnostics: `path:line:col: CODE message`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one source file. `path` is relative to the repository."""

    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


def format_report(problems: Iterable[Problem]) -> str:
    """All problems, sorted and grouped by file, then a count: every problem at once."""
    unique = sorted(set(problems))
    if not unique:
        return ""
    lines: list[str] = []
    current = None
    for problem in unique:
        if problem.path != current:
            if current is not None:
                lines.append("")
            current = problem.path
        lines.append(str(problem))
    files = len({p.path for p in unique})
    noun = "problem" if len(unique) == 1 else "problems"
    lines.append("")
    lines.append(f"{len(unique)} {noun} in {files} file{'s' if files != 1 else ''}.")
    return "\n".join(lines)


class InputError(Exception):
    """A source file cannot be read at all (malformed YAML, wrong shape).

    Carries the problems so that callers report them like any other.
    """

    def __init__(self, problems: list[Problem]):
        super().__init__(format_report(problems))
        self.problems = problems
