package org.claimdesk.article.text;

import java.util.Objects;
import org.claimdesk.platform.Message;

/** The received bytes hold no readable article text, said in words for people ({@link #why}). */
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
  private final Message why;

  public UnreadableArticle(Kind kind, String key, Object... arguments) {
    super(Message.of(key, arguments).english());
    this.kind = Objects.requireNonNull(kind, "kind");
    this.why = Message.of(key, arguments);
  }

  public Message why() {
    return why;
  }

  public Kind kind() {
    return kind;
  }
}
