package org.claimdesk.platform;

/** The caller lacks the role or right for what they asked; shown as 403 in REST and UI. */
public class AccessDenied extends RuntimeException {
  public AccessDenied(String message) {
    super(message);
  }
}
