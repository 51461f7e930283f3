package org.claimdesk.platform;

/** Input a rule of the domain refuses (400): a missing text, a value out of range, a bad step. */
public class InvalidInput extends IllegalArgumentException implements Refusal {
  private final Message message;

  public InvalidInput(Message message) {
    super(message.english());
    this.message = message;
  }

  public InvalidInput(String key, Object... arguments) {
    this(Message.of(key, arguments));
  }

  @Override
  public Message message() {
    return message;
  }
}
