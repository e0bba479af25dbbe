"""Streamlit's own words in Vietnamese: the uploader, list, table-toolbar and status texts and their labels.

Streamlit 1.67 has no language setting: its widgets write English ("Upload", "25MB per file",
"No results", "Clear all", "Search", "Running...") in text, aria-label, title and placeholder.
What a widget parameter can say is said there (`placeholder=`, labels); the rest is replaced in
the browser by one small script, run once per browser tab: a MutationObserver that swaps each
whole English text in `texts.STREAMLIT_CHROME` for its Vietnamese, in the app's own document
(`st.html(..., unsafe_allow_javascript=True)` runs in it, not in an iframe). Text a page shows
from data (st.markdown, st.text, st.code, alerts) is never touched, and the map's iframe is not observed.

The English keys are those of Streamlit 1.67.0's frontend; tests/test_vietnamese_chrome.py checks
that they are still in the installed bundle, so an upgrade that changes a string is noticed.
"""

from __future__ import annotations

import json
import re

import streamlit as st

import texts

SIZE = "size"  # the one placeholder that is rewritten: "20.0MB" -> "20 MB"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_REGEX_SYNTAX = re.compile(r"[.*+?^${}()|[\]\\/]")

# The element holding the script is hidden with its own style, so it takes no room in the page.
_SCRIPT = """<style>[data-testid="stElementContainer"]:has(#vietnamese-chrome){display:none}</style>
<span id="vietnamese-chrome" hidden></span>
<script>
(() => {
  if (window.__vietnameseChrome) return;
  window.__vietnameseChrome = true;
  const EXACT = new Map(Object.entries(__EXACT__));
  const PATTERNS = __PATTERNS__.map(([source, out, sizes]) => [new RegExp(source), out, sizes]);
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  // what a page writes from data, and icon names (the icon font draws a glyph from the name)
  const UNTOUCHED = '[data-testid="stMarkdown"],[data-testid="stText"],[data-testid="stCode"],' +
    '[data-testid="stAlert"],[data-testid="stIconMaterial"]';
  const size = (number, unit) => `${Number(number).toLocaleString("vi-VN")} ${unit}`;
  function vietnamese(text) {
    const key = text.trim();
    if (!key || !/[A-Za-z]/.test(key)) return null;
    let out = EXACT.get(key);
    for (const [pattern, template, sizes] of PATTERNS) {
      if (out !== undefined) break;
      const match = key.match(pattern);
      if (match) out = template.replace(/\\$(\\d)/g, (_, i) => sizes.includes(+i)
        ? size(match[+i], match[+i + 1]) : match[+i]);
    }
    return out === undefined ? null : text.replace(key, out);
  }
  function onText(node) {
    const parent = node.parentElement;
    if (!parent || parent.closest(UNTOUCHED)) return;
    const out = vietnamese(node.nodeValue);
    if (out !== null && out !== node.nodeValue) node.nodeValue = out;  // an equal write is a mutation too
  }
  function onElement(element) {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const out = value && vietnamese(value);
      if (out && out !== value) element.setAttribute(name, out);
    }
  }
  function onTree(root) {
    if (root.nodeType === Node.TEXT_NODE) return onText(root);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    onElement(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      node.nodeType === Node.TEXT_NODE ? onText(node) : onElement(node);
    }
  }
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "childList") record.addedNodes.forEach(onTree);
      else if (record.type === "characterData") onText(record.target);
      else onElement(record.target);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true,
                             attributes: true, attributeFilter: ATTRIBUTES});
  document.documentElement.lang = "vi";
  onTree(document.body);
})();
</script>"""


def exact_texts() -> dict[str, str]:
    """English -> Vietnamese for the texts without a placeholder."""
    return {en: vi for en, vi in texts.STREAMLIT_CHROME.items() if not _PLACEHOLDER.search(en)}


def patterns() -> list[tuple[str, str, list[int]]]:
    """(JavaScript regex source, replacement with $1.., groups that are sizes) for texts with placeholders.

    A size is two groups, number and unit ("20.0", "MB"); other placeholders are one group each.
    """
    found = []
    for english, vietnamese in texts.STREAMLIT_CHROME.items():
        names = _PLACEHOLDER.findall(english)
        if not names:
            continue
        groups, sizes, source, at = {}, [], "^", 0
        for match in _PLACEHOLDER.finditer(english):
            source += _literal(english[at:match.start()])
            groups[match[1]] = len(groups) + len(sizes) + 1
            if match[1] == SIZE:
                sizes.append(groups[match[1]])
                source += r"(\d+(?:\.\d+)?) ?([KMGT]?B)"
            else:
                source += "(.+?)"
            at = match.end()
        source += _literal(english[at:]) + "$"
        out = _PLACEHOLDER.sub(lambda m: f"${groups[m[1]]}", vietnamese)
        found.append((source, out, sizes))
    return found


def _literal(text: str) -> str:
    """`text` as a JavaScript regex matching it literally."""
    return _REGEX_SYNTAX.sub(lambda m: "\\" + m[0], text)


def script() -> str:
    """The HTML (style, marker, script) that install() puts on the page."""
    return (_SCRIPT.replace("__EXACT__", json.dumps(exact_texts(), ensure_ascii=False))
            .replace("__PATTERNS__", json.dumps(patterns(), ensure_ascii=False)))


_HTML = script()


def install() -> None:
    """Put the translating script on the page; call once per run, at the same place on every run."""
    st.html(_HTML, unsafe_allow_javascript=True)
