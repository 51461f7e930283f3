package org.claimdesk.audit.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.claimdesk.audit.AuditEvent;
import org.claimdesk.audit.AuditFilter;
import org.claimdesk.audit.AuditLog;
import org.claimdesk.audit.ChainVerifier;
import org.claimdesk.audit.Checkpoint;
import org.claimdesk.audit.EventExport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The audit log for auditors: search, timelines, streamed exports, verification, checkpoints. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditLog log;

  public record EventView(
      long seq,
      Instant occurredAt,
      String actor,
      String actorRoles,
      String action,
      String entityType,
      String entityId,
      Long caseId,
      Long entityVersion,
      String changes,
      String reason,
      String requestId,
      String clientAddress,
      String prevHash,
      String hash) {
    static EventView of(AuditEvent e) {
      return new EventView(
          e.seq(),
          e.occurredAt(),
          e.actor(),
          e.actorRoles(),
          e.action(),
          e.entityType(),
          e.entityId().orElse(null),
          e.caseId().orElse(null),
          e.entityVersion().orElse(null),
          e.changes(),
          e.reason().orElse(null),
          e.requestId().orElse(null),
          e.clientAddress().orElse(null),
          e.prevHash(),
          e.hash());
    }
  }

  /** {@code next} is the {@code before} value of the following page, null on the last page. */
  public record EventPage(List<EventView> items, Long next) {}

  /**
   * {@code shown}: how many events the filter selects; {@code shownIntact}: how many of them lie in
   * the verified, intact part of the chain (all of them when the chain is intact).
   */
  public record VerificationView(
      boolean intact,
      long events,
      String headHash,
      Long brokenAt,
      String problem,
      Long checkpointSeq,
      String summary,
      Integer shown,
      Integer shownIntact) {
    static VerificationView of(ChainVerifier.Report r) {
      return of(r, null, null);
    }

    static VerificationView of(AuditLog.ShownVerification v) {
      return of(v.chain(), v.shown(), v.shownIntact());
    }

    private static VerificationView of(ChainVerifier.Report r, Integer shown, Integer intact) {
      return new VerificationView(
          r.intact(),
          r.events(),
          r.headHash(),
          r.brokenAt(),
          r.problem(),
          r.checkpointSeq(),
          r.summary(),
          shown,
          intact);
    }
  }

  /** An action as the filter takes it ({@code action}) and as people read it ({@code name}). */
  public record ActionView(String action, String name, String kind) {}

  @GET
  @Operation(
      operationId = "searchAudit",
      summary =
          "Audit events, newest first, filtered (actor, action, entityType, entityId, case, from,"
              + " to: ISO-8601 instants); page with 'before' (the 'next' of the previous page),"
              + " limit 1–500, default 100.")
  public EventPage search(
      @Valid @BeanParam FilterParams filter,
      @QueryParam("before") @Positive Long before,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
    List<AuditEvent> events = log.newestFirst(filter.toFilter(), before, 0, limit);
    Long next = events.size() == limit ? events.get(events.size() - 1).seq() : null;
    return new EventPage(events.stream().map(EventView::of).toList(), next);
  }

  @GET
  @Path("entities/{type}/{id}")
  @Operation(
      operationId = "getEntityTimeline",
      summary = "Every event of one thing (e.g. account/factchecker, article/1), oldest first.")
  public List<EventView> timeline(@PathParam("type") String type, @PathParam("id") String id) {
    return log.timeline(type, id).stream().map(EventView::of).toList();
  }

  @GET
  @Path("actions")
  @Operation(
      operationId = "listAuditActions",
      summary =
          "The actions the log records, with readable names in the request's language (de or"
              + " en): the values of the 'action' filter.")
  public List<ActionView> actions(@Context HttpHeaders headers) {
    Locale language =
        headers.getAcceptableLanguages().stream()
            .map(Locale::getLanguage)
            .filter(l -> l.equals("de") || l.equals("en"))
            .findFirst()
            .map(Locale::forLanguageTag)
            .orElse(Locale.ENGLISH);
    return log.actions(language).stream()
        .map(a -> new ActionView(a.code(), a.name(), a.kind().wireName()))
        .toList();
  }

  @GET
  @Path("verify")
  @Operation(
      operationId = "verifyAudit",
      summary =
          "Walk the whole hash chain: 'N events, intact' or the first broken event and why. With a"
              + " filter (as for search), also how many of the filtered events lie in the intact"
              + " chain ('shown', 'shownIntact').")
  public VerificationView verify(@Valid @BeanParam FilterParams filter) {
    AuditFilter wanted = filter.toFilter();
    return wanted.equals(AuditFilter.EVERYTHING)
        ? VerificationView.of(log.verify(Optional.empty()))
        : VerificationView.of(log.verifyShown(wanted));
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "verifyAuditAgainstCheckpoint",
      summary = "Verify the chain and that it still contains the given checkpoint unchanged.")
  public VerificationView verifyAgainst(String checkpointJson) {
    return VerificationView.of(log.verifyAgainst(checkpointJson));
  }

  @GET
  @Path("checkpoint")
  @Operation(
      operationId = "getAuditCheckpoint",
      summary = "The current chain head as a checkpoint file to keep outside ClaimDesk (recorded).")
  @APIResponse(
      responseCode = "200",
      description = "The chain head as a checkpoint file.",
      content = {
        @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))
      })
  public Response checkpoint() {
    Checkpoint checkpoint = log.checkpoint();
    return Response.ok(checkpoint.toJson())
        .header(
            "Content-Disposition",
            "attachment; filename=\"claimdesk-checkpoint-" + checkpoint.seq() + ".json\"")
        .build();
  }

  @GET
  @Path("export")
  @Produces({"text/csv", "application/x-ndjson"})
  @Operation(
      operationId = "exportAudit",
      summary = "The filtered log, oldest first, streamed as CSV or JSON Lines (format=csv|jsonl).")
  @APIResponse(
      responseCode = "200",
      description = "The matching events, oldest first.",
      content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING))
      })
  public Response export(
      @QueryParam("format") @DefaultValue("csv") @Pattern(regexp = "(?i)csv|jsonl") String format,
      @Valid @BeanParam FilterParams filter) {
    EventExport export = EventExport.named(format);
    AuditLog.Exporter exporter = log.exporter(filter.toFilter());
    StreamingOutput body =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          export.start(writer);
          exporter.streamTo(
              event -> {
                export.write(event, writer);
                return true;
              });
          writer.flush();
        };
    return Response.ok(body, export.mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"claimdesk-audit." + export.extension() + "\"")
        .build();
  }
}
