package org.claimdesk.platform;

/** The thing exists already; 409 with the address of the existing one. */
public class Duplicate extends Conflict {
  private final String existing;

  public Duplicate(Message message, String existing) {
    super(message);
    this.existing = existing;
  }

  /** The API path of what already exists, such as {@code /api/articles/12}. */
  public String existing() {
    return existing;
  }
}
