"""The pre-commit hooks, run for real: a template repository with a ``.pre-commit-config.yaml``
pointing at this checkout, ``pre-commit install``, and ``git commit``.

pre-commit clones the hook repository with git and installs it (jargonlint and spaCy & co.
from the package index) into its cache: minutes the first time. The hook repository is a
snapshot of this working tree (``pre-commit try-repo`` would leave out untracked files and
rebuild the environment on every run), committed with fixed dates so that the same tree
gives the same commit and the cached environment is reused. Deselect with ``-m "not network"``
where no package index is reachable.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from jargonlint.files import LINTED_EXTENSIONS

REPO = Path(__file__).resolve().parent.parent
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
# An environment for git that does not depend on the machine's git configuration.
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Letter Writer",
    "GIT_AUTHOR_EMAIL": "letters@example.com",
    "GIT_COMMITTER_NAME": "Letter Writer",
    "GIT_COMMITTER_EMAIL": "letters@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,  # no signing, hooks or templates from the machine's git configuration
    "GIT_TERMINAL_PROMPT": "0",
}
PRE_COMMIT = str(Path(sys.executable).parent / "pre-commit")

ORG_GLOSSARY = """\
glossary: acme-letters
languages: [en, fr]
terms:
  - id: policy-schedule
    match: {en: policy schedule, fr: conditions particulières}
    suggest: {en: the page that lists what you are covered for, fr: la page qui liste ce qui est couvert}
  - id: claim
    match: {en: claim}
    suggest: {en: your request}
    replace: {en: request}
canned:
  - id: sorry-inconvenience
    match: {en: ["we {apologize|apologise} for any {inconvenience|trouble}"], fr: nous nous excusons pour la gêne occasionnée}
    suggest: {en: Say what went wrong and what you are doing about it., fr: Dites ce qui s'est passé et ce que vous faites.}
"""
CONFIG = """\
# The template repository's settings: found from the repository root by every hook run.
glossaries = ["glossary/acme-letters.yaml"]
builtin = false
languages = ["en", "fr"]
"""
WELCOME_FR = """\
# Bienvenue chez Acme

Bonjour {{ prenom }},

Merci d'avoir choisi Acme pour assurer votre appartement. Votre contrat commence le
{{ date_debut }}. Vous trouverez ci-joint la liste de ce qui est couvert.

Pour toute question, appelez Julie au 01 23 45 67 89, du lundi au vendredi.
"""
REMINDER_EN = """\
Dear {{ first_name }},

Your home insurance renews on {{ renewal_date }}. You do not need to do anything:
we will take the payment from your account as usual.

If your address or your home has changed, call Sam on 020 7946 0123.
"""
DELAY_EN_JARGON = """\
<html lang="en">
<body>
<p>Dear {{ first_name }},</p>
<p>We apologise for any inconvenience caused by the delay. Your policy schedule
shows that water damage is covered.</p>
<p>Kind regards,<br>Sam</p>
</body>
</html>
"""
DELAY_EN_FIXED = """\
<html lang="en">
<body>
<p>Dear {{ first_name }},</p>
<p>I am sorry that your payment is late: our expert sent his report a week late.
The first page of your contract shows that water damage is covered.</p>
<p>Kind regards,<br>Sam</p>
</body>
</html>
"""


# -- the hook definitions (no network) -------------------------------------------------------


def test_hooks_run_jargonlint_check_on_the_files_it_lints_in_a_folder() -> None:
    assert [h["id"] for h in HOOKS] == ["jargonlint", "jargonlint-fix"]
    assert [h["entry"] for h in HOOKS] == ["jargonlint check", "jargonlint check --fix"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert hook["require_serial"] is False
        assert hook["types"] == ["text"]
        files = re.compile(hook["files"])
        for extension in sorted(LINTED_EXTENSIONS):
            assert files.search(f"letters/fr/welcome{extension}"), extension
            assert files.search(f"LETTERS/WELCOME{extension.upper()}"), extension
        assert files.search("templates/renewal.html.j2")
        for other in ("setup.py", "glossary.yaml", "report.json", "notes.txt.bak", "Makefile", "style.css", "app.js", "README"):
            assert not files.search(other), other


def test_hook_file_pattern_lists_exactly_the_linted_extensions() -> None:
    # The alternation inside the pattern, spelled out: jinja2? = .jinja and .jinja2, html? = .htm and .html.
    alternation = re.search(r"\\\.\((.*)\)\$", HOOKS[0]["files"])
    assert alternation is not None
    listed: set[str] = set()
    for option in alternation.group(1).split("|"):
        if option.endswith("?"):
            listed |= {"." + option[:-2], "." + option[:-1]}
        else:
            listed.add("." + option)
    assert listed == LINTED_EXTENSIONS


# -- the hooks run by the real pre-commit ----------------------------------------------------


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env={**os.environ, **GIT_IDENTITY}).stdout


def _working_tree_files() -> list[str]:
    """This checkout's files as a commit of it would hold them now: tracked and untracked, not ignored."""
    listed = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=REPO).split("\0")
    # Virtualenvs that .gitignore does not know (CI's .ci-venv) are no part of the project.
    venvs = {p.name for p in REPO.iterdir() if (p / "pyvenv.cfg").is_file()}
    return sorted(p for p in listed if p and (REPO / p).is_file() and p.split("/")[0] not in venvs)


