package org.claimdesk.platform;

/** The thing asked for does not exist (or is not visible to the caller); 404. */
public class NotFound extends RuntimeException implements Refusal {
  private final Message message;

  public NotFound(Message message) {
    super(message.english());
    this.message = message;
  }

  public NotFound(String key, Object... arguments) {
    this(Message.of(key, arguments));
  }

  @Override
  public Message message() {
    return message;
  }
}
