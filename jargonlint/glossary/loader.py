"""Finding and loading glossary files, following ``extends``, into one ``GlossarySet``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from jargonlint.errors import GlossaryError, Problem
from jargonlint.glossary.model import Glossary, GlossarySet
from jargonlint.glossary.schema import validate_glossary
from jargonlint.glossary.yamlsource import read_yaml

BUILTIN_PREFIX = "builtin:"
DEFAULT_BUILTIN = "builtin:core"


def builtin_root() -> Path:
    """The folder of the built-in glossaries inside the installed package."""
    return Path(str(resources.files("jargonlint.glossaries")))


def builtin_names() -> list[str]:
    """Names usable as ``builtin:NAME`` (``core``, ``fr``, ``fr/canned``, ``examples/...``)."""
    root = builtin_root()
    return sorted(p.relative_to(root).with_suffix("").as_posix() for p in root.rglob("*.yaml"))


def _display(path: Path) -> str:
    """Relative to the current folder when inside it, else absolute."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


class _Resolver:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.ordered: list[Glossary] = []
        self._done: set[Path] = set()
        self._stack: list[Path] = []

    def locate(self, spec: str, relative_to: Path | None) -> tuple[Path, str] | None:
        if spec.startswith(BUILTIN_PREFIX):
            name = spec[len(BUILTIN_PREFIX) :].strip().removesuffix(".yaml")
            root = builtin_root()
            path = (root / f"{name}.yaml").resolve()
            if ".." in Path(name).parts or not path.is_file():
                known = ", ".join(n for n in builtin_names() if "/" not in n)
                raise LookupError(f"no built-in glossary '{name}' (built-ins: {known})")
            return path, f"{BUILTIN_PREFIX}{name}"
        path = Path(os.path.expanduser(spec))
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        path = path.resolve()
        root = builtin_root().resolve()
        if path.is_relative_to(root):  # a built-in extending another: name it the same way
            return path, f"{BUILTIN_PREFIX}{path.relative_to(root).with_suffix('').as_posix()}"
        return path, _display(path)

    def load(self, spec: str, relative_to: Path | None, origin: Problem | None) -> None:
        try:
            located = self.locate(spec, relative_to)
        except LookupError as exc:
            self.problems.append(Problem(origin.path, origin.line, str(exc)) if origin else Problem(spec, 0, str(exc)))
            return
        assert located is not None
        path, display = located
        if path in self._stack:
            cycle = " -> ".join(_display(p) for p in [*self._stack[self._stack.index(path) :], path])
            self.problems.append(
                Problem(origin.path if origin else display, origin.line if origin else 0, f"'extends' makes a cycle: {cycle}")
            )
            return
        if path in self._done:
            return
        if origin is not None and not path.is_file():
            self.problems.append(Problem(origin.path, origin.line, f"extends: cannot find '{spec}' (looked for {path})"))
            return
        data, problems = read_yaml(path, display)
        self.problems.extend(problems)
        if data is None:
            return
        glossary, problems = validate_glossary(data, display)
        self.problems.extend(problems)
        if glossary is None:
            return
        self._stack.append(path)
        extends_line = data.key_lines.get("extends", 1)
        for parent in glossary.extends:
            self.load(parent, path.parent, Problem(display, extends_line, ""))
        self._stack.pop()
        self._done.add(path)
        self.ordered.append(glossary)


def load_glossaries(sources: Sequence[str | os.PathLike[str]] = (), *, builtin: bool = True) -> GlossarySet:
    """Load glossary files (paths or ``builtin:NAME``) and everything they extend.

    Built-in glossaries come first when ``builtin`` is true, so an organisation's entries
    override them. Raises ``GlossaryError`` listing every problem in every file.
    """
    resolver = _Resolver()
    specs = ([DEFAULT_BUILTIN] if builtin else []) + [os.fspath(s) for s in sources]
    for spec in specs:
        resolver.load(spec, None, None)
    if resolver.problems:
        raise GlossaryError(resolver.problems)
    return GlossarySet.merge(tuple(resolver.ordered))
