package org.claimdesk.claim;

/** Fired inside the transaction that created or changed a claimant. */
public record ClaimantChanged(long claimantId) {}
