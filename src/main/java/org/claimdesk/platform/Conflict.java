package org.claimdesk.platform;

/** The request clashes with the current state (duplicate, stale version, illegal step); 409. */
public class Conflict extends RuntimeException implements Refusal {
  private final Message message;

  public Conflict(Message message) {
    super(message.english());
    this.message = message;
  }

  public Conflict(String key, Object... arguments) {
    this(Message.of(key, arguments));
  }

  @Override
  public Message message() {
    return message;
  }
}
