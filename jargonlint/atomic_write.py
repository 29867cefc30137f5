"""Writing a file atomically: readers see the old content or the new, never half of it."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder and ``os.replace``.

    An existing file keeps its permissions (and owner, where allowed); a symbolic link
    stays a link and its target is replaced. On any failure the original file is left
    untouched and the temporary file is removed.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    temporary = os.path.join(folder, f".{os.path.basename(target)}.{secrets.token_hex(4)}.jargonlint-tmp")
    # 0o666 lets the process umask decide a new file's mode, as a plain open() would.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
            if hasattr(os, "chown") and (existing.st_uid, existing.st_gid) != _owner(temporary):
                with contextlib.suppress(OSError):  # only a privileged user may give files away
                    os.chown(temporary, existing.st_uid, existing.st_gid)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid
