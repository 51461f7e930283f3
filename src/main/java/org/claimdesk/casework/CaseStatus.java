package org.claimdesk.casework;

/**
 * Where a case stands in the verdict workflow ({@link Workflow} holds the rules for moving between
 * them). Declared in workflow order: the queues sort by it ({@code status_rank}, migrations V9 and
 * V10).
 */
public enum CaseStatus {
  NEW,
  IN_RESEARCH,
  IN_REVIEW,
  APPROVED,
  PUBLISHED,
  IN_CORRECTION,
  DISMISSED;

  /** Whether work is still owed on the case: published and dismissed cases are never overdue. */
  public boolean open() {
    return this != PUBLISHED && this != DISMISSED;
  }
}
