package org.claimdesk.article;

import java.util.Objects;

/** The received bytes hold no readable article text. The message is a plain English sentence. */
public final class UnreadableArticle extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the bytes. */
  public enum Kind {
    /** Nothing, only whitespace, or nothing left once page furniture is removed. */
    EMPTY,
    /** An image, PDF, archive or other non-text file. */
    BINARY,
    /** Text in no character set we can trust. */
    UNDECODABLE
  }

  private final Kind kind;

  public UnreadableArticle(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