def _cache_dir(request: pytest.FixtureRequest) -> Path:
    try:
        return Path(request.config.cache.mkdir("pre-commit"))  # type: ignore[union-attr]
    except AttributeError:  # pytest's cache plugin is off (-p no:cacheprovider)
        return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "jargonlint-tests" / "pre-commit"


@pytest.fixture(scope="module")
def hook_repo(request: pytest.FixtureRequest) -> Iterator[tuple[Path, str, Path]]:
    """(snapshot of this checkout, its commit, PRE_COMMIT_HOME), stable across test runs."""
    if not (REPO / ".git").exists():
        pytest.skip("the hook repository is made from a git checkout of jargonlint")
    cache = _cache_dir(request)
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / "lock", "w") as lock:  # two test runs at once share the cache
        fcntl.flock(lock, fcntl.LOCK_EX)
        files = _working_tree_files()
        digest = hashlib.sha256()
        for name in files:
            digest.update(name.encode() + b"\0" + (REPO / name).read_bytes() + b"\0")
        snapshot, home, stamp = cache / "hook-repo", cache / "home", cache / "hook-repo.sha256"
        if not stamp.is_file() or stamp.read_text() != digest.hexdigest():
            # A new tree: a new commit, so pre-commit builds a new environment; drop the old one.
            shutil.rmtree(snapshot, ignore_errors=True)
            shutil.rmtree(home, ignore_errors=True)
            for name in files:
                (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / name, snapshot / name)
            _git("init", "--quiet", "--initial-branch=main", cwd=snapshot)
            _git("add", "--all", cwd=snapshot)
            dated = {"GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z"}
            subprocess.run(
                ["git", "commit", "--quiet", "--no-verify", "-m", "snapshot"],
                cwd=snapshot,
                check=True,
                env={**os.environ, **GIT_IDENTITY, **dated},
            )
            stamp.write_text(digest.hexdigest())
        yield snapshot, _git("rev-parse", "HEAD", cwd=snapshot).strip(), home


class TemplateRepo:
    """A git repository of letter templates with this checkout's hooks installed."""

    def __init__(self, root: Path, pre_commit_home: Path) -> None:
        self.root = root
        self.env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True, timeout=1800)

    def commit(self, message: str) -> tuple[int, str]:
        """``git commit``: its exit code and what the hooks printed (git gives them stderr)."""
        result = self.git("commit", "-m", message)
        return result.returncode, result.stderr + result.stdout

    def head_message(self) -> str:
        return self.git("log", "-1", "--format=%s").stdout.strip()


@pytest.fixture
def letters(tmp_path: Path, hook_repo: tuple[Path, str, Path]) -> TemplateRepo:
    snapshot, rev, home = hook_repo
    repo = TemplateRepo(tmp_path / "letters-repo", home)
    repo.root.mkdir()
    assert repo.git("init", "--quiet", "--initial-branch=main").returncode == 0
    repo.write("jargonlint.toml", CONFIG)
    repo.write("glossary/acme-letters.yaml", ORG_GLOSSARY)
    repo.write("letters/fr/bienvenue.md", WELCOME_FR)
    repo.write("letters/en/reminder.txt", REMINDER_EN)
    repo.write(
        ".pre-commit-config.yaml",
        f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: jargonlint\n      - id: jargonlint-fix\n        stages: [manual]\n",
    )
    installed = subprocess.run([PRE_COMMIT, "install"], cwd=repo.root, env=repo.env, capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # The first run builds the hook environment (minutes the first time, then cached).
    assert repo.git("add", "--all").returncode == 0
    code, output = repo.commit("Welcome and reminder letters")
    assert code == 0, output
    assert re.search(r"^jargonlint \(jargon, acronyms, canned phrases\)\.+Passed$", output, re.MULTILINE), output
    return repo


@pytest.mark.network
def test_a_commit_with_jargon_is_stopped_with_the_findings_and_passes_once_fixed(letters: TemplateRepo) -> None:
    letters.write("letters/en/delay.html.j2", DELAY_EN_JARGON)
    # Not staged, so not linted: a draft nobody commits, and jargon added to a committed letter.
    letters.write("drafts/notes.txt", "We apologise for any trouble. See the policy schedule.\n")
    letters.write("letters/en/reminder.txt", REMINDER_EN + "\nWe apologise for any inconvenience.\n")
    assert letters.git("add", "letters/en/delay.html.j2").returncode == 0

    code, output = letters.commit("Delay letter")

    assert code == 1, output
    assert re.search(r"^jargonlint \(jargon, acronyms, canned phrases\)\.+Failed$", output, re.MULTILINE), output
    assert "- hook id: jargonlint\n- exit code: 1\n" in output
    lines = output.splitlines()
    # The organisation glossary named in the repository's jargonlint.toml is the one used.
    assert (
        "letters/en/delay.html.j2:4:4: warning [canned:sorry-inconvenience] "
        '"We apologise for any inconvenience" is a canned phrase: Say what went wrong and what you are doing about it. [en]'
    ) in lines
    assert (
        'letters/en/delay.html.j2:4:65: warning [jargon:policy-schedule] "policy schedule" is jargon: '
        'say "the page that lists what you are covered for" [en]'
    ) in lines
    assert "Found 2 findings (2 warnings) in 1 of 1 file (languages: en 1)." in lines
    assert "drafts/notes.txt" not in output and "reminder.txt" not in output
    assert letters.head_message() == "Welcome and reminder letters"
    # pre-commit put the unstaged change back.
    assert letters.read("letters/en/reminder.txt").endswith("We apologise for any inconvenience.\n")

    letters.write("letters/en/delay.html.j2", DELAY_EN_FIXED)
    assert letters.git("add", "letters/en/delay.html.j2").returncode == 0
    code, output = letters.commit("Delay letter, in plain words")

    assert code == 0, output
    assert re.search(r"^jargonlint \(jargon, acronyms, canned phrases\)\.+Passed$", output, re.MULTILINE), output
    assert letters.head_message() == "Delay letter, in plain words"


@pytest.mark.network
def test_the_fix_hook_applies_the_glossary_replacements_to_staged_letters(letters: TemplateRepo) -> None:
    letters.write("letters/en/claim.txt", "Dear Ms Okafor,\n\nYour claim is with our expert. Claim number: 4471.\n")
    assert letters.git("add", "letters/en/claim.txt").returncode == 0

    run = subprocess.run(
        [PRE_COMMIT, "run", "--hook-stage", "manual", "jargonlint-fix"],
        cwd=letters.root,
        env=letters.env,
        capture_output=True,
        text=True,
        timeout=1800,
    )

    assert run.returncode == 1  # pre-commit fails a hook that changed files, so the fix gets reviewed
    assert "- files were modified by this hook" in run.stdout
    assert "Fixed 2 findings in 1 file." in run.stdout
    assert letters.read("letters/en/claim.txt") == "Dear Ms Okafor,\n\nYour request is with our expert. Request number: 4471.\n"
    assert letters.git("add", "letters/en/claim.txt").returncode == 0
    assert letters.commit("Claim letter")[0] == 0
