package org.claimdesk.evidence.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.claimdesk.casework.Case;
import org.claimdesk.evidence.Reliability;
import org.claimdesk.evidence.Source;
import org.claimdesk.evidence.SourceKind;
import org.claimdesk.evidence.Sources;
import org.claimdesk.platform.api.Changing;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The source registry over HTTP. */
@Path("sources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourcesResource {
  @Inject Sources sources;

  public record SourceView(
      long id,
      long version,
      String name,
      String kind,
      String url,
      String reliability,
      String reliabilityNote,
      boolean confidential,
      Instant registeredAt,
      String registeredBy) {
    public static SourceView of(Source s) {
      return new SourceView(
          s.id(),
          s.version(),
          s.name(),
          s.kind().name(),
          s.url().orElse(null),
          s.reliability().name(),
          s.reliabilityNote().orElse(null),
          s.confidential(),
          s.registeredAt(),
          s.registeredBy());
    }
  }

  /**
   * A source as people describe it; a rating other than UNRATED needs its reliabilityNote (the
   * service says so). {@code version} is required when changing a source.
   */
  public record SourceRequest(
      @NotNull(groups = Changing.class) Long version,
      @NotBlank @Size(max = 300) String name,
      @NotNull SourceKind kind,
      @Size(max = 2000) String url,
      Reliability reliability,
      @Size(max = 2000) String reliabilityNote,
      Boolean confidential) {
    Source.Profile profile() {
      return new Source.Profile(
          name, kind, url, reliability, reliabilityNote, Boolean.TRUE.equals(confidential));
    }
  }

  public record CaseRef(long id, String title, String status) {}

  public record SourceDetail(SourceView source, List<CaseRef> cases) {}

  @GET
  @Operation(
      operationId = "listSources",
      summary =
          "Sources by name; 'q' keeps those whose name starts with it. At most 500. Internal:"
              + " confidential sources are listed with their flag.")
  public List<SourceView> list(@QueryParam("q") @Size(max = 300) String q) {
    return sources.list(q).stream().map(SourceView::of).toList();
  }

  @POST
  @Operation(
      operationId = "registerSource",
      summary =
          "Registers a source: name, kind (NEWS_OUTLET, AGENCY, GOVERNMENT, PERSON, DATASET,"
              + " ORGANISATION), url, reliability (UNRATED, RELIABLE, MOSTLY_RELIABLE, MIXED,"
              + " UNRELIABLE) with reliabilityNote (required when rated), confidential. 409 with"
              + " 'existing' when the name is registered.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = SourceView.class)))
  public Response register(@NotNull @Valid SourceRequest body) {
    Source s = sources.register(body.profile());
    return Response.created(URI.create("sources/" + s.id())).entity(SourceView.of(s)).build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getSource",
      summary = "One source and every case whose evidence uses it, newest first.")
  public SourceDetail get(@PathParam("id") long id) {
    return detail(sources.find(id));
  }

  @PUT
  @Path("{id}")
  @Operation(
      operationId = "changeSource",
      summary =
          "Replaces a source's description (the fields of POST) from the version you read (409"
              + " if it changed).")
  public SourceDetail change(
      @PathParam("id") long id,
      @NotNull @Valid @ConvertGroup(to = Changing.class) SourceRequest body) {
    return detail(sources.change(id, body.version(), body.profile()));
  }

  private SourceDetail detail(Source s) {
    List<CaseRef> cases =
        sources.casesUsing(s.id()).stream()
            .map((Case c) -> new CaseRef(c.id(), c.title(), c.status().name()))
            .toList();
    return new SourceDetail(SourceView.of(s), cases);
  }
}
