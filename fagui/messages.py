"""The one message catalogue: every sentence and name a deliverable shows a
reader (a comparison page, a 对照表, Markdown for a pull request, text for a
terminal, a commit message), in Chinese and in English.

A dict keyed by message id, each id holding its Chinese and its English
form side by side, rather than gettext: gettext keys a message by its
English text and keeps the Chinese in a separate .po file compiled to a
binary .mo at build time, so every English sentence would be written twice
(as the key and as the English form, or lost as a key when edited) and the
two languages of a message would live in two files. Here each message is
written once per language, on one line, and a test checks that both forms
of every message take the same ``{placeholders}``.

Chinese is the default language: the users are Chinese drafting offices,
researchers and reviewers; English is on request (``--lang en``).
Nothing here knows a terminal, a page or a file format.
"""

from __future__ import annotations

from enum import Enum


class Lang(str, Enum):
    """A language deliverables are written in."""

    ZH = "zh"
    EN = "en"


DEFAULT_LANG = Lang.ZH

CATALOGUE: dict[str, tuple[str, str]] = {
    # relation names (fagui.model.relation_words)
    "relation.unchanged": ("未修改", "unchanged"),
    "relation.renumbered": ("调整顺序", "renumbered"),
    "relation.reference_update": ("引用条号更新", "reference update"),
    "relation.amended": ("修改", "amended"),
    "relation.moved": ("调整位置", "moved"),
    "relation.split": ("拆分", "split"),
    "relation.merged": ("合并", "merged"),
    "relation.shared": ("共享条款", "shared"),
    "relation.added": ("新增", "added"),
    "relation.deleted": ("删除", "deleted"),
    "relation.identical": ("相同", "identical"),
    "relation.reworded": ("改写", "reworded"),
    "relation.adapted": ("部分采纳", "adapted"),
    "relation.provincial_only": ("地方新增", "provincial only"),
    "relation.not_adopted": ("未采纳", "not adopted"),
    # what a relation means (fagui.model.relation_meaning)
    "meaning.unchanged": ("条号、文字均未变", "same number, same text"),
    "meaning.renumbered": ("文字未变，条号改变", "same text under a new number"),
    "meaning.reference_update": ("只有所引条号随重新编号而改变", "only cross-references to renumbered articles changed"),
    "meaning.amended": ("文字有修改", "wording changed"),
    "meaning.moved": ("移至另一章、节", "moved to another chapter or section"),
    "meaning.split": ("一条拆分为数条", "one article became several"),
    "meaning.merged": ("数条合并为一条", "several articles became one"),
    "meaning.shared": ("没有对应条文，但有款、项见于另一侧的其他条文", "no counterpart, but a paragraph or item carried into (or from) another article"),
    "meaning.added": ("新版本新增", "new in the right-hand version"),
    "meaning.deleted": ("新版本删除", "removed in the right-hand version"),
    "meaning.identical": ("规范化后文字相同", "same text after normalisation"),
    "meaning.reworded": ("同一条款，文字不同", "same provision, different wording"),
    "meaning.adapted": ("部分相同：地方文本采纳了该条的一部分", "partly shared: the derived text takes part of the provision"),
    "meaning.provincial_only": ("只见于地方文本，没有来自参照文本的内容", "only in the derived (provincial) text: nothing in it comes from the reference text"),
    "meaning.not_adopted": ("只见于参照文本，地方文本没有采纳其任何规定", "only in the reference (national) text: no provision of it appears in the derived text"),
    # notes on a pair (fagui.model.note_words)
    "note.moved": ("调整位置：由{old}移至{new}", "moved from {old} to {new}"),
    "note.no_chapter": ("不属任何章节的部分", "(no chapter)"),
    "note.also_amended": ("同时修改", "also amended"),
    "note.references_follow": ("所引条号随重新编号更新", "references follow the renumbering"),
    "note.split_into": ("拆分为{labels}", "split into {labels}"),
    "note.merged_from": ("由{labels}合并", "merged from {labels}"),
    # grades and strengths
    "grade.sure": ("确定", "sure"),
    "grade.unsure": ("待核", "unsure"),
    "grade.candidate": ("候选", "candidate"),
    "grade.why_weak": ("对应较弱，请核对", "a weak correspondence: check it"),
    "grade.why_alone": ("另一方有相近条文，未必真无对应，请核对", "something on the other side comes close: check that there is no counterpart"),
    "sum.unsure": ("待核（未计入上列数字）：{line}", "unsure (待核, counted apart): {line}"),
    "sum.unsure_fig": ("待核", "unsure"),
    "chip.count_unsure": ("{n}（待核 {unsure}）", "{n} ({unsure} unsure)"),
    "chip.title_unsure": ("{meaning}；其中 {unsure} 对待核，未计入摘要数字", "{meaning}; {unsure} of them unsure, not counted in the summary figures"),
    # what a comparison compares (fagui.model.Mode)
    "mode.versions": ("新旧版本对照", "versions of one regulation"),
    "mode.jurisdictions": ("参照文本与地方文本对照", "a reference text against a local text"),
    "page.footer": ("由 fagui 生成 · {schema} · {mode}", "made by fagui · {schema} · {mode}"),
    "sum.unsure_title": ("引擎不确定、未计入上列数字的对应（{line}）", "correspondences the engine is unsure of, not counted above ({line})"),
    "candidates.line": ("最接近的条文（候选，非对应）：{items}", "closest on the other side (candidates, not links): {items}"),
    "candidates.head": ("最接近的条文（候选）", "closest articles (candidates)"),
    "candidates.title": ("引擎未认定对应；以下为另一方最接近的条文，供核对", "the engine found no counterpart; these are the closest articles on the other side, to check"),
    "candidates.score": ("条文相似度", "article similarity"),
    "docx.closest": ("最接近：{other} {label}（候选）", "closest: {other} {label} (candidate)"),
    "docx.closest_details": ("最接近：{other} {label}（候选，相似度 {score}）{wording}", "closest: {other} {label} (candidate, similarity {score}){wording}"),
    "strength.counterpart": ("对应", "counterpart"),
    "strength.shares": ("共享", "shares"),
    # a reviewer's decisions (fagui.model.Decision)
    "decision.confirmed": ("已确认", "confirmed"),
    "decision.added": ("已添加", "added by a reviewer"),
    "decision.needs_review": ("需复核", "needs review"),
    "decision.rejected": ("已否决", "rejected"),
    "md.decisions_head": ("#### 审核决定：{n}", "#### Reviewer decisions: {n}"),
    # the comparison page (renderers.html) and the report's pages (renderers.site, articles, impact, repetition)
    "page.no_articles": ("两份文本都没有条文。", "Neither text has any article."),
    "page.made_by": ("由 fagui 生成", "Made by fagui"),
    "page.effective": ("施行 {day}", "in force {day}"),
    "page.revision": ("版本", "version"),
    "page.role_old": ("旧版本", "Older version"),
    "page.role_new": ("新版本", "Newer version"),
    "page.role_reference": ("参照文本（左）", "Reference text (left)"),
    "page.role_derived": ("地方文本（右）", "Local text (right)"),
    "page.back": ("← 报告首页", "← Report index"),
    "page.hist_bar": ("相似度 {lo}–{hi}：{n} 对", "similarity {lo}–{hi}: {n} pairs"),
    "page.hist_label": ("成对条文的相似度分布", "How alike the paired articles are"),
    "page.similarity": ("相似度", "similarity"),
    "page.only_title": ("只看{name}", "show only {name}"),
    "page.only": ("仅", "only"),
    "page.kept_title": ("旧版本条文在新版本中仍有对应条文的比例", "share of the older version's articles that still have a counterpart in the newer"),
    "page.kept": ("保留", "kept"),
    "page.text_shared_title": ("新版本中与旧版本字字相同的字符比例", "share of the newer version's characters the same as the older's"),
    "page.text_shared": ("沿用文字", "text kept"),
    "page.adopted_title": ("参照文本的条文在地方文本中有对应条文的比例", "share of the reference text's articles with a counterpart in the local text"),
    "page.adopted": ("采纳", "adopted"),
    "page.derived_title": ("地方文本中与参照文本字字相同的字符比例", "share of the local text's characters the same as the reference text's"),
    "page.derived": ("源自参照", "from the reference"),
    "page.provisions_title": ("参照文本的款、项（按字符计）在地方文本中有对应款、项的比例", "share of the reference text's paragraphs and items (by characters) with a counterpart in the local text"),
    "page.provisions": ("条款覆盖", "provisions carried"),
    "page.articles": ("条", "articles"),
    "page.bar_label": ("摘要与筛选", "Summary and filters"),
    "page.chips_label": ("按关系筛选", "Filter by relation"),
    "page.show_all_title": ("显示全部条文", "show every article"),
    "page.show_all": ("全部", "all"),
    "page.only_changes_title": ("只看有变化的条文", "show only changed articles"),
    "page.only_changes": ("仅变化", "changes only"),
    "page.prev_title": ("上一处变化（k）", "previous change (k)"),
    "page.prev": ("↑ 上一处", "↑ previous"),
    "page.next_title": ("下一处变化（j）", "next change (j)"),
    "page.next": ("↓ 下一处", "↓ next"),
    "page.inserted": ("新增文字", "inserted"),
    "page.deleted": ("删除文字", "deleted"),
    "page.jump": ("跳转", "jump"),
    "page.score_help": ("相似度说明", "about similarity"),
    "page.pos_at": ("第 {index} / {total} 处变化", "change {index} of {total}"),
    "page.pos_all": ("共 {total} 处变化", "{total} changes"),
    "page.unchanged_left_out": ("另有 {n} 条未修改，未列出（见上方“未修改”计数）。", "{n} unchanged articles are not shown (counted above as unchanged)."),
    "page.score_meaning": (
        "相似度（0–1）：两侧独有措辞的重合程度（按字符二元组的 TF-IDF 余弦计算，常见套语几乎不计）。"
        "1 为相同；约 {reading} 以上为同一条款改写；{min_score}–{reading} 为部分相同。"
        "每一对应是否标为“待核”不由相似度一项决定：按人工对照校准的模型综合相似度、与次优候选的差距、逐款相似度、独有措辞、条文功能和引用，"
        "估计其正确的概率；概率高的为确定，居中的标为“待核”请读者判断，更低的不作对应，只列为候选。",
        "Similarity (0–1): how much of the wording particular to the two sides they share (TF-IDF cosine of "
        "character bigrams; stock phrasing counts for almost nothing). 1 is the same text; from about {reading} the same "
        "provision reworded; {min_score}–{reading} partly the same. Whether a correspondence is marked unsure is not decided by "
        "the score alone: a model fitted on hand-made alignments weighs the score, its margin over the next candidate, the scores of the "
        "paragraphs, distinctive wording, the articles' function and their citations into the probability that it is right; a high one is "
        "sure, a middling one is marked unsure for the reader to judge, a lower one is no correspondence, only a listed candidate.",
    ),
    "page.decide_help": (
        "在本页逐条确认或否决对应关系：决定保存在本浏览器中，点“下载决定”得到一个文件，交给 fagui link apply FILE 提交到语料库；提交后，各种输出都按决定显示。",
        "Confirm or reject correspondences on this page: decisions are kept in this browser; “Download decisions” saves a file for fagui link apply FILE to commit to the corpus, after which every output shows them.",
    ),
    "page.decide_head": ("审核决定", "Reviewer decisions"),
    "page.decide_none": ("本页尚无决定", "no decisions on this page yet"),
    "page.decide_count": ("本页已决定 {n} 项（保存在本浏览器）", "{n} decided on this page (kept in this browser)"),
    "page.decide_hint": ("逐条点“确认”或“否决”，再点“下载决定”，用 fagui link apply 提交", "click “confirm” or “reject” on each, then “Download decisions”, and commit it with fagui link apply"),
    "page.decide_download": ("下载决定", "Download decisions"),
    "page.decide_clear": ("清除", "Clear"),
    "page.confirm": ("确认", "confirm"),
    "page.reject": ("否决", "reject"),
    "page.confirm_title": ("确认 {what}", "confirm {what}"),
    "page.reject_title": ("否决 {what}", "reject {what}"),
    "page.best_pair": ("最佳一对款项的相似度", "similarity of the best pair of paragraphs"),
    "page.shares_to": ("部分条款见于", "partly carried into"),
    "page.shares_from": ("部分条款来自", "partly carried from"),
    "page.no_counterpart": ("{name}：无对应条文", "{name}: no counterpart"),
    "page.across_title": ("{label} 在各地的对照", "{label} across the local texts"),
    "page.across": ("各地对照", "across the local texts"),
    "page.row_link": ("本行链接", "link to this row"),
    "coverage.as_is": ("照搬", "adopted as is"),
    "coverage.reworded": ("改写", "reworded"),
    "coverage.partly": ("部分采纳", "partly adopted"),
    "coverage.not_adopted": ("未采纳", "not adopted"),
    "coverage.unsure": ("待核", "unsure: to be checked"),
    "coverage.cell": ("{col} · {label}：{status}，款项覆盖 {share}", "{col} · {label}: {status}, {share} of its paragraphs and items carried"),
    "index.title": ("法规对照报告", "Comparison report"),
    "index.lede": (
        "{pairs} 组上位与实施文本对照 · {histories} 组版本对照。点击地方名称打开逐条对照页；覆盖矩阵中的每一格链接到对应条文。",
        "{pairs} comparisons of a higher-level text with texts implementing it · {histories} comparisons of versions. A local text's name opens its article-by-article page; each cell of a coverage matrix links to its article.",
    ),
    "index.group": ("（{jurisdiction}，{n} 个地方文本）", "({jurisdiction}, {n} local texts)"),
    "index.matrix_head": ("覆盖矩阵", "Coverage matrix"),
    "index.matrix_lede": ("{title} 的每一条在各地方文本中的采纳情况：按款、项计算，格中列出承载该条的地方条文", "how each article of {title} is adopted in each local text, by paragraphs and items; a cell lists the local articles that carry it"),
    "index.matrix_csv": ("覆盖矩阵 CSV", "Coverage matrix CSV"),
    "index.matrix_csv_note": ("（UTF-8，可用 Excel 打开）；点击条文名称查看该条在各地的对照，格中“各地”链接到该地方一节。", " (UTF-8, opens in Excel); an article's name shows it across the local texts, and “across” in a cell links to that text's part."),
    "index.no_pairs": ("没有上位与实施文本的对照（texts/ 中需要实施或援引另一文本的文本，见 docs/report.md）。", "No higher-level text compared with a text implementing it (texts/ needs a text that implements or cites another: see docs/report.md)."),
    "index.history": ("版本历史", "Version history"),
    "index.col_article": ("条文", "article"),
    "index.col_adopted": ("采纳", "adopted"),
    "index.col_local": ("地方", "local"),
    "index.col_local_text": ("地方文本", "local text"),
    "index.col_articles": ("条数", "articles"),
    "index.col_table": ("对照表", "table"),
    "index.col_regulation": ("法规", "regulation"),
    "index.col_versions": ("版本", "versions"),
    "index.col_changes": ("变化", "changes"),
    "index.col_text": ("文本", "text"),
    "index.col_cites": ("援引", "cites"),
    "index.col_file": ("文件", "file"),
    "index.col_reason": ("原因", "reason"),
    "index.adopted_title": ("有对应条文的参照条文比例", "share of the reference text's articles with a counterpart"),
    "index.no_change": ("无变化", "no change"),
    "index.docx_title": ("Word 对照表：左栏删除线为删除，右栏加粗为新增", "Word comparison table: struck through on the left is deleted, bold on the right is new"),
    "index.pairing": ("配对依据：{why}", "compared because: {why}"),
    "index.across": ("各地", "across"),
    "index.across_title": ("{label}：各地对照（{col}）", "{label} across the local texts ({col})"),
    "index.cites_none": ("（未援引其他文本）", "(cites no other text)"),
    "index.unpaired": ("未配对文本", "Texts compared with nothing"),
    "index.unpaired_lede": ("文本库中没有它们所实施或援引的上位文本", "the corpus holds no higher-level text they implement or cite"),
    "index.unreadable": ("无法读取的文本", "Texts that cannot be read"),
    "index.unreadable_lede": ("这些文件不是规范的 Markdown，未列入本报告；用 fagui check 查看", "these files are not canonical Markdown and are left out of this report: see fagui check"),
    "article_page.title": ("{title} {label}：各地对照", "{title} {label} across the local texts"),
    "article_page.none": ("该对照中没有此条。", "This comparison does not have this article."),
    "article_page.share": ("款项覆盖 {share}", "{share} of its paragraphs and items carried"),
    "article_page.back_matrix": ("↑ 覆盖矩阵", "↑ coverage matrix"),
    "article_page.see": ("在对照页中查看{label}", "see {label} on the comparison page"),
    "article_page.no_carrier": ("没有条文承载此条的款、项。", "No article carries a paragraph or item of this one."),
    "article_page.lede": ("{adopted}/{n} 个地方文本承载此条的款、项。标记（高亮）的是地方条文与本条共有的措辞。", "{adopted} of {n} local texts carry its paragraphs or items. Marked (highlighted): the wording a local article shares with it."),
    "article_page.reference": ("参照条文", "Reference article"),
    "pairing.declared": ("前置元数据 implements 指定 {names}", "the front matter's implements names {names}"),
    "pairing.title": ("标题称实施{names}", "its title says it implements {names}"),
    "pairing.basis_clause": ("第一条（制定依据）援引{names}", "its first article (the basis) cites {names}"),
    "pairing.shared_basis": ("二者均依据{names}制定（该上位法不在文本库中）", "both are made under {names} (not in the corpus)"),
    "impact.no_review": ("{why}，无需复核", "{why}: nothing to review"),
    "impact.follows_newest": ("依据最新版本", "follows the newest version"),
    "impact.unchanged_since": ("其承载的国家条文此后未修改", "the national articles it carries have not changed since"),
    "impact.head": ("{title} 修订影响", "{title}: what its revision affects"),
    "impact.lede": (
        "最新版本施行 {effective}（{n} 个版本）：各实施文本依据的版本，及其承载、此后被修改的国家条文（需复核）",
        "newest version in force {effective} ({n} versions): the version each implementing text follows, and the national articles it carries that changed since (to review)",
    ),
    "impact.col_text": ("实施文本", "implementing text"),
    "impact.col_followed": ("依据版本", "version followed"),
    "impact.col_national": ("国家条文", "national article"),
    "impact.col_local": ("地方条文", "local articles"),
    "impact.col_change": ("国家修改", "national change"),
    "repetition.head": ("重复上位法", "Repeating the higher-level text"),
    "repetition.lede": (
        "各实施文本中与其上位文本几乎逐字相同的条文（条文字符的 {share} 以上与上位条文相同），按比例排序",
        "articles of each implementing text that repeat its higher-level text nearly word for word ({share} or more of their characters the same), highest share first",
    ),
    "repetition.csv": ("重复条文 CSV", "Repeated articles CSV"),
    "repetition.csv_note": ("（UTF-8，可用 Excel 打开）", " (UTF-8, opens in Excel)"),
    "repetition.col_text": ("文本", "text"),
    "repetition.col_count": ("重复条数", "repeating"),
    "repetition.col_share": ("比例", "share"),
    "repetition.col_articles": ("重复条文（上位条文，相同字符比例）", "repeating articles (higher-level article, share the same)"),
    "repetition.item": ("{label}（{sources}，{share}）", "{label} ({sources}, {share})"),
    # the git driver (cli.gitdiff)
    "driver.unchanged": ("另有 {n} 条未变，未列出", "{n} unchanged articles not shown"),
    "driver.not_canonical": ("注意：{path}:{line} 不是规范格式（{reason}）；运行 fagui check 查看", "note: {path}:{line} is not in canonical form ({reason}); run fagui check"),
    "side.new_file": ("无此文件", "no file"),
    "side.deleted_file": ("文件已删除", "file deleted"),
    "driver.renumbered": ("调整顺序（{n}）：{moves}", "renumbered ({n}): {moves}"),
    # fagui review (renderers.review)
    "review.title": ("## fagui 审阅：`{base}..{head}`", "## fagui review: `{base}..{head}`"),
    "review.nothing": ("此范围内没有法规变化。", "No regulation changes in this range."),
    "review.errors": ("**错误：{n} 个文件不是规范格式**（运行 `fagui check`）：", "**Errors: {n} file(s) not in canonical form** (run `fagui check`):"),
    "review.col_regulation": ("法规", "regulation"),
    "review.col_file": ("文件", "file"),
    "review.col_front_matter": ("元数据", "front matter"),
    "review.error": ("**错误**", "**error**"),
    "review.added": ("新增", "added"),
    "review.modified": ("修改", "modified"),
    "review.deleted": ("删除", "deleted"),
    "review.renamed": ("更名，原为 {old}", "renamed from {old}"),
    "review.source_note": ("> **与来源文本不符：** {note}", "> **Not what its source gives:** {note}"),
    "review.front_matter": ("- 元数据：{fields}", "- Front matter: {fields}"),
    "review.front_matter_changed": ("- 元数据变化：{fields}", "- Front matter changed: {fields}"),
    "review.none": ("（无）", "(none)"),
    "review.only_front_matter": ("条文没有变化，仅上述元数据有变化。", "No article changed; only the front matter above."),
    "pair.number": ("序号 {n}", "row {n}"),
    "pair.note": ("（{note}）", "({note})"),
    "review.count_unsure": ("{n} + 待核 {unsure}", "{n} + {unsure} unsure"),
    "review.unsure_note": (
        "“+ 待核 N”：引擎不能确定的 N 条另计（如看似删除，但另一方有相近条文），请核对；提交信息和 `fagui log` 的计数包括待核的。",
        "“+ N unsure”: N articles the engine is unsure of, counted apart (one that looks deleted, say, but comes close to an article on the other side): check them; the commit message and `fagui log` count them in.",
    ),
    "review.changed_articles": ("{n} 条有变化", "{n} changed articles"),
    "review.shared_with_to": ("部分条款见于{other}", "carried into {other}"),
    "review.shared_with_from": ("部分条款来自{other}", "carried from {other}"),
    "review.left_out_here": ("*…… 本法规另有{more}未列出，见文末说明。*", "*… {more} of this regulation left out: see the note at the end.*"),
    "count.more_changed.one": (" {n} 条有变化的条文", "{n} more changed article"),
    "count.more_changed.many": (" {n} 条有变化的条文", "{n} more changed articles"),
    "count.changed.one": ("{n} 条有变化的条文", "{n} changed article"),
    "count.changed.many": ("{n} 条有变化的条文", "{n} changed articles"),
    "count.regulation.one": ("{n} 部法规", "{n} regulation"),
    "count.regulation.many": ("{n} 部法规", "{n} regulations"),
    "review.in_part": ("{id} 部分", "{id} in part"),
    "review.entirely": ("{regulations}全部", "{regulations} entirely"),
    "review.limit": ("{n} 个字符", "{n} characters"),
    "review.github_limit": ("（GitHub 评论的上限）", " (GitHub's limit for a comment)"),
    "review.everything": (
        "全部内容：`fagui review {base}..{head} --max-chars 0`（Markdown，不截短）或 `fagui review {base}..{head} --format json`",
        "Everything: `fagui review {base}..{head} --max-chars 0` (Markdown, uncapped) or `fagui review {base}..{head} --format json`",
    ),
    "review.in_place": ("；就地修改的法规：`fagui diff ID@{base} ID@{head} --format markdown`", "; one regulation changed in place: `fagui diff ID@{base} ID@{head} --format markdown`"),
    "review.shortened": (
        "**为不超过{limit}已截短：** {total}中 {left_out} 条未列出{where}。上面的计数表是完整的。",
        "**Shortened to stay within {limit}:** {left_out} of {total} left out{where}. The table of counts above is complete.",
    ),
    "review.where": ("（{parts}）", " ({parts})"),
    "review.decisions": ("**审核决定**（`fagui link`）：", "**Reviewer decisions** (`fagui link`):"),
    "review.decision_counts": ("新增 {added} 项，撤销 {removed} 项", "{added} added, {removed} removed"),
    "review.decisions_more": ("…… 另有 {n} 项（`fagui review --format json` 列出全部）", "… and {n} more (`fagui review --format json` lists them all)"),
    "verdict.confirmed": ("已确认", "confirmed"),
    "verdict.rejected": ("已否决", "rejected"),
    "field.adopted": ("通过日期", "adopted"),
    "field.issuer": ("制定机关", "issuer"),
    "field.level": ("层级", "level"),
    "field.status": ("状态", "status"),
    "field.kind": ("类别", "kind"),
    "field.implements": ("所实施的上位法", "implements"),
    "field.signatory": ("签署人", "signatory"),
    "field.source": ("来源", "source"),
    "field.source_sha256": ("来源 SHA-256", "source sha256"),
    # commit messages (fagui.store.message): the subject keeps "ID: " first in both languages
    "commit.subject": ("{id}: 自{effective}起施行的版本", "{id}: version effective {effective}"),
    # what changed in a version (fagui.store.changes.Changes.describe)
    "changes.first": ("第一个版本，共{n}条", "first version, {n} articles"),
    "changes.counted": ("{relation}{n}条", "{n} {relation}"),
    "changes.none": ("条文没有变化", "no article changed"),
    # one-line answers of add, log, history, show and link (cli/)
    "add.version": ("[{commit}] {id}{name}：自{effective}起施行的版本（{changes}）{tagged}", "[{commit}] {id}{name}: version effective {effective} ({changes}){tagged}"),
    "add.tagged": ("，标签 {tag}", ", tagged {tag}"),
    "add.unchanged": ("{id}{name}：未变，此文本已是当前版本（{commit}）{tagged}", "{id}{name}: unchanged, this text is already the current version ({commit}){tagged}"),
    "add.skipped": ("{id}{name}：已跳过，此文件已记录（{commit}）", "{id}{name}: skipped, already recorded ({commit})"),
    "add.dry_run": ("{regulations} 部法规，{files} 个文件；未添加（--dry-run）", "{regulations} regulations, {files} files; nothing added (--dry-run)"),
    # fagui init (cli.store, fagui.store.making)
    "init.done": ("已在 {directory} 建立 fagui 法规库（提交 {commit}）", "made a fagui corpus in {directory} (commit {commit})"),
    "init.commit": ("建立 fagui 法规库：README 与 texts/", "Start a fagui corpus: README and texts/"),
    "init.readme": (
        "# 法规库\n\n"
        "用 fagui 管理的法规文本库：每部法规在 `texts/` 下有一个规范 Markdown 文件，每个版本一次提交，由 `fagui add` 生成。\n\n"
        "- `texts/<地区>/<名称>.md`：规范 Markdown 格式的文本；其 ID 为 `<地区>/<名称>`"
        "（例如 `jilin/counterespionage-work-provisions`）。\n"
        "- `texts/<地区>/<名称>.source.txt`：导入时的原始文本，逐字节保存。\n\n"
        "```\n"
        "fagui add RAW --id ID [--effective YYYY-MM-DD] [--source URL]   提交一个新版本\n"
        "fagui log ID                                                    各个版本\n"
        "fagui show ID[@REV | @YYYY-MM-DD] [--article N]                 某一版本（某日施行的版本）\n"
        "fagui history ID --article N                                    某条文字的修改经过\n"
        "```\n",
        "# Regulations\n\n"
        "A corpus of regulation texts kept with fagui: one canonical Markdown file per regulation\n"
        "under `texts/`, one commit per version, made by `fagui add`.\n\n"
        "- `texts/<jurisdiction>/<slug>.md`: the text, in canonical Markdown; its id is\n"
        "  `<jurisdiction>/<slug>` (for example `jilin/counterespionage-work-provisions`).\n"
        "- `texts/<jurisdiction>/<slug>.source.txt`: the raw text it was ingested from, byte for byte.\n\n"
        "```\n"
        "fagui add RAW --id ID [--effective YYYY-MM-DD] [--source URL]   commit a new version\n"
        "fagui log ID                                                    its versions\n"
        "fagui show ID[@REV | @YYYY-MM-DD] [--article N]                 one version (in force on a day)\n"
        "fagui history ID --article N                                    when an article's wording changed\n"
        "```\n",
    ),
    "log.effective": ("施行日期 {day}", "effective {day}"),
    "log.effective_early": ("施行日期 {day}（早于{what} {later}）", "effective {day} (before its {what} {later})"),
    "add.effective_early": (
        "注意：{id} 文本所载施行日期 {day} 早于其{what} {later}，可能是第一版的施行日期；按日期查找有效版本（ID@日期）依施行日期，请用 --effective 给出本版的施行日期",
        "note: {id}: the text's effective date {day} is before its {what} {later}, probably the first version's; ID@DATE finds versions by it: give this version's own with --effective",
    ),
    "date.adopted": ("通过日期", "adoption"),
    "date.revised": ("修订日期", "revision"),
    "date.amended": ("修正日期", "amendment"),
    "date.promulgated": ("公布日期", "promulgation"),
    "log.promulgated": ("公布日期 {day}", "promulgated {day}"),
    "log.adopted": ("通过日期 {day}", "adopted {day}"),
    "log.revised": ("修订日期 {day}", "revised {day}"),
    "log.amended": ("修正日期 {day}", "amended {day}"),
    "show.version": ("{spec}：版本 {revision}，施行日期 {effective}", "{spec}: version {revision}, effective {effective}"),
    "history.line": ("{commit}  施行日期 {effective}  {label}  {relation}", "{commit}  effective {effective}  {label}  {relation}"),
    "history.wording_unchanged": ("（文字未变）", "(wording unchanged)"),
    "link.unchanged": ("{path}：未变，已是这一决定", "{path}: unchanged, already decided so"),
    "link.done": ("[{commit}] {path}：{verdict} {left} ↔ {right}（{strength}）", "[{commit}] {path}: {verdict} {left} ↔ {right} ({strength})"),
    "link.none": ("{left} ↔ {right} 没有审核决定", "no decisions on {left} ↔ {right}"),
    "link.line": ("{state}\t{where}\t{strength}\t第 {line} 行{note}", "{state}\t{where}\t{strength}\tline {line}{note}"),
    "link.decided_as": ("（决定时为 {left} ↔ {right}）", " (decided as {left} ↔ {right})"),
    "link.gone": ("条文已删除", "article deleted"),
    "commit.first": ("语料库中的第一个版本：{title}，共{n}条。", "First version in the corpus: {title}, {n} articles."),
    "commit.relation": ("{relation}（{n}）：{labels}", "{relation} ({n}): {labels}"),
    # lists, sides and headings shared by the renderers
    "list.sep": ("、", ", "),
    "list.comma": ("，", ", "),
    "list.semicolon": ("；", "; "),
    "list.colon": ("：", ": "),
    "side.old": ("旧版", "old"),
    "diff.sides": ("{left}（{left_side}） ↔ {right}（{right_side}）", "{left} ({left_side}) ↔ {right} ({right_side})"),
    "side.new": ("新版", "new"),
    # text and Markdown renderers
    "sum.articles": ("条文 {left} ↔ {right} 条", "{left} ↔ {right} articles"),
    "sum.kept": ("保留 {share}", "kept {share}"),
    "sum.adopted": ("采纳 {share}", "adopted {share}"),
    "sum.text_shared": ("沿用文字 {share}", "text shared {share}"),
    "sum.provisions": ("条款覆盖 {share}", "provisions carried {share}"),
    "legend": ("图例：[-删除-] {{+新增+}}", "legend: [-deleted-] {{+inserted+}}"),
    "md.legend": ("图例：`[-删除-]` `{{+新增+}}`", "Legend: `[-deleted-]` `{{+inserted+}}`"),
    "md.table_head": ("| 关系 | 条数 | 含义 |", "| relation | pairs | meaning |"),
    "md.shares_head": ("#### 见于非对应条文的款、项（共享）：{n}", "#### Provisions carried between articles that are not counterparts (shares): {n}"),
    "md.group": ("{name}：{n}", "{name}: {n}"),
    "md.no_change": ("没有条文变化。", "No article changed."),
    "md.no_substantive": ("没有实质变化。", "No substantive change."),
    "md.renumbered_only": ("仅调整条序（{n}）：{moves}", "Renumbered only ({n}): {moves}"),
    "md.references_only": ("仅引用条号更新，随重新编号（{n}）：{moves}", "Reference updates only (they follow the renumbering) ({n}): {moves}"),
    # the Word 对照表 (renderers.docx)
    "docx.title_versions": ("{title}修改前后对照表", "{title}: table of amendments"),
    "docx.title_pair": ("{left}与{right}对照表", "{left} and {right}: comparison table"),
    "docx.role_old": ("修改前", "Before"),
    "docx.role_new": ("修改后", "After"),
    "docx.role_reference": ("参照文本", "Reference text"),
    "docx.role_derived": ("地方文本", "Local text"),
    "docx.notes_column": ("说明", "Notes"),
    "field.title": ("标题", "Title"),
    "field.document_number": ("文号", "Document number"),
    "field.jurisdiction": ("地区", "Jurisdiction"),
    "field.promulgated": ("公布日期", "Promulgated"),
    "field.effective": ("施行日期", "Effective"),
    "docx.counts": ("条文：{left} ↔ {right}。{summary}。", "Articles: {left} ↔ {right}. {summary}."),
    "docx.legend": (
        "说明：右栏加粗的文字为新增（左栏没有），左栏加删除线的文字为删除（右栏没有）；"
        "仅一侧有的条文，另一栏注明“新增”“删除”（版本之间）或“地方新增”“未采纳”（参照文本与地方文本之间）；"
        "“共享条款”指该条的款、项见于另一侧的其他条文，见说明栏。",
        "Notes: words in bold in the right column are new (the left has none); words struck through in the left "
        "column are deleted (the right has none); an article on one side only stands against a cell that says "
        "added or deleted (between versions), or provincial only or not adopted (between a reference text and a "
        "local text); shared means a paragraph or item of the article appears in another article on the other side, "
        "as the notes column says.",
    ),
    "docx.similarity": ("相似度 {score}", "similarity {score}"),
    "docx.unsure": ("待核（未计入上列数字）：{summary}。", "Unsure (待核, counted apart): {summary}."),
    "docx.to_check": ("{note}（待核）", "{note} (unsure: to be checked)"),
    "docx.shares_to": ("{label}{mine}见于{other}{there}{theirs}", "{label} {mine} appears in {other} {there} {theirs}"),
    "docx.shares_from": ("{label}{mine}来自{other}{there}{theirs}", "{label} {mine} comes from {other} {there} {theirs}"),
    "shares.line": ("共享：{mine} {arrow} {other}", "shares: {mine} {arrow} {other}"),
    # what a change means in law (fagui.meaning); the sentences themselves are the engine's, in Chinese
    "kind.modality": ("情态", "modality"),
    "kind.amount": ("数额", "amount"),
    "kind.time_limit": ("期限", "time limit"),
    "kind.actor": ("主体", "actor"),
    "kind.sanction": ("处罚", "sanction"),
    "kind.reference": ("引用", "reference"),
    "meaning.line": ("【{kind}】{says}（{where}）", "[{kind}] {says} ({where})"),
    "meaning.filter": ("仅含义变化", "meaning changed"),
    "meaning.filter_title": ("只看含义（情态、数额、期限、主体、处罚、引用）有变化或有审查提示的条文", "only the pairs whose meaning changed (modality, amount, time limit, actor, sanction, reference) or that carry a flag"),
    "meaning.list": ("含义变化", "what the change means"),
    "flag.penalty_beyond_higher": ("处罚幅度超出上位法", "penalty beyond the higher-level range"),
    "flag.rule_penalty_beyond_power": ("规章设定处罚超出权限", "government rule sets a penalty beyond its power"),
    "flag.rule_creates_licence": ("规章设定行政许可", "government rule creates a licence"),
    "flag.rule_coercive_measure": ("规章设定行政强制", "government rule sets a coercive measure"),
    "flag.duty_became_permission": ("上位法义务改为授权", "national duty made a permission"),
    "flag.badge": ("审查提示", "flag"),
    "flag.note": ("审查提示：依所列规则自动标出，供审查人核对，并非结论。", "Flags are raised by the rules named, for a reviewer to check; they are not findings."),
    "flag.line": ("审查提示【{rule}】{says}（依据：{basis}；{where}）", "flag [{rule}] {says} (rule: {basis}; {where})"),
    "flag.head": ("审查提示：{n} 处", "Flags for review: {n}"),
    "flag.column": ("审查提示", "Flags"),
    # fagui diff --explain (renderers.explain); rule names are the passes' own (in_order_chain …)
    "explain.left": ("左侧", "left"),
    "explain.right": ("右侧", "right"),
    "explain.head": ("{label}（{side}：{title}）", "{label} ({side}: {title})"),
    "explain.candidates": ("{other}的候选：{n} 条有共同文字，相似度从高到低", "candidates on the {other}: {n} sharing wording, best score first"),
    "explain.col_article": ("条文", "article"),
    "explain.col_score": ("相似度", "score"),
    "explain.col_rank": ("名次", "rank"),
    "explain.col_block": ("最相似款项", "best block"),
    "explain.mutual": ("互为最佳", "each other's best"),
    "explain.more": ("…… 另有 {n} 条", "… {n} more"),
    "explain.rules": ("各规则，按运行顺序：", "rules, in the order they ran:"),
    "explain.nothing": ("未涉及本条", "nothing for this article"),
    "explain.made": ("建立{kind} {link}", "made {kind} {link}"),
    "explain.removed": ("撤销{kind} {link}", "removed {kind} {link}"),
    "explain.refused": ("否决，仅作候选：{kind} {link}", "refused: a candidate {kind} {link}"),
    "explain.accepted": ("认定为{grade}：{kind} {link}", "accepted as {grade} {kind} {link}"),
    "explain.probability": ("（p={p}）", " (p={p})"),
    "explain.made_by": ("{label}（{rule}）", "{label} ({rule})"),
    "explain.result": ("结果：{relation} {counterparts}，{grade}", "result: {relation} {counterparts}, {grade}"),
    "explain.no_group": ("结果：—", "result: —"),
}
"""Message id -> (Chinese, English)."""


def count(key: str, n: int, lang: Lang = DEFAULT_LANG) -> str:
    """``n`` things named by message ``key.one`` or ``key.many`` (English
    plurals; Chinese has one form): 1 changed article, 3 changed articles."""
    return say(f"{key}.{'one' if n == 1 else 'many'}", lang, n=n)


def say(key: str, lang: Lang = DEFAULT_LANG, /, **args: object) -> str:
    """Message ``key`` in ``lang``, its ``{placeholders}`` filled from ``args``."""
    zh, en = CATALOGUE[key]
    text = zh if Lang(lang) is Lang.ZH else en
    return text.format(**args)
