package org.claimdesk.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.claimdesk.platform.InvalidInput;

/**
 * An exported chain head that an auditor keeps outside ClaimDesk. Whoever later rewrites history
 * before it, even recomputing every hash, cannot make the event at {@code seq} hash to {@code hash}
 * again: {@code verify --against} shows it.
 */
public record Checkpoint(
    long seq, String hash, Instant occurredAt, Instant exportedAt, String exportedBy) {
  public static final String FORMAT = "claimdesk-audit-checkpoint/1";

  public Checkpoint {
    if (seq < 1 || hash == null || !hash.matches("[0-9a-f]{64}")) {
      throw new InvalidInput("refusal.checkpoint.fields");
    }
    Objects.requireNonNull(exportedAt);
    Objects.requireNonNull(exportedBy);
  }

  public String toJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("format", FORMAT);
    fields.put("seq", seq);
    fields.put("hash", hash);
    fields.put("occurredAt", occurredAt);
    fields.put("exportedAt", exportedAt);
    fields.put("exportedBy", exportedBy);
    return CanonicalJson.write(fields);
  }

  /** Reads a checkpoint file; a clear message when it is not one. */
  public static Checkpoint fromJson(String json) {
    try {
      JsonObject o = Json.createReader(new StringReader(json)).readObject();
      if (!FORMAT.equals(o.getString("format", ""))) {
        throw new InvalidInput("refusal.checkpoint.format", FORMAT);
      }
      return new Checkpoint(
          o.getJsonNumber("seq").longValueExact(),
          o.getString("hash"),
          o.isNull("occurredAt") ? null : Instant.parse(o.getString("occurredAt")),
          Instant.parse(o.getString("exportedAt")),
          o.getString("exportedBy"));
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      InvalidInput unreadable = new InvalidInput("refusal.checkpoint.unreadable", e.getMessage());
      unreadable.initCause(e);
      throw unreadable;
    }
  }
}
