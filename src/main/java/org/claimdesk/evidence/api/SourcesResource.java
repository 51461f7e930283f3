package org.claimdesk.evidence.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.claimdesk.platform.JsonFields;
import org.eclipse.microprofile.openapi.annotations.Operation;

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

  public record CaseRef(long id, String title, String status) {}

  public record SourceDetail(SourceView source, List<CaseRef> cases) {}

  @GET
  @Operation(
      summary =
          "Sources by name; 'q' keeps those whose name starts with it. At most 500. Internal:"
              + " confidential sources are listed with their flag.")
  public List<SourceView> list(@QueryParam("q") String prefix) {
    return sources.list(prefix).stream().map(SourceView::of).toList();
  }

  @POST
  @Operation(
      summary =
          "Registers a source: name, kind (NEWS_OUTLET, AGENCY, GOVERNMENT, PERSON, DATASET,"
              + " ORGANISATION), url, reliability (UNRATED, RELIABLE, MOSTLY_RELIABLE, MIXED,"
              + " UNRELIABLE) with reliabilityNote (required when rated), confidential. 409 with"
              + " 'existing' when the name is registered.")
  public Response register(JsonObject body) {
    Source s = sources.register(profile(body));
    return Response.created(URI.create("sources/" + s.id())).entity(SourceView.of(s)).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One source and every case whose evidence uses it, newest first.")
  public SourceDetail get(@PathParam("id") long id) {
    return detail(sources.find(id));
  }

  @PUT
  @Path("{id}")
  @Operation(
      summary =
          "Replaces a source's description (the fields of POST) from the version you read (409"
              + " if it changed).")
  public SourceDetail change(@PathParam("id") long id, JsonObject body) {
    return detail(sources.change(id, JsonFields.version(body, "source"), profile(body)));
  }

  private SourceDetail detail(Source s) {
    List<CaseRef> cases =
        sources.casesUsing(s.id()).stream()
            .map((Case c) -> new CaseRef(c.id(), c.title(), c.status().name()))
            .toList();
    return new SourceDetail(SourceView.of(s), cases);
  }

  static Source.Profile profile(JsonObject body) {
    if (body == null) {
      throw new IllegalArgumentException("Send the source as a JSON object.");
    }
    JsonValue confidential = body.get("confidential");
    if (confidential != null
        && confidential != JsonValue.TRUE
        && confidential != JsonValue.FALSE
        && confidential != JsonValue.NULL) {
      throw new IllegalArgumentException("confidential must be true or false.");
    }
    return new Source.Profile(
        JsonFields.text(body, "name"),
        JsonFields.named(SourceKind.class, JsonFields.text(body, "kind"), "kind"),
        JsonFields.text(body, "url"),
        JsonFields.named(Reliability.class, JsonFields.text(body, "reliability"), "reliability"),
        JsonFields.text(body, "reliabilityNote"),
        confidential == JsonValue.TRUE);
  }
}
