"""What the end-to-end tests check in every page and dialog the frontend renders."""

from __future__ import annotations

import re

from playwright.async_api import Page, ViewportSize, expect

DESKTOP = ViewportSize(width=1280, height=800)
PHONE = ViewportSize(width=390, height=844)
# The dialog of a config, options or repair flow.
DIALOG = "dialog-data-entry-flow"

# What a defect of the strings looks like in rendered text: the frontend's error for a
# missing placeholder, Markdown where none is rendered (rendered Markdown leaves no
# marks), a translation key or a placeholder shown as it is.
DEFECT = re.compile(
    r"Translation \[|formatjs|MISSING_VALUE|`|\*\*|\{\w+\}"
    r"|component\.claude_usage|\b(config|options|entity|issues)\.[a-z_]+\.[a-z_]"
)

# The text of an element and of everything in its shadow roots, hidden parts too
# (a folded section, the options of a menu), one text node a line.
DEEP_TEXT = """(root) => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent.trim();
      if (text) out.push(text);
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE && ["STYLE", "SCRIPT"].includes(node.tagName))
      return;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out.join("\\n");
}"""

# Text cut off with an ellipsis: entity names, dialog titles, breadcrumbs. The activity
# (logbook) column is left out: it is narrow and cuts every longer name off.
CUT_OFF = """(root) => {
  const out = [];
  const walk = (node) => {
    if (["HA-LOGBOOK", "HUI-LOGBOOK-CARD"].includes(node.tagName)) return;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children || []) walk(child);
    if (node.nodeType !== Node.ELEMENT_NODE || !node.textContent.trim()) return;
    const style = getComputedStyle(node);
    if (style.textOverflow === "ellipsis" && node.scrollWidth > node.clientWidth)
      out.push(`${node.textContent.trim()} (${node.scrollWidth} > ${node.clientWidth} px)`);
  };
  walk(root);
  return out;
}"""


async def rendered(page: Page, selector: str, where: str) -> str:
    """Return the rendered text of ``selector``; fail on any rendering defect in it."""
    text: str = await page.locator(selector).first.evaluate(DEEP_TEXT)
    found = {match.group(0) for match in DEFECT.finditer(text)}
    assert not found, f"{where}: {found} in the rendered text:\n{text}"
    cut_off = await page.locator(selector).first.evaluate(CUT_OFF)
    assert not cut_off, f"{where}: cut off: {cut_off}"
    return text


async def expect_in_dialog(page: Page, *texts: str) -> str:
    """Wait until the flow's dialog shows every text; return its checked rendered text.

    A step's description is markdown that HA's frontend renders after the rest of the
    step (the menu's options or the form may be there before it), so wait for each text
    asserted on.
    """
    for text in texts:
        await expect(page.locator(DIALOG).get_by_text(text).first).to_be_visible()
    return await rendered(page, DIALOG, f"dialog showing {texts!r}")
