package org.claimdesk.article.text;

import java.util.Objects;

/**
 * Article bytes as received, with what the sender told us about them.
 *
 * @param bytes the file or response body, never null
 * @param fileName the uploaded file's name, or null
 * @param contentType the declared media type, e.g. {@code text/html; charset=windows-1252}, or null
 * @param url where the article was fetched from (base for relative links), or null
 * @param knownTitle the title the newsroom already knows, or null
 */
public record RawArticle(
    byte[] bytes, String fileName, String contentType, String url, String knownTitle) {

  public RawArticle {
    Objects.requireNonNull(bytes, "bytes");
  }
}
