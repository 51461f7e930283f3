package org.claimdesk.casework;

import java.util.Set;

/**
 * Fired inside the transaction that put people on a case: {@code added} are those who were not on
 * it before, {@code by} is the supervisor who assigned them.
 */
public record CaseAssigned(long caseId, Set<String> added, String by) {}
