package org.claimdesk.evidence;

/** An evidence item was added or changed (fired inside the changing transaction). */
public record EvidenceChanged(long evidenceId, long caseId) {}
