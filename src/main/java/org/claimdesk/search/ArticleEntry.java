package org.claimdesk.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An article's reading text; each sentence span is also indexed on its own so that similar() can
 * point at the sentence, not just the article.
 */
public record ArticleEntry(
    long id,
    String title,
    String outlet,
    String language,
    LocalDate published,
    String text,
    List<Span> sentences,
    boolean hasClaims,
    boolean hasOpenCase)
    implements Entry {

  public ArticleEntry {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
    sentences = List.copyOf(sentences);
    for (Span s : sentences) {
      if (s.end() > text.length()) {
        throw new IllegalArgumentException("sentence " + s + " beyond text of " + text.length());
      }
    }
  }

  @Override
  public Kind kind() {
    return Kind.ARTICLE;
  }
}
