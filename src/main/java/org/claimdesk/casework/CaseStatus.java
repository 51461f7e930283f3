package org.claimdesk.casework;

/**
 * Where a case stands. Casework opens cases as NEW and moves them to IN_PROGRESS when work starts;
 * the review and publication states belong to the verdict workflow.
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
