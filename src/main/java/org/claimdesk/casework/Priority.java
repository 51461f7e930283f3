package org.claimdesk.casework;

/** How urgent a case is, lowest first (the queues sort by this order: {@code priority_rank}). */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
