package org.claimdesk.article.text;

import java.time.LocalDate;

/**
 * Metadata the document itself suggests; each field is null when nothing trustworthy was found.
 *
 * @param language ISO 639-1 code such as {@code de} or {@code en} (ISO 639-3 where no 639-1 code
 *     exists)
 */
public record Hints(
    String title,
    String author,
    String outlet,
    String canonicalUrl,
    LocalDate published,
    String language) {

  static final Hints NONE = new Hints(null, null, null, null, null, null);

  Hints withTitle(String newTitle) {
    return new Hints(newTitle, author, outlet, canonicalUrl, published, language);
  }

  Hints withLanguage(String newLanguage) {
    return new Hints(title, author, outlet, canonicalUrl, published, newLanguage);
  }
}
