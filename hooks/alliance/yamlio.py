"""YAML loading that remembers where each value came from, for path:line messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import InputError, Problem

KeyPath = tuple[Any, ...]
# libyaml's parser when PyYAML has it (its wheels do): the same results, much faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Parsed YAML data plus the 1-based line of every mapping key and list item."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    line_offset: int = 0
    # keys written twice in one mapping (YAML keeps the last one silently): YAML002
    problems: list[Problem] = field(default_factory=list)

    def line(self, *path: Any) -> int:
        """Line of the deepest known prefix of `path` (the file's first line if none)."""
        for end in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found + self.line_offset
        return 1 + self.line_offset


def _record(node: yaml.Node, prefix: KeyPath, lines: dict[KeyPath, int],
            duplicates: list[tuple[yaml.Node, int]]) -> None:
    """Note the line of every key and item; collect (key node, first line) of repeated keys."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            if (*prefix, key) in lines:
                duplicates.append((key_node, lines[(*prefix, key)]))
            else:
                lines[(*prefix, key)] = key_node.start_mark.line + 1
            _record(value_node, (*prefix, key), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*prefix, index)] = item.start_mark.line + 1
            _record(item, (*prefix, index), lines, duplicates)


def _unbuildable_scalar(node: yaml.Node | None) -> yaml.ScalarNode | None:
    """The first scalar (in document order) that the safe constructor cannot build."""
    if isinstance(node, yaml.ScalarNode):
        try:
            yaml.constructor.SafeConstructor().construct_object(node)
        except ValueError:
            return node
        except yaml.YAMLError:
            return None
        return None
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    else:
        return None
    for child in children:
        found = _unbuildable_scalar(child)
        if found is not None:
            return found
    return None


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """One parse gives both the nodes (for line numbers) and the data."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def load_located(text: str, rel_path: str, line_offset: int = 0) -> Located:
    """Parse YAML text; a syntax error becomes one InputError naming file and line."""
    try:
        try:
            node, data = _parse(text, LOADER)
        except yaml.MarkedYAMLError:
            # Report the pure-Python parser's wording: clearer, and the same everywhere.
            node, data = _parse(text, yaml.SafeLoader)
    except ValueError as error:  # well-formed, but a value Python cannot build: 2026-02-30
        bad = _unbuildable_scalar(yaml.compose(text, Loader=LOADER))
        if bad is None:  # pragma: no cover - only dates raise ValueError in the safe loader
            raise InputError([Problem(rel_path, 1 + line_offset, 1, "YAML001",
                                      f"a value cannot be read: {error}")]) from None
        what = "date" if bad.tag.endswith(":timestamp") else "value"
        raise InputError(
            [Problem(rel_path, bad.start_mark.line + 1 + line_offset, bad.start_mark.column + 1,
                     "YAML001", f"'{bad.value}' is not a valid {what} ({error})")]
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        reason = error.problem or str(error)
        raise InputError(
            [Problem(rel_path, line, col, "YAML001", f"this is not valid YAML: {reason}")]
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - non-marked errors are rare
        raise InputError(
            [Problem(rel_path, 1 + line_offset, 1, "YAML001", f"this is not valid YAML: {error}")]
        ) from None
    lines: dict[KeyPath, int] = {}
    duplicates: list[tuple[yaml.Node, int]] = []
    if node is not None:
        _record(node, (), lines, duplicates)
    problems = [
        Problem(rel_path, key.start_mark.line + 1 + line_offset, key.start_mark.column + 1,
                "YAML002", f"key '{key.value}' is written twice (lines {first + line_offset} "
                f"and {key.start_mark.line + 1 + line_offset}): YAML would keep the last one "
                "silently; remove one")
        for key, first in duplicates]
    return Located(data, lines, line_offset, problems)


def load_located_file(path: Path, root: Path) -> Located:
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError([Problem(rel, 1, 1, "FILE001", f"cannot read this file: {error}")]) from None
    return load_located(text, rel)
