package org.claimdesk.casework;

import java.util.Set;

/**
 * A step of the verdict workflow was taken, in the changing transaction; {@code told} are the
 * people it concerns (the inbox tells them, except the actor). {@code comment} is what the actor
 * wrote with it (the reason for sending back, dismissing, …), null for none.
 */
public record CaseMoved(
    long caseId,
    CaseAction action,
    CaseStatus from,
    CaseStatus to,
    String actor,
    Set<String> told,
    String comment) {}
