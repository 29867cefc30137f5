"""Safe YAML reading that keeps line numbers, for error messages that point at the line.

Only plain data is accepted: no tags beyond YAML's core types, no anchors or aliases (they
would let a small file expand into a huge one), no duplicate keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jargonlint.errors import Problem

MAX_GLOSSARY_BYTES = 8 * 1024 * 1024
# libyaml's parser when PyYAML was built with it: 15x faster on the built-in glossaries (0.05 s
# instead of 0.7 s of every `jargonlint check`); same nodes, same line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlMap(dict[str, Any]):
    """A mapping with the 1-based line of itself and of each key."""

    line: int
    key_lines: dict[str, int]


class YamlList(list[Any]):
    """A sequence with the 1-based line of itself and of each item."""

    line: int
    item_lines: list[int]


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, message))

    def convert(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
                return node.value  # YAML 1.2: `NO` (Norway, an acronym) and `on` are words, not booleans
            try:
                return self._constructor.construct_object(node, deep=True)
            except yaml.YAMLError as exc:
                self.problem(node, f"unsupported value: {exc}")
                return None
        if id(node) in self._seen:
            self.problem(node, "YAML anchors and aliases are not allowed in glossaries; write the value out")
            return None
        self._seen.add(id(node))
        if not node.tag.startswith("tag:yaml.org,2002:"):
            self.problem(node, f"unsupported YAML tag {node.tag}")
            return None
        if isinstance(node, yaml.SequenceNode):
            items = YamlList(self.convert(child) for child in node.value)
            items.line = node.start_mark.line + 1
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items
        if isinstance(node, yaml.MappingNode):
            mapping = YamlMap()
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {}
            for key_node, value_node in node.value:
                key = self.convert(key_node)
                if not isinstance(key, (str, int, float, bool)) or key_node.tag == "tag:yaml.org,2002:merge":
                    self.problem(key_node, "keys must be plain words (merge keys '<<' are not allowed)")
                    continue
                key = str(key)
                if key in mapping:
                    self.problem(key_node, f"duplicate key '{key}'")
                    continue
                mapping[key] = self.convert(value_node)
                mapping.key_lines[key] = key_node.start_mark.line + 1
            return mapping
        self.problem(node, "unsupported YAML node")
        return None


def read_yaml(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Parse ``path``; return its data (with line info) and every problem found."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(display, 0, "file not found")]
    except OSError as exc:
        return None, [Problem(display, 0, f"cannot read file: {exc.strerror or exc}")]
    if len(raw) > MAX_GLOSSARY_BYTES:
        return None, [Problem(display, 0, f"file is larger than {MAX_GLOSSARY_BYTES // 1024 // 1024} MiB; split the glossary")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(display, line, "not valid UTF-8; save the glossary as UTF-8")]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return None, [Problem(display, line, f"invalid YAML: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(display, 0, f"invalid YAML: {exc}")]
    if node is None:
        return None, [Problem(display, 0, "the file is empty; a glossary needs at least 'glossary: NAME'")]
    reader = _Reader(display)
    data = reader.convert(node)
    # Structural problems (aliases, tags, duplicate keys) make the data unreliable to validate.
    return (None if reader.problems else data), list(dict.fromkeys(reader.problems))
