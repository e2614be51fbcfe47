"""A folder tree of many regulations (a LawRefBook clone, a province's
downloads): one id per regulation, from the file's path, so the tree can be
added in one command (``fagui add --tree DIR``), its ids shown first
(``--dry-run``).

The id (:func:`tree_id`) is ``JURISDICTION/NAME``: the jurisdiction is the
province a folder of the path names (北京地方法规/…/北京 -> ``beijing``), else
``national``; the name is the file name less its extension and a
LawRefBook date (仲裁法(2017-09-01).md), as ASCII when it is (fire-law.md ->
``fire-law``), else ``t-`` and the first 12 hex digits of its SHA-256 (the
corpus's ids are ASCII; a Chinese title has no spelling fagui could guess).
Files of one name in one jurisdiction are versions of one regulation, added
oldest first as ``fagui add FILE... --id ID`` adds them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from fagui.errors import FaguiError
from fagui.store.paths import ID_RE

SUFFIXES = (".md", ".txt", ".docx", ".html", ".htm", ".pdf")
"""The files of a tree that are read as regulations; others are ignored."""

PROVINCES = {
    "北京": "beijing", "天津": "tianjin", "上海": "shanghai", "重庆": "chongqing", "河北": "hebei", "山西": "shanxi",
    "辽宁": "liaoning", "吉林": "jilin", "黑龙江": "heilongjiang", "江苏": "jiangsu", "浙江": "zhejiang", "安徽": "anhui",
    "福建": "fujian", "江西": "jiangxi", "山东": "shandong", "河南": "henan", "湖北": "hubei", "湖南": "hunan",
    "广东": "guangdong", "海南": "hainan", "四川": "sichuan", "贵州": "guizhou", "云南": "yunnan", "陕西": "shaanxi",
    "甘肃": "gansu", "青海": "qinghai", "内蒙古": "neimenggu", "广西": "guangxi", "西藏": "xizang", "宁夏": "ningxia",
    "新疆": "xinjiang", "香港": "xianggang", "澳门": "aomen", "台湾": "taiwan",
}
"""Province-level names, as folders start with them, and their ids (pinyin)."""

_DATE = re.compile(r"[(（]\d{4}-\d{2}-\d{2}[)）]$")


@dataclass(frozen=True)
class TreeRegulation:
    """One regulation of a tree: its id and its files (versions), by path."""

    id: str
    files: tuple[Path, ...]


def tree_id(path: Path, top: Path) -> str:
    """The id of the regulation in ``path`` (a file under ``top``)."""
    rel = path.relative_to(top)
    jurisdiction = next(
        (PROVINCES[name] for part in rel.parent.parts for name in sorted(PROVINCES, key=len, reverse=True) if part.startswith(name)),
        "national",
    )
    stem = _DATE.sub("", path.stem).strip()
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    if not slug or not stem.isascii() or not ID_RE.fullmatch(slug):
        slug = "t-" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:12]
    return f"{jurisdiction}/{slug[:100]}"


def plan_tree(top: str | Path) -> list[TreeRegulation]:
    """The regulations of the tree at ``top``, by id: every file with a
    suffix in :data:`SUFFIXES`, hidden files and folders and files starting
    with ``_`` (LawRefBook's _index.md) left out, symbolic links not followed.
    Raises FaguiError when ``top`` is no folder or holds no such file."""
    top = Path(top)
    if not top.is_dir():
        raise FaguiError("not a folder", str(top))
    files = sorted(
        p for p in top.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file() and not p.is_symlink()
        and not any(part.startswith((".", "_")) for part in p.relative_to(top).parts)
    )
    if not files:
        raise FaguiError(f"no regulation files ({', '.join(SUFFIXES)}) in the tree", str(top))
    by_id: dict[str, list[Path]] = {}
    for p in files:
        by_id.setdefault(tree_id(p, top), []).append(p)
    return [TreeRegulation(i, tuple(paths)) for i, paths in sorted(by_id.items())]
