"""``jargonlint init``: a ``jargonlint.toml`` and a starter organisation glossary.

The glossary is valid as written (a name and languages) and carries commented examples
of terms, acronyms and canned phrases in the languages asked for: removing the ``# ``
in front of a block gives a working entry.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import click

from jargonlint.atomic_write import write_atomic
from jargonlint.commands.common import EXIT_ERROR, check_language, echo_error, echo_warning
from jargonlint.language.codes import normalize_language

CONFIG_NAME = "jargonlint.toml"
GLOSSARY_NAME = "glossary.yaml"

# Example content per language: written for this template, one realistic case each.
DEDUCTIBLE: Mapping[str, tuple[str, str]] = {
    "en": ("deductible", "the amount you pay yourself"),
    "fr": ("franchise", "le montant qui reste à votre charge"),
    "nl": ("eigen risico", "het bedrag dat u zelf betaalt"),
    "de": ("Selbstbeteiligung", "der Betrag, den Sie selbst zahlen"),
    "es": ("franquicia", "la parte que paga usted"),
    "it": ("franchigia", "la parte che paga lei"),
    "pt": ("franquia", "o valor que paga do seu bolso"),
    "zh": ("免赔额", "您自己承担的金额"),
}
DROP_IN: Mapping[str, tuple[str, str]] = {
    "en": ("commence", "start"),
    "fr": ("dans les meilleurs délais", "rapidement"),
    "nl": ("middels", "met"),
    "de": ("zwecks", "für"),
    "es": ("a la mayor brevedad", "cuanto antes"),
    "it": ("entro e non oltre", "entro"),
    "pt": ("a fim de", "para"),
    "zh": ("即日起", "从今天起"),
}
SLA: Mapping[str, str] = {
    "en": "service level agreement",
    "fr": "accord de niveau de service",
    "nl": "dienstverleningsovereenkomst",
    "de": "Service-Level-Vereinbarung",
    "es": "acuerdo de nivel de servicio",
    "it": "accordo sul livello di servizio",
    "pt": "acordo de nível de serviço",
    "zh": "服务水平协议",
}
DO_NOT_HESITATE: Mapping[str, tuple[str, str]] = {
    "en": ("{do not|don't} hesitate to {contact|call} us", "Say exactly how: 'Call Anna on 020 7946 0321.'"),
    "fr": ("n'hésitez pas à nous contacter", "Dites comment : « Appelez Anna au 01 23 45 67 89. »"),
    "nl": ("aarzel niet om contact met ons op te nemen", "Zeg precies hoe: 'Bel Anna op 020 123 4567.'"),
    "de": ("zögern Sie nicht, uns zu kontaktieren", "Sagen Sie genau, wie: „Rufen Sie Anna unter 030 1234567 an.“"),
    "es": ("no dude en ponerse en contacto con nosotros", "Diga cómo: «Llame a Ana al 912 345 678.»"),
    "it": ("non esiti a contattarci", "Dite come: «Chiami Anna allo 06 1234567.»"),
    "pt": ("não hesite em contactar-nos", "Diga como: «Ligue à Ana para o 21 123 4567.»"),
    "zh": ("如有任何疑问，请随时与我们联系", "直接说明怎么联系：“请致电王女士 010-12345678。”"),
}
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\[\]{},\"!&*|>%@`]*$")


def slug(name: str) -> str:
    """``Acme Insurance`` -> ``acme-insurance`` (a glossary name)."""
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-") or "organisation"


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that is unambiguous, else double-quoted."""
    return text if _PLAIN.match(text) and not text.endswith(" ") else json.dumps(text, ensure_ascii=False)


def _per_language(key: str, values: Mapping[str, str], indent: str) -> list[str]:
    return [f"{indent}{key}:", *(f"{indent}  {lang}: {_scalar(text)}" for lang, text in values.items())]


