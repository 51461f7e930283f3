package org.claimdesk.inbox;

import java.io.Serializable;
import java.time.Instant;

/**
 * An inbox entry as its owner sees it: with the case title, for a mention the start of the note,
 * for a verdict sent back the reviewer's reason.
 */
public record InboxItem(
    long id,
    InboxEntry.Kind kind,
    long caseId,
    String caseTitle,
    Long noteId,
    String excerpt,
    String reason,
    String actor,
    Instant createdAt,
    Instant readAt)
    implements Serializable {
  static final int LONGEST_EXCERPT = 160;

  public boolean unread() {
    return readAt == null;
  }

  /** The first words of a note, on one line. */
  static String excerpt(String body) {
    if (body == null) {
      return null;
    }
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= LONGEST_EXCERPT ? line : line.substring(0, LONGEST_EXCERPT - 1) + "…";
  }
}
