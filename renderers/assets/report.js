/* fagui report: filters by relation, next/previous change (buttons, j/k), anchors.
   Works on the page as rendered; needs no data of its own and makes no request.
   Filtering rewrites one <style> rule, so it costs the same for 50 rows or 5,000. */
(function () {
  "use strict";
  var rows = document.getElementById("rows");
  if (!rows) return;
  var bar = document.getElementById("bar");
  var pos = document.getElementById("pos");
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".chips input[type=checkbox]"));
  var changes = Array.prototype.slice.call(rows.querySelectorAll(".row.chg"));
  var hidden = {};
  var current = null;
  var rule = document.createElement("style");
  document.head.appendChild(rule);

  function quote(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/[^\w-]/g, "\\$&");
  }

  function apply() {
    var css = [];
    hidden = {};
    boxes.forEach(function (box) {
      var rel = box.getAttribute("data-rel");
      if (!box.checked) {
        hidden[rel] = true;
        css.push('.row[data-rel="' + quote(rel) + '"]');
      }
      var chip = box.closest(".chip");
      if (chip) chip.classList.toggle("off", !box.checked);
    });
    rule.textContent = css.length ? css.join(",") + "{display:none}" : "";
    if (current && hidden[current.getAttribute("data-rel")]) setCurrent(null);
    status();
  }

  // "only pairs whose meaning changed": a second rule, beside the relation filter.
  var onlyMeaning = document.getElementById("only-meaning");
  var meaningRule = document.createElement("style");
  document.head.appendChild(meaningRule);
  function applyMeaning() {
    meaningRule.textContent = onlyMeaning && onlyMeaning.checked ? ".row:not([data-meaning]){display:none}" : "";
    if (current && onlyMeaning.checked && !current.hasAttribute("data-meaning")) setCurrent(null);
    status();
  }
  if (onlyMeaning) onlyMeaning.addEventListener("change", applyMeaning);

  function visibleChanges() {
    var meaning = onlyMeaning && onlyMeaning.checked;
    return changes.filter(function (row) {
      return !hidden[row.getAttribute("data-rel")] && (!meaning || row.hasAttribute("data-meaning"));
    });
  }

  // What stays on screen: the whole bar, or on a phone its navigation line alone.
  function sticky() {
    var nav = bar && bar.querySelector(".nav");
    var style = bar && getComputedStyle(bar);
    if (style && style.position === "sticky" && style.display !== "contents") return bar;
    return nav && getComputedStyle(nav).position === "sticky" ? nav : null;
  }

  function barBottom() {
    var el = sticky();
    return el ? Math.max(0, el.getBoundingClientRect().bottom) : 0;
  }

  function measure() {
    var el = sticky();
    var h = el ? el.offsetHeight : 0;
    document.documentElement.style.setProperty("--bar-h", h + "px");
  }

  function status(index, total) {
    if (!pos) return;
    if (total === undefined) total = visibleChanges().length;
    // The words come from the page, in its language (data-pos-at, data-pos-all on the bar).
    var words = index ? bar.getAttribute("data-pos-at") : bar.getAttribute("data-pos-all");
    pos.textContent = words.replace("{index}", index).replace("{total}", total);
    measure();  // a longer count can wrap the phone's navigation line onto two
  }

  function setCurrent(row) {
    if (current) current.classList.remove("current");
    current = row;
    if (row) row.classList.add("current");
  }

  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.bottom > barBottom() && r.top < window.innerHeight;
  }

  function go(step) {
    var list = visibleChanges();
    if (!list.length) { status(0, 0); return; }
    var i = current ? list.indexOf(current) : -1;
    if (i >= 0 && inView(current)) {
      i += step;
    } else {
      // The first change whose top is below the sticky bar (rows are in page order).
      var line = barBottom() + 2, lo = 0, hi = list.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (list[mid].getBoundingClientRect().top < line) lo = mid + 1; else hi = mid;
      }
      i = step > 0 ? lo : lo - 1;
    }
    i = Math.max(0, Math.min(list.length - 1, i));
    var row = list[i];
    setCurrent(row);
    status(i + 1, list.length);  // first: the count it shows sets the sticky line's height the scroll leaves room for
    row.scrollIntoView({ block: "start" });
    if (history.replaceState) history.replaceState(null, "", "#" + row.id);
  }

  function reveal() {
    // An anchor into a row the filters hide: show everything again.
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* a malformed %-escape: use it as written */ }
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var row = el.closest ? el.closest(".row") : null;
    var byMeaning = row && onlyMeaning && onlyMeaning.checked && !row.hasAttribute("data-meaning");
    if (row && (hidden[row.getAttribute("data-rel")] || byMeaning)) {
      boxes.forEach(function (box) { box.checked = true; });
      if (onlyMeaning) onlyMeaning.checked = false;
      applyMeaning();
      apply();
      el.scrollIntoView({ block: "start" });
    }
    if (row) setCurrent(row);
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  Array.prototype.forEach.call(document.querySelectorAll("button.only"), function (button) {
    button.addEventListener("click", function () {
      var only = button.getAttribute("data-only");
      boxes.forEach(function (box) { box.checked = box.getAttribute("data-rel") === only; });
      apply();
    });
  });
  var all = document.getElementById("show-all");
  if (all) all.addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = true; });
    if (onlyMeaning) { onlyMeaning.checked = false; applyMeaning(); }
    apply();
  });
  var onlyChanges = document.getElementById("only-changes");
  if (onlyChanges) onlyChanges.addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = !box.hasAttribute("data-unchanged"); });
    apply();
  });
  var next = document.getElementById("next");
  var prev = document.getElementById("prev");
  if (next) next.addEventListener("click", function () { go(1); });
  if (prev) prev.addEventListener("click", function () { go(-1); });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && t.type !== "checkbox")) return;
    if (e.key === "j") { e.preventDefault(); go(1); }
    else if (e.key === "k") { e.preventDefault(); go(-1); }
  });
  window.addEventListener("hashchange", reveal);
  window.addEventListener("resize", measure);
  measure();
  apply();
  reveal();
})();

