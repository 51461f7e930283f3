package org.claimdesk.platform;

/** The thing asked for does not exist (or is not visible to the caller); 404. */
public class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message);
  }
}
