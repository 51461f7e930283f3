package org.claimdesk.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;

/**
 * One message in a case's discussion. Notes are never edited: what somebody wrote stays as they
 * wrote it, so that a discussion can be read later as it happened.
 */
@Entity
@Table(name = "case_note")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(
    name = "Note.ofCase",
    query = "SELECT n FROM Note n WHERE n.caseId = :case ORDER BY n.writtenAt, n.id")
public class Note implements Audited {
  static final int LONGEST_BODY = 5000;
  static final int MOST_MENTIONED = 20;

  @Id
  @SequenceGenerator(name = "case_note_seq", sequenceName = "case_note_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_note_seq")
  private Long id;

  @Version private long version;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(nullable = false, length = 64)
  private String author;

  @Column(nullable = false, length = LONGEST_BODY)
  private String body;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected Note() {}

  public Note(long caseId, String body, String author, Instant writtenAt) {
    String text = body == null ? "" : body.replace("\r\n", "\n").strip();
    if (text.isEmpty()) {
      throw new InvalidInput("refusal.note.empty");
    }
    if (text.length() > LONGEST_BODY) {
      throw new InvalidInput("refusal.note.length", LONGEST_BODY);
    }
    if (Mentions.in(text).size() > MOST_MENTIONED) {
      throw new InvalidInput("refusal.note.mentions", MOST_MENTIONED);
    }
    this.caseId = caseId;
    this.body = text;
    this.author = Objects.requireNonNull(author);
    this.writtenAt = Objects.requireNonNull(writtenAt);
  }

  public Long id() {
    return id;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public String auditType() {
    return "note";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public long caseId() {
    return caseId;
  }

  public String author() {
    return author;
  }

  public String body() {
    return body;
  }

  public Instant writtenAt() {
    return writtenAt;
  }

  /** The user names the note mentions, sorted. */
  public Set<String> mentioned() {
    return Mentions.in(body);
  }

  /** The text in plain parts and mentions, for highlighting. */
  public List<Mentions.Part> parts() {
    return Mentions.parts(body);
  }
}