/* Reviewer decisions: confirm / reject buttons on every link and candidate
   (any element .dec with data-left, data-right, data-strength and the two
   articles' fingerprints), kept in this browser (localStorage, per pair of
   regulations), downloaded as a decisions file for `fagui link apply FILE`. */
(function () {
  "use strict";
  var bar = document.getElementById("decide");
  if (!bar) return;
  var leftId = bar.getAttribute("data-left-id"), rightId = bar.getAttribute("data-right-id");
  var versions = [bar.getAttribute("data-left-version") || null, bar.getAttribute("data-right-version") || null];
  var storeKey = "fagui.decisions:" + leftId + "|" + rightId;
  var count = document.getElementById("decide-count");
  var download = document.getElementById("decide-download");
  var clear = document.getElementById("decide-clear");
  var controls = Array.prototype.slice.call(document.querySelectorAll(".dec"));
  var memory = {};

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { return memory; }
  }
  function save(all) {
    memory = all;
    try { localStorage.setItem(storeKey, JSON.stringify(all)); } catch (e) { /* private mode: kept for this visit */ }
  }
  function key(el) {
    return el.getAttribute("data-left") + "|" + el.getAttribute("data-right") + "|" + el.getAttribute("data-strength");
  }
  function show() {
    var all = load();
    controls.forEach(function (el) {
      var d = all[key(el)];
      var verdict = d ? d.decision : "";
      el.setAttribute("data-decision", verdict);
      el.querySelector(".ok").setAttribute("aria-pressed", verdict === "confirmed" ? "true" : "false");
      el.querySelector(".no").setAttribute("aria-pressed", verdict === "rejected" ? "true" : "false");
    });
    var n = Object.keys(all).length;
    count.textContent = n ? bar.getAttribute("data-count").replace("{n}", n) : bar.getAttribute("data-none");  // words from the page
    download.disabled = clear.disabled = !n;
  }
  function decide(el, verdict) {
    var all = load(), k = key(el);
    if (all[k] && all[k].decision === verdict) {
      delete all[k];  // a second click takes the decision back
    } else {
      all[k] = {
        decision: verdict,
        left: el.getAttribute("data-left"),
        right: el.getAttribute("data-right"),
        strength: el.getAttribute("data-strength"),
        left_version: versions[0],
        right_version: versions[1],
        left_text: el.getAttribute("data-left-text"),
        right_text: el.getAttribute("data-right-text"),
        note: ""
      };
    }
    save(all);
    show();
  }
  function fileText() {
    var all = load();
    var lines = [JSON.stringify({ schema: "fagui.decisions/1", left: leftId, right: rightId })];
    Object.keys(all).sort().forEach(function (k) {
      var d = all[k];
      lines.push(JSON.stringify({
        decision: d.decision, left: d.left, right: d.right, strength: d.strength,
        left_version: d.left_version, right_version: d.right_version,
        left_text: d.left_text, right_text: d.right_text, note: d.note || ""
      }));
    });
    return lines.join("\n") + "\n";
  }

  controls.forEach(function (el) {
    el.querySelector(".ok").addEventListener("click", function () { decide(el, "confirmed"); });
    el.querySelector(".no").addEventListener("click", function () { decide(el, "rejected"); });
  });
  download.addEventListener("click", function () {
    var blob = new Blob([fileText()], { type: "application/x-ndjson;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "decisions-" + (leftId + "--" + rightId).replace(/\//g, "-") + ".jsonl";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  });
  clear.addEventListener("click", function () { save({}); show(); });
  show();
})();
