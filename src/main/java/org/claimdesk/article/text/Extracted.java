package org.claimdesk.article.text;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * The clean reading text of an article and what was taken out of it.
 *
 * @param text paragraphs separated by exactly {@code "\n\n"}, no other line breaks
 * @param removed boilerplate taken out, in reading order, each with its offset in {@code text}
 * @param mediaType how the bytes were read: {@code text/plain}, {@code text/markdown} or {@code
 *     text/html}
 * @param charset the character set the bytes were decoded with
 * @param hints metadata found in the document (all fields nullable)
 * @param replacedBytes byte sequences that were no character in {@code charset} and became U+FFFD
 *     (a warning for the importer, not a refusal)
 */
public record Extracted(
    String text,
    List<RemovedPart> removed,
    String mediaType,
    Charset charset,
    Hints hints,
    int replacedBytes) {

  public Extracted {
    Objects.requireNonNull(text, "text");
    removed = List.copyOf(removed);
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(hints, "hints");
    if (replacedBytes < 0) {
      throw new IllegalArgumentException("replacedBytes must not be negative");
    }
  }
}
