package org.claimdesk.casework;

/** Fired inside the transaction that opened or changed a case. */
public record CaseChanged(long caseId, long claimId) {}
