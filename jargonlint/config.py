"""Configuration: discovery (``.jargonlint.toml``, ``jargonlint.toml``, ``pyproject.toml``)
and validation into one immutable ``Settings``."""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from jargonlint.errors import ConfigError, Problem
from jargonlint.finding import Severity
from jargonlint.language.codes import is_known_language, normalize_language

CONFIG_FILES = (".jargonlint.toml", "jargonlint.toml", "pyproject.toml")
SETTINGS_KEYS = ("glossaries", "builtin", "languages", "default-language", "fail-on", "exclude", "extend-exclude", "disable", "overrides")
OVERRIDE_KEYS = ("files", "lang", "disable", "format")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "dist",
    "*.egg-info",
    "site-packages",
)


@dataclass(frozen=True, slots=True)
class Override:
    """Settings for files matching ``files`` (globs relative to the config's folder)."""

    files: tuple[str, ...]
    lang: str | None = None
    disable: frozenset[str] = frozenset()
    format: str | None = None  # input format name, as for --format-in (None: by extension)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that decides how files are linted, resolved once."""

    glossaries: tuple[str, ...] = ()
    builtin: bool = True
    languages: tuple[str, ...] = ()
    default_language: str = "en"
    fail_on: Severity = Severity.WARNING
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    disable: frozenset[str] = frozenset()
    overrides: tuple[Override, ...] = ()
    inline_ignores: bool = True
    report_unused_ignores: bool = False
    root: Path = field(default_factory=Path.cwd)
    path: Path | None = None

    def _relative(self, path: str | os.PathLike[str]) -> str:
        absolute = Path(path).absolute()
        try:
            return absolute.relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def overrides_for(self, path: str | os.PathLike[str] | None) -> tuple[Override, ...]:
        """The overrides whose globs match ``path``, in order."""
        if path is None or not self.overrides:
            return ()
        relative = self._relative(path)
        return tuple(o for o in self.overrides if any(matches_glob(relative, g) for g in o.files))

    def is_excluded(self, path: str | os.PathLike[str]) -> bool:
        """True if ``path`` or one of its folders matches an ``exclude`` pattern."""
        relative = self._relative(path)
        return any(matches_glob(relative, pattern) for pattern in self.exclude)


def matches_glob(relative_path: str, pattern: str) -> bool:
    """gitignore-like: a pattern without '/' matches any path component; with '/', the path."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in PurePosixPath(relative_path).parts)
    pattern = pattern.removeprefix("./")
    return fnmatch.fnmatchcase(relative_path, pattern) or fnmatch.fnmatchcase(relative_path, pattern.replace("**/", ""))


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith((f"{key} ", f"{key}=", f'"{key}"')):
            return number
    return 0


class _ConfigReader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(os.path.relpath(self.path), _key_line(self.text, key), message))

    def strings(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"'{key}' must be a list of strings")
            return ()
        return tuple(value)

    def language(self, key: str, value: Any) -> str | None:
        if not isinstance(value, str) or not is_known_language(value):
            self.problem(key, f"'{key}': unknown language code {value!r} (use ISO 639-1 codes such as en, fr, nl)")
            return None
        return normalize_language(value)

    def input_format(self, value: Any) -> str | None:
        from jargonlint.documents.registry import READERS  # the readers, not needed to load settings otherwise

        if value is not None and value not in READERS:
            self.problem("format", f"'format': unknown input format {value!r} (known: {', '.join(sorted(READERS))})")
            return None
        return str(value) if value is not None else None

    def settings(self, data: Mapping[str, Any]) -> Settings:
        root = self.path.parent
        for key in data:
            if key not in SETTINGS_KEYS:
                self.problem(key, f"unknown setting '{key}' (known: {', '.join(SETTINGS_KEYS)})")
        glossaries = tuple(g if g.startswith("builtin:") else str((root / g).resolve()) for g in self.strings(data, "glossaries"))
        builtin = data.get("builtin", True)
        if not isinstance(builtin, bool):
            self.problem("builtin", "'builtin' must be true or false")
            builtin = True
        languages = tuple(code for code in (self.language("languages", v) for v in self.strings(data, "languages")) if code)
        default_language = self.language("default-language", data.get("default-language", "en")) or "en"
        fail_on = Severity.WARNING
        if "fail-on" in data:
            try:
                fail_on = Severity.parse(str(data["fail-on"]))
            except ValueError as exc:
                self.problem("fail-on", f"'fail-on': {exc}")
        exclude = self.strings(data, "exclude") if "exclude" in data else DEFAULT_EXCLUDE
        exclude += self.strings(data, "extend-exclude")
        overrides: list[Override] = []
        raw_overrides = data.get("overrides", [])
        if not isinstance(raw_overrides, list):
            self.problem("overrides", "'overrides' must be an array of tables ([[tool.jargonlint.overrides]])")
            raw_overrides = []
        for raw in raw_overrides:
            if not isinstance(raw, dict):
                self.problem("overrides", "each override must be a table")
                continue
            for key in raw:
                if key not in OVERRIDE_KEYS:
                    self.problem(key, f"unknown key '{key}' in an override (known: {', '.join(OVERRIDE_KEYS)})")
            files = self.strings(raw, "files")
            if not files:
                self.problem("files", "an override needs 'files' (glob patterns)")
            lang = self.language("lang", raw["lang"]) if "lang" in raw else None
            overrides.append(Override(files, lang, frozenset(self.strings(raw, "disable")), self.input_format(raw.get("format"))))
        return Settings(
            glossaries=glossaries,
            builtin=builtin,
            languages=languages,
            default_language=default_language,
            fail_on=fail_on,
            exclude=exclude,
            disable=frozenset(self.strings(data, "disable")),
            overrides=tuple(overrides),
            root=root,
            path=self.path,
        )


def _table(path: Path, text: str) -> Mapping[str, Any] | None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([Problem(os.path.relpath(path), 0, f"invalid TOML: {exc}")]) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("jargonlint") if isinstance(tool, dict) else None
        return section if isinstance(section, dict) else None
    return data


def load_settings(path: str | os.PathLike[str]) -> Settings:
    """Read one config file (a ``pyproject.toml`` needs a ``[tool.jargonlint]`` table)."""
    config = Path(path).resolve()
    try:
        text = config.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([Problem(os.fspath(path), 0, f"cannot read config file: {exc.strerror or exc}")]) from None
    data = _table(config, text)
    if data is None:
        data = {}
    reader = _ConfigReader(config, text)
    settings = reader.settings(data)
    if reader.problems:
        raise ConfigError(reader.problems)
    return settings


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a folder)."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                if name != "pyproject.toml":
                    return candidate
                try:
                    if _table(candidate, candidate.read_text(encoding="utf-8")) is not None:
                        return candidate
                except (OSError, ConfigError):
                    return candidate
    return None


def discover_settings(paths: Sequence[str | os.PathLike[str]] = ()) -> Settings:
    """Settings from the config nearest to the first path (or the current folder); defaults if none."""
    start = paths[0] if paths and os.fspath(paths[0]) != "-" else Path.cwd()
    found = find_config(start)
    return load_settings(found) if found is not None else Settings()
