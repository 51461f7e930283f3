package org.claimdesk.article;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An article as handed in: pasted text, an uploaded file or a fetched page, with whatever the
 * person already knows about it. Values given here win over what ClaimDesk finds in the content.
 */
public record Submission(
    byte[] bytes,
    String fileName,
    String contentType,
    String fetchedFrom,
    Instant fetchedAt,
    Given given) {

  /** Metadata the person supplied; every field may be null. */
  public record Given(
      String title,
      String outlet,
      String url,
      String author,
      LocalDate publishedOn,
      String language) {
    public static final Given NOTHING = new Given(null, null, null, null, null, null);
  }

  public static Submission text(String text, Given given) {
    return new Submission(
        text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        null,
        "text/plain; charset=UTF-8",
        null,
        null,
        given == null ? Given.NOTHING : given);
  }

  public static Submission file(byte[] bytes, String fileName, String contentType, Given given) {
    return new Submission(
        bytes, fileName, contentType, null, null, given == null ? Given.NOTHING : given);
  }
}
