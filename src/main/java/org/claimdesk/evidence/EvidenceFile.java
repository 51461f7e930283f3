package org.claimdesk.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A file of an evidence item: the name it was uploaded under and the SHA-256 of its bytes, which
 * the attachment store keeps once however many items use them.
 */
@Embeddable
public class EvidenceFile {
  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  protected EvidenceFile() {}

  public EvidenceFile(String sha256, String fileName, String contentType, long sizeBytes) {
    this.sha256 = Objects.requireNonNull(sha256);
    this.fileName = Objects.requireNonNull(fileName);
    this.contentType = Objects.requireNonNull(contentType);
    this.sizeBytes = sizeBytes;
  }

  /** Where the file is downloaded, relative to the application, under the name it came with. */
  public String downloadPath() {
    return "api/attachments/"
        + sha256
        + "?name="
        + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  public String sha256() {
    return sha256;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvidenceFile f && sha256.equals(f.sha256);
  }

  @Override
  public int hashCode() {
    return sha256.hashCode();
  }
}
