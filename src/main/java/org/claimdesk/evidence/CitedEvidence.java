package org.claimdesk.evidence;

import java.util.Set;

/**
 * Which evidence of a case its verdict holds fixed: what reviewers approve must not move under
 * them. Answered where verdicts live (package verdict), asked before any item changes.
 */
public interface CitedEvidence {
  /** The labels (E1, …) that may not change now; empty when the verdict is open to change. */
  Set<String> locked(long caseId);
}
