package org.claimdesk.casework;

/**
 * Where a case stands. Casework opens cases as NEW and moves them to IN_PROGRESS when work starts;
 * the review and publication states belong to the verdict workflow. Declared in workflow order: the
 * queues sort by it ({@code status_rank}, migration V9).
 */
public enum CaseStatus {
  NEW,
  IN_PROGRESS,
  IN_REVIEW,
  APPROVED,
  PUBLISHED,
  CLOSED;

  public boolean open() {
    return this != CLOSED;
  }
}