def glossary_text(org: str, languages: Sequence[str]) -> str:
    """The starter glossary for ``org`` written in ``languages``."""
    shown = [lang for lang in languages if lang in DEDUCTIBLE] or ["en"]
    missing = [lang for lang in languages if lang not in DEDUCTIBLE]
    lines = [
        f"# {org}'s glossary for jargonlint (format: docs/glossary-format.md in the jargonlint project).",
        "# Entries here override built-in entries with the same id. To use an example, remove the",
        "# '# ' in front of its lines; `jargonlint explain ID` shows how jargonlint reads an entry.",
    ]
    if missing:
        lines.append(f"# No examples in {', '.join(missing)}: write yours like the {', '.join(shown)} ones.")
    lines += [
        f"glossary: {slug(org)}",
        f"description: {_scalar(f'Words {org} customers stumble on: our jargon, our acronyms, our canned phrases.')}",
        f"languages: [{', '.join(languages)}]",
        "",
        "# Jargon (rule `jargon`): the organisation's words, with what the customer would say.",
        "# `replace:` (optional) is ONE drop-in replacement that `jargonlint check --fix` applies.",
        "# terms:",
        "#   - id: deductible",
        *("# " + line for line in _per_language("match", {lang: DEDUCTIBLE[lang][0] for lang in shown}, "    ")),
        *("# " + line for line in _per_language("suggest", {lang: DEDUCTIBLE[lang][1] for lang in shown}, "    ")),
        "#     note: Customers rarely know this insurance word; they want to know how much they pay.",
        "#     severity: warning",
        "#   - id: officialese",
        *("# " + line for line in _per_language("match", {lang: DROP_IN[lang][0] for lang in shown}, "    ")),
        *("# " + line for line in _per_language("suggest", {lang: DROP_IN[lang][1] for lang in shown}, "    ")),
        *("# " + line for line in _per_language("replace", {lang: DROP_IN[lang][1] for lang in shown}, "    ")),
        "#     note: Officialese; the everyday word says the same.",
        "",
        "# Acronyms (rule `acronym`): those customers know, those to explain at first use, and",
        "# how to treat any other acronym (error, warning, info or off).",
        "# acronyms:",
        "#   allow: [IBAN, PDF]",
        "#   define:",
        *("# " + line for line in _per_language("SLA", {lang: SLA[lang] for lang in shown}, "    ")),
        "#   unknown: warning",
        "",
        "# Canned phrases (rule `canned`): lines customers skim over. {a|b} = alternatives.",
        "# canned:",
        "#   - id: do-not-hesitate",
        *("# " + line for line in _per_language("match", {lang: DO_NOT_HESITATE[lang][0] for lang in shown}, "    ")),
        *("# " + line for line in _per_language("suggest", {lang: DO_NOT_HESITATE[lang][1] for lang in shown}, "    ")),
        "#     note: It tells the reader nothing; say how to reach a person.",
        "",
        "# Words or phrases never flagged, e.g. a product name that looks like jargon.",
        "# ignore: [excess baggage]",
    ]
    return "\n".join(lines) + "\n"


def config_text(languages: Sequence[str]) -> str:
    """The ``jargonlint.toml`` for a starter glossary and ``languages``."""
    quoted = ", ".join(f'"{lang}"' for lang in languages)
    return f"""# jargonlint configuration. `jargonlint check` finds this file in this folder or above.
# Organisation glossaries, loaded after the built-in ones (their entries override built-ins).
glossaries = ["{GLOSSARY_NAME}"]
# The languages your letters are written in (ISO 639-1); detection only chooses among these.
languages = [{quoted}]
default-language = "{languages[0]}"
# The lowest severity that makes `jargonlint check` exit with 1: error, warning or info.
fail-on = "warning"
# builtin = false                  # use only your own glossaries
# extend-exclude = ["drafts/"]     # folders or globs not to check
# disable = ["acronym"]            # whole rules, or entries such as "canned:en-sorry-to-hear"

# Settings for some files only:
# [[overrides]]
# files = ["templates/{languages[0]}/**"]
# lang = "{languages[0]}"
"""


@click.command(help="Create a jargonlint.toml and a starter organisation glossary in the current folder.")
@click.option(
    "--lang", "languages", multiple=True, metavar="CODE", help="A language of your letters (ISO 639-1); repeatable.  [default: en]"
)
@click.option("--org", metavar="NAME", help="Your organisation's name (names the glossary).  [default: the folder's name]")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def init(languages: tuple[str, ...], org: str | None, force: bool) -> None:
    for lang in languages:
        check_language(lang)
    codes = list(dict.fromkeys(normalize_language(lang) for lang in languages)) or ["en"]
    folder = Path.cwd()
    name = org or folder.name or "organisation"
    files = {folder / CONFIG_NAME: config_text(codes), folder / GLOSSARY_NAME: glossary_text(name, codes)}
    existing = [path.name for path in files if path.exists()]
    if existing and not force:
        echo_error(f"{' and '.join(existing)} already {'exists' if len(existing) == 1 else 'exist'}; use --force to overwrite.")
        sys.exit(EXIT_ERROR)
    for path, text in files.items():
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as exc:
            echo_error(f"{path.name}: cannot write: {exc.strerror or exc}")
            sys.exit(EXIT_ERROR)
    if (folder / ".jargonlint.toml").exists():
        echo_warning(f".jargonlint.toml is found before {CONFIG_NAME}; merge them or remove it.")
    click.echo(f"Created {CONFIG_NAME} and {GLOSSARY_NAME} (languages: {', '.join(codes)}).")
    click.echo(f"Next: add your organisation's words to {GLOSSARY_NAME}, then run `jargonlint check`.")
