package org.claimdesk.article.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The main content of an HTML page as paragraphs, with the furniture found inside it.
 *
 * <p>Why jsoup and not Tika's BoilerpipeContentHandler: that handler (tika-parser-html-commons
 * since Tika 2.5) still extends boilerpipe 1.1.0, unmaintained since 2011, and classifies SAX text
 * blocks by word and link density. It cannot say which element it dropped or why, so it cannot feed
 * {@link RemovedPart}, and it would parse every page a second time next to jsoup, which we need
 * anyway for metadata and sanitising. Here {@link MainContent} picks the article's element on
 * jsoup's DOM, and everything this class takes out inside it becomes a {@link Block} with its
 * reason. Why not Readability4J (a Readability.js port): it rebuilds the page into a new DOM, so a
 * dropped paragraph could not be named and restored, and it scored lower (docs/benchmarks.md).
 */
final class WebPage {

  private static final Set<String> SKIPPED =
      words(
          "script style noscript template iframe frame object embed svg math "
              + "canvas button input select option textarea img picture video audio "
              + "source track map head link meta dialog");

  private static final Set<String> BLOCKS =
      words(
          "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 "
              + "li ul ol dl dt dd blockquote pre figure figcaption table thead tbody "
              + "tr td th caption hr address details summary center body form fieldset "
              + "legend");

  /** Elements judged as a whole when they are mostly links. */
  private static final Set<String> LISTS = words("ul ol dl div section table nav menu");

  private static final double LINK_LIST_SHARE = 0.6;

  private final Element root;

  private final List<Block> blocks = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder line = new StringBuilder();

  private WebPage(Element root) {
    this.root = root;
  }

  static Document parse(String html, String baseUrl) {
    return Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
  }

  /** The article's paragraphs; the whole body when {@code wholeBody} (rendered Markdown). */
  static List<Block> paragraphs(Document page, boolean wholeBody) {
    Element root = wholeBody ? page.body() : MainContent.of(page);
    WebPage reading = new WebPage(root);
    NodeTraversor.filter(reading.new Reader(), root);
    reading.endBlock();
    return reading.blocks;
  }

  /** Why an element inside the article is furniture, or empty when it is (or may be) content. */
  private Optional<Removal> furniture(Element element) {
    if (element == root) {
      return Optional.empty();
    }
    String tag = element.normalName();
    String role = element.attr("role");
    switch (tag) {
      case "nav":
        return Optional.of(Removal.NAVIGATION);
      case "footer":
        return Optional.of(Boilerplate.ofTokens(tokens(element)).orElse(Removal.FOOTER));
      case "aside":
        return Optional.of(Boilerplate.ofTokens(tokens(element)).orElse(Removal.ASIDE));
      case "form":
        return Optional.of(Boilerplate.ofTokens(tokens(element)).orElse(Removal.COMMENT_FORM));
      case "figcaption":
        return Optional.of(Removal.PHOTO_CREDIT);
      case "h1":
        // the article's first level-one heading is its headline, whatever the metadata says
        if (root.selectFirst("h1") == element) {
          return Optional.of(Removal.TITLE);
        }
        break;
      case "time":
        // a date standing alone under the headline is the dateline, not article text
        Element parent = element.parent();
        if (parent != null
            && (parent.normalName().equals("header")
                || parent.text().strip().equals(element.text().strip()))) {
          return Optional.of(Removal.BYLINE);
        }
        break;
      case "header":
        if (element.selectFirst("h1") == null) {
          return Optional.of(Removal.NAVIGATION);
        }
        break;
      default:
        break;
    }
    switch (role) {
      case "navigation", "banner", "search", "menu", "menubar" -> {
        return Optional.of(Removal.NAVIGATION);
      }
      case "contentinfo" -> {
        return Optional.of(Removal.FOOTER);
      }
      case "complementary" -> {
        return Optional.of(Boilerplate.ofTokens(tokens(element)).orElse(Removal.ASIDE));
      }
      default -> {}
    }
    if (LISTS.contains(tag) && isLinkList(element)) {
      return Optional.of(Boilerplate.ofTokens(tokens(element)).orElse(Removal.SEE_ALSO));
    }
    if (!element.hasAttr("class") && !element.hasAttr("id") && !element.hasAttr("data-component")) {
      return Optional.empty();
    }
    return MainContent.byTokens(element);
  }

  /**
   * A block that is mostly links to elsewhere (teasers, "more on this", tag clouds) is not the
   * article's text, whatever its class says.
   */
  private static boolean isLinkList(Element element) {
    Elements links = element.select("a[href]");
    if (links.size() < 2) {
      return false;
    }
    int all = element.text().length();
    return all > 0 && links.text().length() >= LINK_LIST_SHARE * all;
  }

  /** An element's text as a reader sees it: no form field values, scripts or alt texts. */
  private static String visibleText(Element element) {
    StringBuilder text = new StringBuilder();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
              text.append(textNode.getWholeText());
            } else if (node instanceof Element child) {
              if (SKIPPED.contains(child.normalName()) || hidden(child)) {
                return FilterResult.SKIP_ENTIRELY;
              }
              text.append(' ');
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        element);
    return Paragraphs.collapse(Paragraphs.normalise(text.toString()));
  }

  static String tokens(Element element) {
    return element.className() + " " + element.id() + " " + element.attr("data-component");
  }

  private static boolean hidden(Element element) {
    if (!element.hasAttr("style")
        && !element.hasAttr("hidden")
        && !element.hasAttr("aria-hidden")) {
      return false;
    }
    String style = element.attr("style").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    return element.hasAttr("hidden")
        || "true".equals(element.attr("aria-hidden"))
        || style.contains("display:none")
        || style.contains("visibility:hidden");
  }

  /** Walks the article without recursion, so deeply nested pages cannot overflow the stack. */
  private final class Reader implements NodeFilter {

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode text) {
        line.append(text.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element element)) {
        return FilterResult.SKIP_ENTIRELY; // comments, doctype, script data
      }
      String tag = element.normalName();
      if (SKIPPED.contains(tag) || hidden(element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("br")) {
        lineBreak();
        return FilterResult.CONTINUE;
      }
      Optional<Removal> furniture = furniture(element);
      if (furniture.isPresent()) {
        endBlock();
        String text = visibleText(element);
        if (!text.isEmpty()) {
          blocks.add(new Block(text, furniture.get()));
        }
        return FilterResult.SKIP_ENTIRELY;
      }
      if (BLOCKS.contains(tag)) {
        endBlock();
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        endBlock();
      }
      return FilterResult.CONTINUE;
    }
  }

  private void lineBreak() {
    lines.add(Paragraphs.collapse(Paragraphs.normalise(line.toString())));
    line.setLength(0);
  }

  /** A {@code <br>} inside a paragraph is a hard line break: judged like one in plain text. */
  private void endBlock() {
    lineBreak();
    List<String> brokenLines = List.copyOf(lines);
    lines.clear();
    for (String paragraph : Paragraphs.join(brokenLines)) {
      blocks.add(Block.kept(paragraph));
    }
  }

  private static Set<String> words(String spaceSeparated) {
    // duplicates allowed: German and English share words such as "an" and "in"
    return Set.copyOf(java.util.Arrays.asList(spaceSeparated.split(" ")));
  }
}
