package org.claimdesk.claim;

/** Fired inside the transaction that captured or changed a claim. */
public record ClaimChanged(long claimId) {}
