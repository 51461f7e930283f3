package org.claimdesk.evidence.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.evidence.CaseEvidence;
import org.claimdesk.evidence.Evidence;
import org.claimdesk.evidence.EvidenceFile;
import org.claimdesk.evidence.EvidenceKind;
import org.claimdesk.evidence.Stance;
import org.claimdesk.evidence.api.SourcesResource.SourceView;
import org.claimdesk.platform.api.Changing;
import org.claimdesk.platform.api.StrictParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The evidence of a case over HTTP. */
@Path("cases/{caseId}/evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceResource {
  @Inject CaseEvidence evidence;

  public record FileView(
      String sha256, String fileName, String contentType, long sizeBytes, String download) {
    static FileView of(EvidenceFile f) {
      return new FileView(
          f.sha256(), f.fileName(), f.contentType(), f.sizeBytes(), f.downloadPath());
    }
  }

  public record EvidenceView(
      long id,
      long version,
      long caseId,
      String label,
      int position,
      String kind,
      String stance,
      String summary,
      String quote,
      SourceView source,
      String url,
      LocalDate accessedOn,
      List<FileView> files,
      Instant addedAt,
      String addedBy) {
    static EvidenceView of(Evidence e) {
      return new EvidenceView(
          e.id(),
          e.version(),
          e.caseOf().id(),
          e.label(),
          e.position(),
          e.kind().name(),
          e.stance().name(),
          e.summary(),
          e.quote().orElse(null),
          e.source().map(SourceView::of).orElse(null),
          e.url().orElse(null),
          e.accessedOn().orElse(null),
          e.files().stream().map(FileView::of).toList(),
          e.addedAt(),
          e.addedBy());
    }
  }

  /**
   * What an item says; it comes from a source of the registry and/or a web address. {@code version}
   * is required when replacing an item.
   */
  public record EvidenceRequest(
      @NotNull(groups = Changing.class) Long version,
      @NotNull EvidenceKind kind,
      @NotNull Stance stance,
      @NotBlank @Size(max = 2000) String summary,
      @Size(max = 4000) String quote,
      @Positive Long sourceId,
      @Size(max = 2000) String url,
      LocalDate accessedOn) {
    CaseEvidence.Draft draft() {
      return new CaseEvidence.Draft(kind, stance, summary, quote, sourceId, url, accessedOn);
    }
  }

  /** Where an item goes (1 = first), from the version the sender read. */
  public record MoveRequest(@NotNull Long version, @NotNull @Positive Integer position) {}

  @GET
  @Operation(
      operationId = "listEvidence",
      summary = "The evidence items of a case in their order (internal view).")
  public List<EvidenceView> list(@PathParam("caseId") long caseId) {
    return evidence.of(caseId).stream().map(EvidenceView::of).toList();
  }

  @GET
  @Path("export")
  @Produces("text/csv")
  @Operation(
      operationId = "exportEvidence",
      summary =
          "The evidence list as CSV for people outside the desk: confidential sources appear only"
              + " as 'confidential', without their web address. Audited.")
  @APIResponse(
      responseCode = "200",
      description = "The evidence list as CSV.",
      content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
  public Response export(@PathParam("caseId") long caseId) {
    StringWriter csv = new StringWriter();
    evidence.export(caseId, csv);
    return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"claimdesk-case-" + caseId + "-evidence.csv\"")
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getEvidence", summary = "One evidence item.")
  public EvidenceView get(@PathParam("caseId") long caseId, @PathParam("id") long id) {
    return EvidenceView.of(evidence.find(caseId, id));
  }

  @POST
  @Operation(
      operationId = "addEvidence",
      summary =
          "Adds an evidence item: kind (DOCUMENT, OFFICIAL_STATEMENT, DATASET, EXPERT_INTERVIEW,"
              + " IMAGE_VIDEO, ARCHIVED_PAGE), stance (SUPPORTS, REFUTES, CONTEXT), summary,"
              + " quote, sourceId (from /api/sources) and/or url, accessedOn (default: today"
              + " when a url is given). For the people working the case and supervisors.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = EvidenceView.class)))
  public Response add(@PathParam("caseId") long caseId, @NotNull @Valid EvidenceRequest body) {
    Evidence e = evidence.add(caseId, body.draft());
    return Response.created(URI.create("cases/" + caseId + "/evidence/" + e.id()))
        .entity(EvidenceView.of(e))
        .build();
  }

  @PUT
  @Path("{id}")
  @Operation(
      operationId = "reviseEvidence",
      summary =
          "Replaces what an item says (the fields of POST) from the version you read (409 if it"
              + " changed in the meantime).")
  public EvidenceView revise(
      @PathParam("caseId") long caseId,
      @PathParam("id") long id,
      @NotNull @Valid @ConvertGroup(to = Changing.class) EvidenceRequest body) {
    return EvidenceView.of(evidence.revise(caseId, id, body.version(), body.draft()));
  }

  @POST
  @Path("{id}/position")
  @Operation(
      operationId = "moveEvidence",
      summary =
          "Moves an item to a place in the list ({\"position\": 1 for first, \"version\": …});"
              + " returns the new order.")
  public List<EvidenceView> move(
      @PathParam("caseId") long caseId,
      @PathParam("id") long id,
      @NotNull @Valid MoveRequest body) {
    return evidence.move(caseId, id, body.version(), body.position()).stream()
        .map(EvidenceView::of)
        .toList();
  }

  @POST
  @Path("{id}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "attachFile",
      summary =
          "Attaches one or more files (parts named 'file') to an item. The type is detected from"
              + " the bytes and must be accepted (422 otherwise), the size is limited (413);"
              + " identical bytes are stored once. Returns the item's files (201).")
  @APIResponse(
      responseCode = "201",
      description = "The item's files.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
  @APIResponse(responseCode = "422", description = "A file type ClaimDesk does not accept.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "multipart/form-data",
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      requiredProperties = "file",
                      properties =
                          @SchemaProperty(
                              name = "file",
                              type = SchemaType.STRING,
                              format = "binary"))))
  public Response attach(
      @PathParam("caseId") long caseId, @PathParam("id") long id, List<EntityPart> parts) {
    int files = 0;
    for (EntityPart part : parts) {
      if ("file".equals(part.getName())) {
        evidence.attach(caseId, id, part.getFileName().orElse(null), part.getContent());
        files++;
      }
    }
    if (files == 0) {
      throw new StrictParams.Unreadable("file", "is missing: send the files as parts named 'file'");
    }
    return Response.status(Response.Status.CREATED)
        .entity(EvidenceView.of(evidence.find(caseId, id)).files())
        .build();
  }
}
