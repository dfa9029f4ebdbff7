"""teken behaves like an installed Python package: one `teken` namespace, `python -m teken`, spaCy entry
points, and a wheel that carries its model and data (issue 11)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

import teken

ROOT = Path(__file__).resolve().parents[1]
DIST = "teken-signings"


def _installed() -> bool:
    try:
        metadata.distribution(DIST)
    except metadata.PackageNotFoundError:
        return False
    return True


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TEKEN_FAULT")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def test_every_part_lives_under_the_teken_namespace() -> None:
    import teken.corpus.readers
    import teken.extractors.events
    import teken.pipeline.batch.run
    import teken.pipeline.nlp.components

    for mod in (teken.corpus.readers, teken.extractors.events, teken.pipeline.batch.run,
                teken.pipeline.nlp.components):
        assert mod.__name__.startswith("teken.")
        # From a clone, every part comes from the same tree as teken itself.
        assert Path(mod.__file__).resolve().is_relative_to(Path(teken.__file__).resolve().parents[1])
    # The generic names are not importable as top-level packages of teken's: nothing of teken's claims them.
    assert "pipeline" not in sys.modules and "extractors" not in sys.modules and "corpus" not in sys.modules


def test_a_users_own_pipeline_py_does_not_break_import_teken(tmp_path: Path) -> None:
    for name in ("pipeline", "extractors", "corpus"):
        (tmp_path / f"{name}.py").write_text("raise ImportError('the user\\'s own module')\n")
    code = ("import teken, teken.pipeline.batch.run, teken.extractors.events, teken.corpus.readers; "
            "print(len(teken.extract('Pemkab Kampar dan Ombudsman RI Perwakilan Riau menandatangani nota "
            "kesepakatan, Selasa (13/6/2023).', published='2023-06-14', use_model=False)))")
    env = _clean_env()
    if not _installed():
        env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_python_dash_m_teken_is_the_teken_command(tmp_path: Path) -> None:
    env = _clean_env()
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-m", "teken", "--version"], cwd=tmp_path, capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"teken {teken.__version__}"
    bad = subprocess.run([sys.executable, "-m", "teken", "run"], cwd=tmp_path, capture_output=True, text=True,
                         env=env, timeout=120)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr


@pytest.mark.skipif(not _installed(), reason=f"{DIST} is not installed (its entry points are metadata)")
def test_spacy_finds_teken_components_through_entry_points(tmp_path: Path) -> None:
    """Plain spaCy, with no `import teken` first: the shipped model loads and the components are known."""
    code = f"""
import sys, spacy
from spacy.util import registry
nlp = spacy.load({str(ROOT / 'pipeline' / 'nlp' / 'models' / 'ner_id')!r})
assert "ner" in nlp.pipe_names, nlp.pipe_names
blank = spacy.blank("id")
blank.add_pipe("teken_sentences")
blank.add_pipe("teken_gazetteer")
doc = blank("Pemerintah Kabupaten Kampar menandatangani nota kesepakatan dengan Ombudsman RI.")
print(sorted({{e.label_ for e in doc.ents}}), len(list(doc.sents)))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env=_clean_env(), timeout=300)
    assert done.returncode == 0, done.stderr
    labels, n_sents = done.stdout.rsplit(" ", 1)
    assert int(n_sents) == 1 and labels != "[]"


def test_py_typed_and_supported_pythons_are_declared() -> None:
    assert (ROOT / "teken" / "py.typed").is_file()
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == DIST
    assert project["requires-python"] == ">=3.11,<3.14"
    assert any("distributed" in dep for dep in project["optional-dependencies"]["dask"])


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the tracked files")
def test_a_built_wheel_runs_the_demo_in_a_clean_venv(tmp_path: Path) -> None:
    """Build the wheel from the tracked files, install it (no deps) into a new venv that borrows the test
    environment's dependencies, and run `teken run` on the demo corpus from outside the clone."""
    try:
        import setuptools  # noqa: F401
        from packaging.version import Version

        if Version(metadata.version("setuptools")) < Version("77"):
            pytest.skip("building the wheel needs setuptools >= 77 in the test environment")
    except ImportError:
        pytest.skip("building the wheel needs setuptools and packaging")
    src = tmp_path / "src"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        if (ROOT / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, src / rel)
    wheels = tmp_path / "wheels"
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--no-index", "-w", str(wheels), str(src)], capture_output=True, text=True,
                          env=_clean_env(), timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    wheel = next(wheels.glob("teken_signings-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for must in ("teken/__init__.py", "teken/py.typed", "teken/pipeline/batch/cli.py",
                 "teken/pipeline/nlp/models/ner_id/ner/model", "teken/extractors/data/institutions.csv",
                 "teken/corpus/demo/01-ombudsman-kalbar-lima-daerah.html"):
        assert must in names, must
    assert not any(n.startswith(("pipeline/", "extractors/", "corpus/")) for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    vpy = venv / "bin" / "python"
    site = Path(subprocess.run([str(vpy), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # The dependencies come from the test environment's site-packages (a path line in a .pth file does not
    # run that folder's own .pth files, so the editable install of the clone stays out of sight).
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(vpy), "install", "--quiet", "--no-deps",
                           "--no-index", str(wheel)], capture_output=True, text=True, env=_clean_env(),
                          timeout=600)
    if done.returncode and "no such option: --python" in done.stderr:
        pytest.skip("pip too old for --python")
    assert done.returncode == 0, done.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "pipeline.py").write_text("raise ImportError('not teken')\n")
    out = work / "out"
    code = ("import teken, sys; from teken.corpus import DEMO_DIR; "
            "print(teken.__file__); sys.exit(__import__('teken.pipeline.batch.cli', fromlist=['main'])"
            f".main(['run', str(DEMO_DIR), '--out', {str(out)!r}, '--no-progress']))")
    done = subprocess.run([str(vpy), "-c", code], cwd=work, capture_output=True, text=True, env=_clean_env(),
                          timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert str(site) in done.stdout.splitlines()[0]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["events"] >= 15
    assert "ner_id" in json.dumps(manifest)


def test_mypy_reports_no_error_on_the_package(tmp_path: Path) -> None:
    """`make typecheck`, as a test: mypy reads the package through links laid out as the wheel installs it."""
    pytest.importorskip("mypy")
    tree = tmp_path / "teken"
    tree.mkdir()
    for item in (ROOT / "teken").iterdir():
        if item.name != "__pycache__":
            (tree / item.name).symlink_to(item)
    for part in ("pipeline", "extractors", "corpus"):
        (tree / part).symlink_to(ROOT / part)
    done = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache"), str(tree)],
                          cwd=ROOT, capture_output=True, text=True, env=_clean_env(), timeout=900)
    assert done.returncode == 0, done.stdout[-3000:]
