package org.claimdesk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.SpreadsheetCsv;

/**
 * The export formats of the audit log. JSON Lines carries each event exactly as hashed (canonical
 * fields plus prevHash and hash), so an auditor's own tools can recompute the chain. CSV is for
 * spreadsheets, with formula-like cells neutralised ({@link SpreadsheetCsv}).
 */
public enum EventExport {
  CSV("text/csv; charset=UTF-8", "csv") {
    @Override
    public void start(Writer out) {
      SpreadsheetCsv.row(out, (Object[]) HEADER);
    }

    @Override
    public void write(AuditEvent e, Writer out) {
      SpreadsheetCsv.row(
          out,
          e.seq(),
          e.occurredAt(),
          e.actor(),
          e.actorRoles(),
          e.action(),
          e.entityType(),
          e.entityId().orElse(""),
          e.caseId().map(String::valueOf).orElse(""),
          e.entityVersion().map(String::valueOf).orElse(""),
          e.changes(),
          e.reason().orElse(""),
          e.requestId().orElse(""),
          e.clientAddress().orElse(""),
          e.prevHash(),
          e.hash());
    }
  },
  JSONL("application/x-ndjson; charset=UTF-8", "jsonl") {
    @Override
    public void start(Writer out) {}

    @Override
    public void write(AuditEvent e, Writer out) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("canonical", AuditEvent.canonical(e.seq(), e.content()));
      line.put("prevHash", e.prevHash());
      line.put("hash", e.hash());
      try {
        out.write(CanonicalJson.write(line));
        out.write('\n');
      } catch (IOException ioe) {
        throw new UncheckedIOException(ioe);
      }
    }
  };

  static final String[] HEADER = {
    "seq",
    "occurredAt",
    "actor",
    "actorRoles",
    "action",
    "entityType",
    "entityId",
    "caseId",
    "entityVersion",
    "changes",
    "reason",
    "requestId",
    "clientAddress",
    "prevHash",
    "hash"
  };

  private final String mediaType;
  private final String extension;

  EventExport(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public static EventExport named(String format) {
    for (EventExport export : values()) {
      if (export.extension.equalsIgnoreCase(format)) {
        return export;
      }
    }
    throw new InvalidInput("refusal.audit.format");
  }

  public abstract void start(Writer out);

  public abstract void write(AuditEvent event, Writer out);

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }
}
