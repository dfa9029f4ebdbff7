"""Where teken's parts are found when it runs from a clone rather than from an installed wheel.

The repository keeps `pipeline/`, `extractors/` and `corpus/` at its top level (the design card's layout);
the wheel installs them as `teken/pipeline`, `teken/extractors`, `teken/corpus` (pyproject.toml maps the
folders). In a clone, `teken/` is a sibling of those folders, so the folder above `teken/` joins the
package's search path. That is the mechanism namespace packages use (a package's `__path__` may list more
than one folder), and it keeps a clone self-contained: with `PYTHONPATH=/some/worktree`, every part of
teken comes from that worktree, even where another checkout is installed in editable mode.
"""

from __future__ import annotations

from pathlib import Path

PARTS = ("pipeline", "extractors", "corpus")


def extend_path(path: list[str]) -> list[str]:
    here = Path(path[0]).resolve()
    above = here.parent
    if (above / "pyproject.toml").is_file() and all((above / p / "__init__.py").is_file() for p in PARTS):
        if not all((here / p).is_dir() for p in PARTS) and str(above) not in path:
            return [*path, str(above)]
    return path
