"""``check --jobs``: files linted in worker processes give the serial run's results, in order;
the progress bar on a terminal."""

from __future__ import annotations

import io
import multiprocessing
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jargonlint import Linter
from jargonlint.cli import cli
from jargonlint.parallel import MIN_FILES_PER_WORKER, FileResult, lint_files, worker_count, worker_linter
from jargonlint.progress import PROGRESS_MIN_FILES, Progress

LETTERS = Path(__file__).parent / "fixtures" / "letters"
ACME = str(Path(__file__).parent / "fixtures" / "glossaries" / "acme.yaml")


@pytest.fixture
def template_repo(tmp_path: Path) -> Path:
    """Letters in English, French and Dutch, one folder per language, with two bad files among them."""
    root = tmp_path / "templates"
    for lang in ("en", "fr", "nl"):
        for letter in sorted((LETTERS / lang).glob("*.txt")):
            for copy in range(2):
                target = root / lang / f"{letter.stem}-{copy}.txt"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(letter, target)
    (root / "en" / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # binary: an error, then the run goes on
    (root / "fr" / "relance.txt").write_bytes("Madame,\n\nNous restons à votre entière disposition.\n".encode("cp1252"))  # a warning
    return root


def paths_in(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.txt"))


def test_small_runs_stay_in_process() -> None:
    files = [f"letters/{i}.txt" for i in range(250)]
    assert worker_count(files, jobs=1) == 1
    assert worker_count(files[: MIN_FILES_PER_WORKER * 2 - 1], jobs=2) == 1
    assert worker_count(files[: MIN_FILES_PER_WORKER * 2], jobs=2) == 2
    assert worker_count(files, jobs=64) == 250 // MIN_FILES_PER_WORKER
    assert worker_count(files[:10], jobs=4, min_files_per_worker=3) == 3
    assert worker_count(["-", *files], jobs=8) == 1  # standard input is read by this process


def test_workers_give_the_serial_results_in_the_same_order(acme_linter: Linter, template_repo: Path) -> None:
    paths = paths_in(template_repo)
    assert worker_count(paths, jobs=3, min_files_per_worker=1) == 3

    serial = list(lint_files(acme_linter, paths, jobs=1))
    parallel = list(lint_files(acme_linter, paths, jobs=3, min_files_per_worker=1))

    assert [r.path for r in parallel] == paths
    assert parallel == serial
    # Reports compare without their sources; the sources must come back too (the text reporter quotes them).
    assert [r.report.sources if r.report else None for r in parallel] == [r.report.sources if r.report else None for r in serial]
    logo = next(r for r in parallel if r.path.endswith("logo.txt"))
    assert logo == FileResult(logo.path, None, f"{logo.path}: binary file, not linted")
    relance = next(r for r in parallel if r.path.endswith("relance.txt")).unwrap()
    assert relance.problems == (
        f"{relance.path}: not valid UTF-8 (first bad byte on line 3); read as windows-1252. Save the file as UTF-8 to be sure.",
    )
    assert sum(len(r.report.findings) for r in parallel if r.report) > 10


def test_a_worker_built_from_the_settings_lints_as_the_parent_does(acme_linter: Linter, template_repo: Path) -> None:
    # Where workers are spawned (macOS, Windows, or a process with threads) they get the settings, pickled.
    settings = pickle.loads(pickle.dumps(acme_linter.settings))
    assert settings == acme_linter.settings
    path = str(template_repo / "fr" / "cliches-0.txt")

    built = worker_linter(settings)

    assert built is not acme_linter
    assert built.lint_file(path) == acme_linter.lint_file(path)
    assert worker_linter(acme_linter) is acme_linter  # forked: the parent's, inherited


def test_stopping_early_stops_the_workers(acme_linter: Linter, template_repo: Path) -> None:
    results = lint_files(acme_linter, paths_in(template_repo) * 4, jobs=2, min_files_per_worker=1)
    assert next(results).report is not None

    results.close()

    assert multiprocessing.active_children() == []


def test_check_output_is_the_same_with_one_or_several_processes(template_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("jargonlint.parallel.MIN_FILES_PER_WORKER", 1)  # workers even for these few files
    runs = {}
    for jobs in ("1", "3"):
        result = CliRunner().invoke(cli, ["check", "--no-builtin", "-g", ACME, "--jobs", jobs, str(template_repo)])
        runs[jobs] = (result.exit_code, result.stdout, result.stderr)

    assert runs["3"] == runs["1"]
    code, out, err = runs["3"]
    assert code == 2  # the binary file
    assert out.splitlines()[-1].startswith("Found ")
    assert err.splitlines() == [
        f"error: {template_repo / 'en' / 'logo.txt'}: binary file, not linted",
        f"warning: {template_repo / 'fr' / 'relance.txt'}: not valid UTF-8 (first bad byte on line 3); read as windows-1252. "
        "Save the file as UTF-8 to be sure.",
    ]


def test_jobs_must_be_a_positive_number(template_repo: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--jobs", "0", str(template_repo)])
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1." in result.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_holds_messages_until_it_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    said: list[str] = []

    with Progress(PROGRESS_MIN_FILES) as progress:
        assert progress.shown
        for _ in range(PROGRESS_MIN_FILES):
            progress.advance()
            progress.say(said.append, "letter.txt: not valid UTF-8")
        assert said == []

    assert said == ["letter.txt: not valid UTF-8"] * PROGRESS_MIN_FILES
    drawn = terminal.getvalue()
    assert "Checking" in drawn
    assert f"{PROGRESS_MIN_FILES}/{PROGRESS_MIN_FILES}" in drawn


def test_no_progress_bar_for_few_files_off_a_terminal_or_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert not Progress(PROGRESS_MIN_FILES - 1).shown
    assert not Progress(500, enabled=False).shown
    monkeypatch.setattr("sys.stderr", io.StringIO())
    said: list[str] = []
    with Progress(500) as progress:
        assert not progress.shown
        progress.say(said.append, "now")
        assert said == ["now"]
    assert terminal.getvalue() == ""
