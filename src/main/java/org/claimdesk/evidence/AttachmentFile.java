package org.claimdesk.evidence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.claimdesk.platform.InvalidInput;

/**
 * The bytes of an attachment, stored once per content and never changed: its key is the SHA-256 of
 * the bytes, so identical files uploaded to several evidence items share one row. Who attached it
 * and under which name belongs to the evidence item, which records that in the audit trail. The
 * queries read only the columns they need, so metadata never drags 25 MB of content along.
 */
@Entity
@Table(name = "attachment_file")
@NamedQuery(
    name = "AttachmentFile.described",
    query = "SELECT f.contentType, f.sizeBytes FROM AttachmentFile f WHERE f.sha256 = :sha256")
@NamedQuery(
    name = "AttachmentFile.content",
    query = "SELECT f.content FROM AttachmentFile f WHERE f.sha256 = :sha256")
@NamedQuery(
    name = "AttachmentFile.text",
    query = "SELECT f.extractedText FROM AttachmentFile f WHERE f.sha256 = :sha256")
public class AttachmentFile {

  @Id
  @Column(length = 64, updatable = false)
  private String sha256;

  @Column(name = "content_type", nullable = false, length = 100, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "extracted_text", updatable = false)
  private String extractedText;

  @Column(name = "stored_at", nullable = false, updatable = false)
  private Instant storedAt;

  protected AttachmentFile() {}

  /** Takes the bytes as they are; {@code sha256} must be their hash (the store computed it). */
  AttachmentFile(
      String sha256, String contentType, byte[] content, String extractedText, Instant storedAt) {
    if (content.length == 0) {
      throw new InvalidInput("refusal.attachment.empty");
    }
    this.sha256 = Objects.requireNonNull(sha256);
    this.contentType = Objects.requireNonNull(contentType);
    this.content = content;
    this.sizeBytes = content.length;
    this.extractedText = extractedText;
    this.storedAt = Objects.requireNonNull(storedAt);
  }

  StoredFile described(boolean stored) {
    return new StoredFile(sha256, contentType, sizeBytes, stored);
  }
}
