package org.claimdesk.article.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimdesk.article.text.Decoding.Decoded;
import org.claimdesk.article.text.UnreadableArticle.Kind;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Received article bytes to clean reading text: decode, read the format (plain text, Markdown,
 * HTML), take out site boilerplate (listing each removed paragraph with its position) and collect
 * metadata hints. Thread-safe and free of side effects.
 */
public final class ArticleText {

  static final String PLAIN = "text/plain";
  static final String MARKDOWN = "text/markdown";
  static final String HTML = "text/html";

  /** A first line longer than this is a sentence, not a headline. */
  private static final int MAX_TITLE_LENGTH = 200;

  private static final Parser MARKDOWN_PARSER = Parser.builder().build();
  private static final HtmlRenderer MARKDOWN_RENDERER =
      HtmlRenderer.builder().sanitizeUrls(true).build();

  private ArticleText() {}

  /**
   * @throws UnreadableArticle with {@link Kind#EMPTY}, {@link Kind#BINARY} or {@link
   *     Kind#UNDECODABLE} when the bytes hold no readable text
   */
  public static Extracted extract(RawArticle source) {
    String declared = mediaType(source.contentType(), source.fileName());
    Decoded decoded =
        Decoding.decode(source.bytes(), source.contentType(), !MARKDOWN.equals(declared));
    if (decoded.text().isBlank()) {
      throw new UnreadableArticle(Kind.EMPTY, "refusal.article.whitespace");
    }
    String mediaType = declared != null ? declared : sniff(decoded.text());

    List<Block> blocks;
    Hints hints;
    List<String> titles = new ArrayList<>();
    if (source.knownTitle() != null) {
      titles.add(source.knownTitle());
    }
    if (mediaType.equals(PLAIN)) {
      blocks = new ArrayList<>();
      Paragraphs.of(decoded.text()).forEach(p -> blocks.add(Block.kept(p)));
      hints = Hints.NONE;
    } else {
      String html =
          mediaType.equals(MARKDOWN)
              ? MARKDOWN_RENDERER.render(MARKDOWN_PARSER.parse(decoded.text()))
              : decoded.text();
      Document page = WebPage.parse(html, source.url());
      hints = mediaType.equals(HTML) ? PageMetadata.of(page) : markdownHints(page);
      blocks = new ArrayList<>(WebPage.paragraphs(page, mediaType.equals(MARKDOWN)));
      if (hints.title() != null) {
        titles.add(hints.title());
      }
    }

    removeBoilerplate(blocks);
    String title = removeTitle(blocks, titles, mediaType);
    if (hints.title() == null && title != null) {
      hints = hints.withTitle(title);
    }
    Extracted extracted = assemble(blocks, mediaType, decoded, hints);
    if (extracted.hints().language() == null) {
      String language = Languages.detect(extracted.text()).orElse(null);
      extracted =
          new Extracted(
              extracted.text(),
              extracted.removed(),
              mediaType,
              decoded.charset(),
              extracted.hints().withLanguage(language),
              extracted.replacedBytes());
    }
    return extracted;
  }

  /** Markdown has no metadata; a level-one heading on top is its title. */
  private static Hints markdownHints(Document page) {
    Element first = page.body().firstElementChild();
    boolean titled = first != null && first.normalName().equals("h1");
    return titled ? Hints.NONE.withTitle(Paragraphs.collapse(first.text())) : Hints.NONE;
  }

  private static void removeBoilerplate(List<Block> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block.isKept()) {
        int index = i;
        Boilerplate.of(block.text(), index).ifPresent(r -> blocks.set(index, block.remove(r)));
      }
    }
  }

  /**
   * Takes out the headline when the text begins with it: the known title, a title from the page's
   * metadata, or (plain text) a first line that reads as a headline. Returns the title found.
   */
  private static String removeTitle(List<Block> blocks, List<String> titles, String mediaType) {
    int first = firstKept(blocks);
    if (first < 0) {
      return null;
    }
    String opening = blocks.get(first).text();
    boolean isTitle = titles.stream().anyMatch(t -> sameTitle(t, opening));
    if (!isTitle && titles.isEmpty() && mediaType.equals(PLAIN)) {
      isTitle = readsAsHeadline(opening) && keptAfter(blocks, first) >= 2;
    }
    if (!isTitle) {
      return null;
    }
    blocks.set(first, blocks.get(first).remove(Removal.TITLE));
    return opening;
  }

  private static boolean sameTitle(String title, String paragraph) {
    return comparable(title).equals(comparable(paragraph));
  }

  private static String comparable(String text) {
    return Paragraphs.collapse(Paragraphs.normalise(text))
        .replaceAll("[.:!?]+$", "")
        .toLowerCase(Locale.ROOT);
  }

  /** Short, and not ending like a sentence (a closing quotation mark is fine). */
  private static boolean readsAsHeadline(String paragraph) {
    return paragraph.length() <= MAX_TITLE_LENGTH && !paragraph.matches(".*[.!?:;,]$");
  }

  private static int firstKept(List<Block> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).isKept()) {
        return i;
      }
    }
    return -1;
  }

  private static int keptAfter(List<Block> blocks, int index) {
    return (int) blocks.subList(index + 1, blocks.size()).stream().filter(Block::isKept).count();
  }

  /** Joins kept paragraphs; a removed part stands where the next kept paragraph begins. */
  private static Extracted assemble(
      List<Block> blocks, String mediaType, Decoded decoded, Hints hints) {
    StringBuilder text = new StringBuilder();
    List<Block> pending = new ArrayList<>();
    List<RemovedPart> removed = new ArrayList<>();
    for (Block block : blocks) {
      if (!block.isKept()) {
        pending.add(block);
        continue;
      }
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      for (Block part : pending) {
        removed.add(new RemovedPart(text.length(), part.text(), part.removed()));
      }
      pending.clear();
      text.append(block.text());
    }
    if (text.isEmpty()) {
      throw new UnreadableArticle(Kind.EMPTY, "refusal.article.onlyFurniture");
    }
    for (Block part : pending) {
      removed.add(new RemovedPart(text.length(), part.text(), part.removed()));
    }
    return new Extracted(
        text.toString(), removed, mediaType, decoded.charset(), hints, decoded.replaced());
  }

  /** The media type the sender declared or the file name implies; null when neither tells. */
  static String mediaType(String contentType, String fileName) {
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    switch (type) {
      case "text/html", "application/xhtml+xml" -> {
        return HTML;
      }
      case "text/markdown", "text/x-markdown" -> {
        return MARKDOWN;
      }
      default -> {}
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return HTML;
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return MARKDOWN;
    }
    return null;
  }

  /** HTML announces itself in its first characters; everything else is read as plain text. */
  private static String sniff(String text) {
    String start = text.substring(0, Math.min(text.length(), 1024)).stripLeading();
    String lower = start.toLowerCase(Locale.ROOT);
    boolean html =
        lower.startsWith("<!doctype html")
            || lower.startsWith("<html")
            || (lower.startsWith("<") && (lower.contains("<body") || lower.contains("<head")));
    return html ? HTML : PLAIN;
  }
}
