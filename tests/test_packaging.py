"""What `pip install .` puts in place: every file of fagui's packages that is
not Python is declared as package data, or an installed copy goes without it
(a non-editable install once lacked fagui/align/data/background.tsv, and every
fagui diff failed there while every test here passed)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_file_that_is_not_python_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    declared = config["package-data"]
    packages = [p.rstrip("*") for p in config["packages"]["find"]["include"]]
    missing = []
    for package in packages:
        for path in sorted((ROOT / package).rglob("*")):
            if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            inside = path.relative_to(ROOT / package).as_posix()
            if not any(fnmatch.fnmatch(inside, pattern) for pattern in declared.get(package, [])):
                missing.append(f"{package}/{inside}")
    assert not missing, f"not declared in [tool.setuptools.package-data] of pyproject.toml: {missing}"
