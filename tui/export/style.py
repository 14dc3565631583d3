"""The HTML report's inline CSS and script (kept in Python so the wheel needs no data files).

Every highlight has a colour AND a cue that is not colour: quotes italic, officials bold with a
solid underline, figures in a dashed box, opinion with a wavy underline.
"""

CSS = r"""
:root {
  color-scheme: light dark;
  --bg: #fdfdfb; --fg: #1d1f21; --muted: #5c6166; --line: #d6d8da; --panel: #f3f4f2;
  --focus: #1a5fd0;
  --q-bg: #dcebff; --q-line: #2f6fc9;
  --o-bg: #efe3ff; --o-line: #6a3fb5;
  --f-bg: #dcf3e3; --f-line: #2d7a45;
  --p-bg: #ffe7cf; --p-line: #c0471b;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181b; --fg: #e6e6e3; --muted: #a3a8ad; --line: #3a3f45; --panel: #1f2226;
    --focus: #7fb0ff;
    --q-bg: #1e3350; --q-line: #86b4ff;
    --o-bg: #35264f; --o-line: #c6a6ff;
    --f-bg: #1d3a27; --f-line: #7fd49a;
    --p-bg: #4a2c17; --p-line: #ffa36e;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 17px/1.6 Georgia, "Times New Roman", serif;
  overflow-wrap: anywhere;
}
.ui, h1, h2, h3, .toggles, .meta, .numbers, aside, #tip, footer {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.skip { position: absolute; left: -9999px; }
.skip:focus { left: .5rem; top: .5rem; background: var(--bg); padding: .3rem .6rem; z-index: 10; }
header.top { padding: 1.2rem clamp(.8rem, 3vw, 2rem) .4rem; max-width: 78rem; margin: 0 auto; }
h1 { font-size: clamp(1.35rem, 1rem + 1.6vw, 2rem); line-height: 1.25; margin: 0 0 .3rem; }
h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
h3 { font-size: .92rem; margin: 1rem 0 .35rem; color: var(--muted); }
.meta { color: var(--muted); font-size: .85rem; margin: 0; }
.notes { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
.numbers { display: flex; flex-wrap: wrap; gap: .4rem .8rem; list-style: none; padding: 0;
  margin: .8rem 0 0; font-size: .9rem; }
.numbers li { background: var(--panel); border: 1px solid var(--line); border-radius: .4rem;
  padding: .25rem .55rem; }
.numbers b { font-variant-numeric: tabular-nums; }
.toggles { position: sticky; top: 0; z-index: 5; background: var(--bg);
  border-bottom: 1px solid var(--line); }
.toggles .inner { max-width: 78rem; margin: 0 auto; padding: .5rem clamp(.8rem, 3vw, 2rem);
  display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.toggles .label { font-size: .85rem; color: var(--muted); margin-right: .2rem; }
.toggle { display: inline-flex; align-items: center; gap: .35rem; cursor: pointer;
  border: 1px solid var(--line); border-radius: 999px; padding: .2rem .65rem .2rem .45rem;
  font-size: .9rem; background: var(--panel); user-select: none; }
.toggle input { margin: 0; width: 1rem; height: 1rem; accent-color: var(--focus); }
.toggle:focus-within { outline: 3px solid var(--focus); outline-offset: 1px; }
.toggle .count { color: var(--muted); font-variant-numeric: tabular-nums; font-size: .8rem; }
.layout { max-width: 78rem; margin: 0 auto; padding: 0 clamp(.8rem, 3vw, 2rem) 2rem;
  display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2.5rem; }
@media (min-width: 60rem) {
  .layout { grid-template-columns: minmax(0, 1fr) minmax(16rem, 22rem); }
  aside { position: sticky; top: 3.4rem; align-self: start; max-height: calc(100vh - 4rem);
    overflow: auto; }
}
main { min-width: 0; max-width: 44rem; }
main p { white-space: pre-wrap; margin: 1rem 0; }
aside { min-width: 0; font-size: .9rem; }
aside ul { padding-left: 1.1rem; margin: .2rem 0; }
aside li { margin: .15rem 0; }
.role { color: var(--muted); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .85rem; }
th, td { text-align: left; padding: .25rem .3rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th.n, td.n { text-align: right; width: 4.2rem; font-variant-numeric: tabular-nums; }
dl.stats { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: .2rem .8rem; margin: 0; }
dl.stats dt { color: var(--muted); }
dl.stats dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }

/* highlights */
.hl { color: inherit; background: transparent; border-radius: 2px;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.hl:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.hl:focus:not(:focus-visible) { outline: none; }
.show-quotes .hl-quotes { background: var(--q-bg); font-style: italic; }
.show-officials .hl-officials { font-weight: 700; border-bottom: 2px solid var(--o-line);
  background: var(--o-bg); }
.show-figures .hl-figures { background: var(--f-bg); outline: 1px dashed var(--f-line);
  outline-offset: -1px; }
.show-opinion .hl-opinion { background: var(--p-bg); text-decoration: underline wavy var(--p-line);
  text-decoration-thickness: 1.5px; text-underline-offset: .22em; text-decoration-skip-ink: none; }
.show-figures .hl-figures:focus { outline: 3px solid var(--focus); }
.sample { padding: 0 .2rem; }
.toggle .sample.hl-quotes { font-style: italic; }

#tip { position: fixed; z-index: 20; max-width: min(26rem, calc(100vw - 1rem));
  background: var(--panel); color: var(--fg); border: 1px solid var(--line);
  border-left: 4px solid var(--focus); border-radius: .4rem; padding: .5rem .7rem;
  font-size: .85rem; line-height: 1.4; box-shadow: 0 4px 16px rgba(0, 0, 0, .18);
  pointer-events: none; }
#tip[hidden] { display: none; }
#tip p { margin: .15rem 0; }
#tip b { display: block; }
#tip .c-quotes { border-left: 3px solid var(--q-line); padding-left: .4rem; }
#tip .c-officials { border-left: 3px solid var(--o-line); padding-left: .4rem; }
#tip .c-figures { border-left: 3px dashed var(--f-line); padding-left: .4rem; }
#tip .c-opinion { border-left: 3px dotted var(--p-line); padding-left: .4rem; }
footer { max-width: 78rem; margin: 0 auto; padding: 1rem clamp(.8rem, 3vw, 2rem) 2rem;
  color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); }
@media print {
  .toggles, #tip, .skip { display: none !important; }
  aside { position: static; max-height: none; }
}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var body = document.body;
  var tip = document.getElementById("tip");
  var current = null;
  // The title attribute is the no-script fallback; with the script the box below shows it.
  Array.prototype.forEach.call(document.querySelectorAll(".hl[title]"), function (el) {
    el.removeAttribute("title");
  });
  function shown(el) { return body.classList.contains("show-" + el.dataset.cat); }
  function layers(el) {
    var out = [];
    for (var n = el; n; n = n.parentElement && n.parentElement.closest(".hl")) {
      if (shown(n)) out.push(n);
    }
    return out;
  }
  function hide() {
    tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }
  function show(el) {
    var list = layers(el);
    if (!list.length) { hide(); return; }
    tip.textContent = "";
    list.forEach(function (n) {
      var p = document.createElement("p");
      p.className = "c-" + n.dataset.cat;
      var b = document.createElement("b");
      b.textContent = n.dataset.label;
      p.appendChild(b);
      p.appendChild(document.createTextNode(n.dataset.tip));
      tip.appendChild(p);
    });
    if (current && current !== el) current.removeAttribute("aria-describedby");
    current = el;
    el.setAttribute("aria-describedby", "tip");
    tip.hidden = false;
    var r = el.getClientRects()[0] || el.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 8) top = Math.max(8, r.top - h - 6);
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  var article = document.getElementById("article");
  article.addEventListener("mouseover", function (e) {
    var el = e.target.closest && e.target.closest(".hl");
    if (el && shown(el)) show(el);
  });
  article.addEventListener("mouseout", function (e) {
    var to = e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest(".hl");
    if (to && shown(to)) show(to); else if (document.activeElement !== current) hide();
  });
  article.addEventListener("focusin", function (e) {
    var el = e.target.closest && e.target.closest(".hl");
    if (el) show(el);
  });
  article.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("scroll", function () { if (current) show(current); }, {passive: true});
  function sync(box) {
    var cat = box.dataset.cat;
    body.classList.toggle("show-" + cat, box.checked);
    Array.prototype.forEach.call(document.querySelectorAll(".hl-" + cat), function (el) {
      if (el.hasAttribute("data-first")) el.tabIndex = box.checked ? 0 : -1;
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".toggles input[data-cat]"), function (box) {
    box.addEventListener("change", function () { sync(box); hide(); });
    sync(box);  // a reload may restore unchecked boxes
  });
})();
"""
