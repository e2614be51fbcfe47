"""A folder tree of many regulations (a LawRefBook clone, a province's
downloads): one id per regulation, from the file's path, so the tree can be
added in one command (``fagui add --tree DIR``), its ids shown first
(``--dry-run``).

The id (:func:`tree_id`) is ``JURISDICTION/NAME``: the jurisdiction is the
province a folder of the path names, in Chinese or in Latin letters
(北京地方法规/…/北京 or beijing/ -> ``beijing``: :func:`folder_jurisdiction`),
else ``national``; the name is the file name less its extension and a
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

LATIN_NAMES = {
    **{pinyin: pinyin for pinyin in PROVINCES.values()},
    "peking": "beijing", "tientsin": "tianjin", "chungking": "chongqing", "canton": "guangdong",
    "inner mongolia": "neimenggu", "innermongolia": "neimenggu", "nei mongol": "neimenggu", "nei menggu": "neimenggu",
    "tibet": "xizang", "hong kong": "xianggang", "hongkong": "xianggang", "macau": "aomen", "macao": "aomen",
}
"""Province-level names as folders spell them in Latin letters (case, and
spaces, hyphens or underscores between words, do not matter): the pinyin of
all 34 (shaanxi is 陕西, shanxi 山西), and the English names that are not
pinyin (Inner Mongolia, Tibet, Hong Kong, Macau) or older spellings."""

_LATIN = sorted(((tuple(name.split()), pinyin) for name, pinyin in LATIN_NAMES.items()), key=lambda x: -len(x[0]))

_DATE = re.compile(r"[(（]\d{4}-\d{2}-\d{2}[)）]$")


@dataclass(frozen=True)
class TreeRegulation:
    """One regulation of a tree: its id and its files (versions), by path."""

    id: str
    files: tuple[Path, ...]


def tree_id(path: Path, top: Path) -> str:
    """The id of the regulation in ``path`` (a file under ``top``)."""
    rel = path.relative_to(top)
    jurisdiction = next((j for part in rel.parent.parts if (j := folder_jurisdiction(part))), "national")
    stem = _DATE.sub("", path.stem).strip()
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    if not slug or not stem.isascii() or not ID_RE.fullmatch(slug):
        slug = "t-" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:12]
    return f"{jurisdiction}/{slug[:100]}"


def folder_jurisdiction(name: str) -> str | None:
    """The province-level division a folder's name names, as its id, or
    None: a Chinese name it starts with (北京地方法规 -> ``beijing``), else a
    Latin one its first words are (guangdong, Guangdong-2023, Guangdong
    Province, inner_mongolia, HongKong -> ``guangdong``, ``guangdong``,
    ``guangdong``, ``neimenggu``, ``xianggang``). Only whole words count: a
    folder ``hunanese`` names none.

    >>> [folder_jurisdiction(n) for n in ("北京地方法规", "Guangdong", "shaanxi-province", "Inner_Mongolia", "laws")]
    ['beijing', 'guangdong', 'shaanxi', 'neimenggu', None]
    """
    chinese = next((PROVINCES[n] for n in sorted(PROVINCES, key=len, reverse=True) if name.startswith(n)), None)
    if chinese:
        return chinese
    words = tuple(re.findall(r"[a-z]+|[0-9]+", name.lower()))
    return next((pinyin for spelled, pinyin in _LATIN if words[: len(spelled)] == spelled), None)


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
