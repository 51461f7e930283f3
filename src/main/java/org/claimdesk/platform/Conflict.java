package org.claimdesk.platform;

/** The request clashes with the current state (duplicate, stale version, illegal step); 409. */
public class Conflict extends RuntimeException {
  public Conflict(String message) {
    super(message);
  }
}
