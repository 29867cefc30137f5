"""Vale token regexes -> glossary phrases, for the part of regex syntax phrases can say.

Converted: literal text, escaped punctuation (``\\.``), groups with alternatives (``(?:a|b)``,
``(a|b)``) -> ``{a|b}``, optional groups and characters (``(?:a )?``, ``s?``) -> ``{a |}``,
small literal character sets (``[Oo]``) -> ``{O|o}``, ``\\s`` -> a space.
Everything else (lookarounds, ``.``, ``\\d``/``\\w``, ranges, ``*``/``+``/``{n,m}``, anchors,
back-references, inline flags) raises ``NotAPhrase`` with the reason, so the importer can
report the token as skipped instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

# Characters with a meaning in the glossary phrase syntax: a literal one cannot be written.
RESERVED = frozenset("{}|*")
_META = frozenset("\\()[]{}|*+?.^$")
_ESCAPED_CLASSES = {"d": "a digit (\\d)", "D": "\\D", "w": "a word character (\\w)", "W": "\\W", "S": "\\S", "B": "\\B"}


class NotAPhrase(ValueError):
    """The regex uses something glossary phrases cannot express; the message says what."""


@dataclass(frozen=True, slots=True)
class _Alt:
    options: tuple[tuple[_Node, ...], ...]


_Node = str | _Alt


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0

    def fail(self, what: str) -> NotAPhrase:
        return NotAPhrase(f"uses {what}, a regular expression jargonlint phrases cannot express")

    def alternation(self, depth: int) -> tuple[tuple[_Node, ...], ...]:
        options = [self.sequence(depth)]
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            self.pos += 1
            options.append(self.sequence(depth))
        return tuple(options)

    def sequence(self, depth: int) -> tuple[_Node, ...]:
        items: list[_Node] = []
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch == "|":
                break
            if ch == ")":
                if depth == 0:
                    raise self.fail("an unbalanced ')'")
                break
            atom = self.atom(depth)
            items.append(self.quantified(atom))
        return tuple(items)

    def quantified(self, atom: _Node) -> _Node:
        if self.pos >= len(self.text):
            return atom
        ch = self.text[self.pos]
        if ch == "?":
            self.pos += 1
            if self.pos < len(self.text) and self.text[self.pos] in "?+":
                raise self.fail("a lazy or possessive quantifier")
            if isinstance(atom, _Alt) and len(atom.options) > 1:  # (?:a|b)? -> {a|b|}, not {{a|b}|}
                return _Alt((*atom.options, ()))
            return _Alt(((atom,), ()))
        if ch in "*+":
            if atom == " ":  # `\s+` / `\s*`: one space, or an optional one
                self.pos += 1
                return atom if ch == "+" else _Alt(((atom,), ()))
            raise self.fail(f"repetition ({ch})")
        if ch == "{":
            raise self.fail("counted repetition ({n,m})")
        return atom

    def atom(self, depth: int) -> _Node:
        ch = self.text[self.pos]
        if ch == "(":
            return self.group(depth)
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        if ch == ".":
            raise self.fail("any character (.)")
        if ch in "^$":
            raise self.fail(f"an anchor ({ch})")
        if ch in "*+?{}":
            raise self.fail(f"'{ch}' with nothing to repeat")
        self.pos += 1
        return ch

    def group(self, depth: int) -> _Node:
        start = self.pos
        self.pos += 1
        if self.text.startswith("?:", self.pos):
            self.pos += 2
        elif self.text.startswith("?", self.pos):
            rest = self.text[self.pos : self.pos + 4]
            if rest.startswith(("?=", "?!", "?<=", "?<!")):
                raise self.fail("a lookaround")
            if rest.startswith(("?P<", "?<")):
                raise self.fail("a named group")
            raise self.fail("an inline flag group")
        options = self.alternation(depth + 1)
        if self.pos >= len(self.text) or self.text[self.pos] != ")":
            raise NotAPhrase(f"has an unclosed group at character {start + 1}")
        self.pos += 1
        return options[0][0] if len(options) == 1 and len(options[0]) == 1 and isinstance(options[0][0], str) else _Alt(options)

    def escape(self) -> _Node:
        if self.pos + 1 >= len(self.text):
            raise NotAPhrase("ends with a lone backslash")
        ch = self.text[self.pos + 1]
        self.pos += 2
        if ch == "s":
            return " "
        if ch == "b":
            raise self.fail("a word boundary (\\b) inside the token")
        if ch in _ESCAPED_CLASSES:
            raise self.fail(_ESCAPED_CLASSES[ch])
        if ch.isalnum():
            raise self.fail(f"the escape \\{ch}")
        return ch

    def char_class(self) -> _Node:
        end = self.text.find("]", self.pos + 2)  # a ']' right after '[' is a literal one
        if end < 0:
            raise NotAPhrase("has an unclosed character class")
        body = self.text[self.pos + 1 : end]
        if body.startswith("^"):
            raise self.fail("a negated character class")
        if "\\" in body or "[" in body:
            raise self.fail("a character class with escapes")
        if "-" in body.strip("-"):
            raise self.fail("a character range")
        if len(set(body)) > 6:
            raise self.fail("a large character class")
        self.pos = end + 1
        return _Alt(tuple((ch,) for ch in dict.fromkeys(body)))


def _render(sequence: tuple[_Node, ...]) -> str:
    parts = []
    for item in sequence:
        if isinstance(item, str):
            if item in RESERVED:
                raise NotAPhrase(f"contains '{item}', which the phrase syntax reserves")
            parts.append(item)
        elif len(item.options) == 1:  # a group without alternatives is just its content
            parts.append(_render(item.options[0]))
        else:
            parts.append("{" + "|".join(_render(option) for option in item.options) + "}")
    return "".join(parts)


def regex_to_phrase(pattern: str) -> str:
    """The glossary phrase that matches what ``pattern`` matches (between word boundaries).

    >>> regex_to_phrase("(?:utilize|make use of)")
    '{utilize|make use of}'
    >>> regex_to_phrase("app(?:lication)?s?")
    'app{lication|}{s|}'
    """
    text = pattern.strip()
    if text.startswith("\\b"):
        text = text[2:]
    if text.endswith("\\b") and not text.endswith("\\\\b"):
        text = text[:-2]
    parser = _Parser(text)
    options = parser.alternation(0)
    if parser.pos != len(text):
        raise parser.fail("an unbalanced ')'")
    phrase = _render(options[0]) if len(options) == 1 else "{" + "|".join(_render(option) for option in options) + "}"
    if not phrase.strip():
        raise NotAPhrase("matches no text")
    return phrase
