package org.claimdesk.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.Note;

/**
 * Something a person should look at: a case they were put on, a note that mentions them. Not {@code
 * Audited}: an entry only follows from a change that is audited itself ({@code case.assigned},
 * {@code note.written} with its mentions); reading it is recorded by {@link Inbox}.
 */
@Entity
@Table(name = "inbox_entry")
@NamedQuery(
    name = "InboxEntry.unreadCount",
    query = "SELECT COUNT(e) FROM InboxEntry e WHERE e.recipient = :me AND e.readAt IS NULL")
@NamedQuery(
    name = "InboxEntry.unread",
    query = "SELECT e FROM InboxEntry e WHERE e.recipient = :me AND e.readAt IS NULL")
public class InboxEntry {

  /** Why the entry is there; each kind has a message {@code inbox.kind.<KIND>}. */
  public enum Kind {
    MENTION,
    ASSIGNED,
    REVIEW_REQUESTED,
    CHANGES_REQUESTED,
    APPROVED,
    PUBLISHED
  }

  @Id
  @SequenceGenerator(
      name = "inbox_entry_seq",
      sequenceName = "inbox_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbox_entry_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 64)
  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Kind kind;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private Case onCase;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "note_id")
  private Note note;

  // why a verdict was sent back (CHANGES_REQUESTED), as the reviewer wrote it
  @Column(length = 5000)
  private String reason;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected InboxEntry() {}

  InboxEntry(
      String recipient,
      Kind kind,
      Case onCase,
      Note note,
      String reason,
      String actor,
      Instant createdAt) {
    this.recipient = Objects.requireNonNull(recipient);
    this.kind = Objects.requireNonNull(kind);
    this.onCase = Objects.requireNonNull(onCase);
    this.note = note;
    this.reason = reason;
    this.actor = Objects.requireNonNull(actor);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Marks the entry read; an entry read before keeps its first time. */
  void markRead(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public String recipient() {
    return recipient;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Instant> readAt() {
    return Optional.ofNullable(readAt);
  }
}
