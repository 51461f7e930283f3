package org.claimdesk.platform;

/** The caller lacks the role or right for what they asked; shown as 403 in REST and UI. */
public class AccessDenied extends RuntimeException implements Refusal {
  private final Message message;

  public AccessDenied(Message message) {
    super(message.english());
    this.message = message;
  }

  @Override
  public Message message() {
    return message;
  }
}
