"""Text tools shared by the engine: the lowest layer of fagui.

``numerals`` (中文数字 <-> int), ``items`` (the one rule for item markers
（一）, （1）, 1．), ``width`` (full-width/half-width forms and ``fold``) and
``normalise`` (normalising form: width, punctuation, spacing), ``control``
(control characters made visible for printing), ``instruments`` (the one
list of the names of kinds of rule: 法, 条例, 规定, 办法, ...). Ingestion,
canonical Markdown, alignment, diffs and checks all build on them; these
modules import nothing of fagui but :mod:`fagui.model`.
"""
