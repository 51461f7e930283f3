package org.claimdesk.browser;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Whether user text with bidi controls (U+202A–U+202E, U+2066–U+2069) is isolated on the page the
 * browser shows: each such text sits in an isolating inline element (or alone in its block), and
 * the first word of interface text after it still runs left to right on the screen.
 */
final class Bidi {
  private Bidi() {}

  /** What is wrong on the page, one line per finding; empty when every control is contained. */
  @SuppressWarnings("unchecked")
  static List<String> problems(DeskBrowser browser) {
    return (List<String>)
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                """
                const controls = /[\\u202A-\\u202E\\u2066-\\u2069]/;
                const isolating = ['isolate', 'isolate-override', 'plaintext'];
                const problems = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const nodes = [];
                for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
                const shown = n => n.parentElement && n.parentElement.getClientRects().length > 0;
                nodes.forEach((node, i) => {
                  if (!controls.test(node.data) || !shown(node)) return;
                  let el = node.parentElement, contained = false;
                  while (el && el !== document.body) {
                    const style = getComputedStyle(el);
                    const inline = style.display.startsWith('inline');
                    if (inline && isolating.includes(style.unicodeBidi)) { contained = true; break; }
                    // a block isolates itself from its neighbours, not its text from its own words
                    if (!inline) {
                      contained = el.textContent.trim() === node.data.trim();
                      break;
                    }
                    el = el.parentElement;
                  }
                  if (!contained) {
                    problems.push('not isolated: "' + node.data.trim() + '" in <'
                        + node.parentElement.tagName.toLowerCase() + '>');
                  }
                  for (let j = i + 1; j < nodes.length; j++) {
                    const next = nodes[j];
                    const word = /[A-Za-zÄÖÜäöüß]{3,}/.exec(next.data);
                    if (!word || controls.test(next.data) || !shown(next)) continue;
                    const range = document.createRange();
                    range.setStart(next, word.index); range.setEnd(next, word.index + 1);
                    const first = range.getBoundingClientRect();
                    const end = word.index + word[0].length;
                    range.setStart(next, end - 1); range.setEnd(next, end);
                    const last = range.getBoundingClientRect();
                    if (Math.abs(first.top - last.top) < 2 && first.left >= last.left) {
                      problems.push('"' + word[0] + '" after "' + node.data.trim()
                          + '" runs right to left');
                    }
                    break;
                  }
                });
                return problems;
                """);
  }
}
