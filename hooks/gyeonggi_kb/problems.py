"""Problems found in the data: values, never exceptions.

Every check yields `Problem`s; callers collect all of them, sort them and
report once, so an editor sees every mistake in one run.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str
    # What kind of problem, for callers that treat kinds differently (a preview keeps
    # building past a placeholder, say): "data" (the default), "placeholder", "link".
    # Not part of equality or order: the same place and message is the same problem.
    kind: str = field(default="data", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised once, after all problems are collected, by callers that must stop."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        files = len({p.path for p in self.problems})
        n = len(self.problems)
        super().__init__(
            f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        )

    def report(self) -> str:
        return "\n".join([*(str(p) for p in self.problems), str(self)])


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a known value is close to `value`, else ''."""
    hint = difflib.get_close_matches(str(value), sorted(known), n=1, cutoff=0.75)
    return f"; did you mean '{hint[0]}'?" if hint else ""
