package org.claimdesk.evidence;

/**
 * An attachment's content as the store knows it.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes, the key to link from evidence
 * @param contentType the media type detected from the bytes, e.g. {@code application/pdf}
 * @param stored true when this call stored the bytes, false when identical bytes were already there
 */
public record StoredFile(String sha256, String contentType, long sizeBytes, boolean stored)
    implements java.io.Serializable {

  /** Identical bytes were stored before; nothing new was written. */
  public boolean alreadyThere() {
    return !stored;
  }
}
