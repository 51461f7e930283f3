package org.claimdesk.casework;

/** How urgent a case is, lowest first. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
