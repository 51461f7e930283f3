package org.claimdesk.article.text;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Which element of a page holds the article. The semantic markup news sites publish (schema.org
 * articleBody, {@code <article>}, {@code <main>}) is trusted when it holds the page's prose;
 * otherwise Readability's paragraph scoring decides. Neither ever picks an element that is, or sits
 * inside, a comment thread, comment form, teaser list, paywall box or other furniture.
 */
final class MainContent {

  /** Furniture that never holds the article, however much text it has. */
  private static final Set<Removal> NEVER_ARTICLE =
      EnumSet.of(
          Removal.COMMENT_FORM,
          Removal.SEE_ALSO,
          Removal.PAYWALL,
          Removal.NEWSLETTER,
          Removal.ADVERTISEMENT,
          Removal.NAVIGATION,
          Removal.FOOTER,
          Removal.COOKIE_NOTICE,
          Removal.SHARE_LINKS);

  /**
   * How far up furniture is looked for: a comment's paragraph sits two or three levels below its
   * thread; page-wide wrappers further up carry layout classes ("has-comments") that say nothing.
   */
  private static final int FURNITURE_LEVELS = 5;

  /** A paragraph shorter than this is a label, a date or a button, not prose. */
  private static final int MIN_PARAGRAPH = 25;

  /** A container with this much prose is the article, whatever else its class says. */
  static final int ARTICLE_PROSE = 500;

  /** Class tokens that name the article's own container ("entry-content", "article-body"). */
  private static final Set<String> CONTENT_TOKENS =
      Set.of("article", "content", "body", "entry", "story", "main", "text", "artikel", "inhalt");

  /** Block elements whose own text, outside any paragraph, is prose (text with {@code <br>}). */
  private static final Set<String> TEXT_HOLDERS =
      Set.of("div", "td", "section", "article", "main", "blockquote");

  private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[\\s_-]+");

  /** Class and id words of elements that hold articles (Readability's positive list). */
  private static final Pattern CONTENT_WORDS =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|main|page|post|text|blog|story|artikel|beitrag");

  private MainContent() {}

  static Element of(Document page) {
    Element body = page.body();
    Optional<Element> scored = bestScored(page);
    Optional<Element> semantic = semantic(page);
    if (semantic.isEmpty()) {
      return scored.orElse(body);
    }
    if (scored.isEmpty()) {
      return semantic.get();
    }
    Element marked = semantic.get();
    Element found = scored.get();
    if (marked == found || isInside(found, marked)) {
      return marked;
    }
    // the markup names a part of the page: trust it when it holds most of the prose
    return prose(marked) >= 0.6 * prose(found) ? marked : found;
  }

  /** The largest schema.org articleBody, else {@code <article>}, else {@code <main>}. */
  private static Optional<Element> semantic(Document page) {
    for (String query : List.of("[itemprop=articleBody]", "article", "main, [role=main]")) {
      Optional<Element> best =
          page.select(query).stream()
              .filter(e -> !inFurniture(e))
              .map(e -> Map.entry(e, prose(e)))
              .filter(e -> e.getValue() > 0)
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey);
      if (best.isPresent()) {
        return best;
      }
    }
    return Optional.empty();
  }

  /** Readability's idea: the element whose paragraphs carry the most prose wins. */
  private static Optional<Element> bestScored(Document page) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : page.select("p, pre, td, div")) {
      boolean paragraph = !p.normalName().equals("div");
      String text = paragraph ? p.text() : p.ownText();
      if (text.length() < MIN_PARAGRAPH || inFurniture(p)) {
        continue;
      }
      double score =
          1 + text.chars().filter(c -> c == ',').count() + Math.min(text.length() / 100, 3);
      // a div's own text is a paragraph without its element: the div holds it
      Element ancestor = paragraph ? p.parent() : p;
      for (int level = 1; level <= 3 && ancestor != null; level++) {
        double weight = level == 1 ? 1 : level == 2 ? 0.5 : 1.0 / (level * 3);
        scores.merge(ancestor, score * weight, Double::sum);
        ancestor = ancestor.parent();
      }
    }
    return scores.entrySet().stream()
        .max(Comparator.comparingDouble(e -> weighted(e.getKey(), e.getValue())))
        .map(Map.Entry::getKey);
  }

  private static double weighted(Element element, double score) {
    String words = element.className() + " " + element.id();
    double bonus = CONTENT_WORDS.matcher(words).find() ? 1.25 : 1;
    return score * bonus * (1 - linkDensity(element));
  }

  /** Characters of running text in the element's paragraphs, links and furniture not counted. */
  static int prose(Element element) {
    int total = 0;
    for (Element e : element.getAllElements()) {
      String tag = e.normalName();
      boolean paragraph = tag.equals("p") || tag.equals("pre");
      if (!paragraph && !TEXT_HOLDERS.contains(tag)) {
        continue;
      }
      int length = paragraph ? e.text().length() : e.ownText().length();
      if (length < MIN_PARAGRAPH || inFurniture(e, element)) {
        continue;
      }
      total += paragraph ? length - e.select("a").text().length() : length;
    }
    return total;
  }

  /**
   * Furniture by class and id tokens ({@code page-furniture.tsv}), unless the class also names the
   * content and the element holds an article's worth of prose.
   */
  static Optional<Removal> byTokens(Element element) {
    String tokens = WebPage.tokens(element);
    Optional<Removal> reason = Boilerplate.ofTokens(tokens);
    // the article's own container, or the locked part of a story that is in the page all the same
    boolean mayHoldTheArticle =
        reason.isPresent() && (namesContent(tokens) || reason.get() == Removal.PAYWALL);
    if (mayHoldTheArticle && prose(element) >= ARTICLE_PROSE) {
      return Optional.empty();
    }
    return reason;
  }

  private static boolean namesContent(String tokens) {
    for (String token : TOKEN_SEPARATOR.split(tokens.toLowerCase(java.util.Locale.ROOT))) {
      if (CONTENT_TOKENS.contains(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inFurniture(Element element) {
    return inFurniture(element, null);
  }

  /** Whether the element or one of its near ancestors (below {@code stop}) is furniture. */
  private static boolean inFurniture(Element element, Element stop) {
    Element e = element;
    for (int level = 0; level <= FURNITURE_LEVELS && e != null && e != stop; level++) {
      String tag = e.normalName();
      if (tag.equals("body") || tag.equals("html")) {
        return false;
      }
      if (tag.equals("nav") || tag.equals("footer") || tag.equals("aside")) {
        return true;
      }
      String tokens = WebPage.tokens(e);
      Optional<Removal> reason = Boilerplate.ofTokens(tokens);
      if (reason.isPresent() && NEVER_ARTICLE.contains(reason.get()) && !namesContent(tokens)) {
        return true;
      }
      e = e.parent();
    }
    return false;
  }

  private static boolean isInside(Element element, Element container) {
    for (Element e = element; e != null; e = e.parent()) {
      if (e == container) {
        return true;
      }
    }
    return false;
  }

  static double linkDensity(Element element) {
    int all = element.text().length();
    return all == 0 ? 1 : (double) element.select("a").text().length() / all;
  }
}
