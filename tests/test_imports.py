"""No import cycles among fagui's own modules, not even lazy ones.

Every ``import`` statement is read with ast, wherever it stands (at the top,
inside a function, under ``if TYPE_CHECKING``), so an import moved into a
function to dodge a cycle is still an edge of the graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("fagui", "cli", "renderers")


def _modules(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file of the project's packages."""
    out = {}
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The dotted names an import statement asks for (relative ones resolved)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    assert isinstance(node, ast.ImportFrom)
    base = node.module or ""
    if node.level:
        here = module.split(".") if is_package else module.split(".")[:-1]
        here = here[: len(here) - (node.level - 1)]
        base = ".".join(here + ([base] if base else []))
    # `from a import b` imports a, and a.b too when b is a submodule.
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the project modules whose code runs when it is imported.

    Importing ``a.b.c`` runs the packages ``a`` and ``a.b`` first; those that
    enclose the importing module itself have already run and are left out.
    """
    modules = _modules(root)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        enclosing = {".".join(module.split(".")[:k]) for k in range(1, len(module.split(".")) + (not is_package))}
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for name in _imported(node, module, is_package):
                parts = name.split(".")
                for k in range(1, len(parts) + 1):
                    target = ".".join(parts[:k])
                    if target in modules and target != module and target not in enclosing:
                        edges.add(target)
        graph[module] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def test_no_import_cycles():
    cycle = find_cycle(import_graph(ROOT))
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "files, cycle",
    [
        # A lazy import inside a function is an edge all the same.
        (
            {
                "fagui/__init__.py": "",
                "fagui/markdown.py": "from fagui.ingest.items import parse_marker\n",
                "fagui/ingest/__init__.py": "def f():\n    from fagui.markdown import write\n",
                "fagui/ingest/items.py": "",
            },
            ["fagui.ingest", "fagui.markdown", "fagui.ingest"],
        ),
        # A relative import, two modules importing each other.
        (
            {"fagui/__init__.py": "", "fagui/a.py": "from .b import x\n", "fagui/b.py": "from . import a\n"},
            ["fagui.a", "fagui.b", "fagui.a"],
        ),
        # A submodule importing its siblings through their full names is fine.
        (
            {
                "fagui/__init__.py": "",
                "fagui/store/__init__.py": "from fagui.store.a import x\n",
                "fagui/store/a.py": "from fagui.store.b import y\n",
                "fagui/store/b.py": "import fagui\n",
            },
            None,
        ),
    ],
)
def test_the_cycle_finder_sees_lazy_and_relative_imports(tmp_path, files, cycle):
    _write(tmp_path, files)
    assert find_cycle(import_graph(tmp_path)) == cycle
