package org.claimdesk.casework;

import java.util.Set;

/**
 * Fired inside the transaction that wrote a note; {@code mentioned} are the active accounts it
 * names (the author included, if they mentioned themself).
 */
public record NoteWritten(long caseId, long noteId, String author, Set<String> mentioned) {}
