package org.claimdesk.article.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.claimdesk.article.ArticleImport;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.article.BatchImport;
import org.claimdesk.article.PageFetcher;
import org.claimdesk.article.Submission;
import org.claimdesk.article.text.RemovedPart;
import org.claimdesk.claim.Suggestions;
import org.claimdesk.claim.suggest.Suggestion;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.api.CallerLanguage;
import org.claimdesk.platform.api.StrictParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The article archive over HTTP: import, read, correct. */
@Path("articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesResource {

  @Inject ArticleArchive archive;
  @Inject ArticleImport importer;
  @Inject PageFetcher fetcher;
  @Inject Suggestions suggestions;
  @Inject Settings settings;
  @Inject BatchImport batch;
  @Context HttpHeaders headers;
  @Inject Validator validator;
  private final Jsonb json = JsonbBuilder.create();

  public record ArticleSummary(
      long id,
      String title,
      String outlet,
      String url,
      String author,
      String language,
      LocalDate publishedOn,
      Instant importedAt,
      String sha256) {
    static ArticleSummary of(Article a) {
      return new ArticleSummary(
          a.id(),
          a.title(),
          a.outlet().orElse(null),
          a.url().orElse(null),
          a.author().orElse(null),
          a.language(),
          a.publishedOn().orElse(null),
          a.importedAt(),
          a.sha256());
    }
  }

  public record Removed(int index, int at, String reason, String text) {}

  public record RevisionInfo(int number, Instant createdAt, String createdBy, String note) {}

  public record ArticleDetail(
      ArticleSummary article,
      String mediaType,
      String fileName,
      String charset,
      String fetchedFrom,
      Instant fetchedAt,
      String importedBy,
      long version,
      int revision,
      String text,
      int unreadableCharacters,
      List<Removed> removed,
      List<RevisionInfo> revisions) {
    static ArticleDetail of(Article a, ArticleRevision r) {
      List<Removed> removed = new ArrayList<>();
      List<RemovedPart> parts = r.removed();
      for (int i = 0; i < parts.size(); i++) {
        RemovedPart p = parts.get(i);
        removed.add(new Removed(i, p.at(), p.reason().name(), p.text()));
      }
      return new ArticleDetail(
          ArticleSummary.of(a),
          a.mediaType(),
          a.fileName().orElse(null),
          a.charset().orElse(null),
          a.fetchedFrom().orElse(null),
          a.fetchedAt().orElse(null),
          a.importedBy(),
          a.version(),
          r.number(),
          r.text(),
          r.unreadableCharacters(),
          removed,
          a.revisions().stream()
              .map(
                  v ->
                      new RevisionInfo(
                          v.number(), v.createdAt(), v.createdBy(), v.note().orElse(null)))
              .toList());
    }
  }

  public record ArticlePage(long total, int offset, int limit, List<ArticleSummary> items) {}

  /**
   * A JSON import: either {@code text} or {@code url} (the page to fetch), with optional metadata.
   * The metadata fields of a file upload are checked the same way.
   */
  public record ImportRequest(
      String text,
      @Size(max = 2000) String url,
      @Size(max = 500) String title,
      @Size(max = 200) String outlet,
      @Size(max = 200) String author,
      LocalDate publishedOn,
      @Size(max = 8) String language) {
    Submission.Given given(String pageUrl) {
      return new Submission.Given(title, outlet, pageUrl, author, publishedOn, language);
    }
  }

  public record MetadataRequest(
      @NotNull Long version,
      @NotBlank @Size(max = 500) String title,
      @Size(max = 200) String outlet,
      @Size(max = 2000) String url,
      @Size(max = 200) String author,
      LocalDate publishedOn,
      @NotBlank @Size(max = 8) String language) {
    Article.Metadata metadata() {
      return new Article.Metadata(title, outlet, url, author, publishedOn, language);
    }
  }

  public record CorrectionRequest(
      @NotNull Long version, @NotBlank String text, @Size(max = 500) String note) {}

  public record RestoreRequest(@NotNull Long version, @NotNull @PositiveOrZero Integer index) {}

  @GET
  @Operation(
      operationId = "listArticles",
      summary = "Articles, newest import first, paged with offset and limit (at most 200).")
  public ArticlePage list(
      @QueryParam("offset") @DefaultValue("0") @PositiveOrZero int offset,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    List<ArticleSummary> items =
        archive.newestFirst(offset, limit).stream().map(ArticleSummary::of).toList();
    return new ArticlePage(archive.count(), offset, limit, items);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "importArticle",
      summary =
          "Imports pasted text ({\"text\": …}) or fetches a web page ({\"url\": …}), one of the"
              + " two, with optional title, outlet, author, publishedOn, language. 201 with the"
              + " article; 409 with 'existing' for a duplicate; 413 too large; 422 unreadable; 502"
              + " when the page cannot be fetched.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(
      responseCode = "422",
      description = "No article text could be read from the text or page.")
  @APIResponse(responseCode = "502", description = "The page at the url could not be fetched.")
  public Response importJson(@NotNull @Valid ImportRequest body) {
    if (blank(body.text()) && blank(body.url())) {
      throw new StrictParams.Unreadable("text", "is required, or a url to fetch");
    }
    if (!blank(body.text()) && !blank(body.url())) {
      throw new StrictParams.Unreadable("url", "must be left out when the text is sent");
    }
    Submission submission =
        blank(body.url())
            ? Submission.text(body.text(), body.given(null))
            : fetcher.fetch(body.url(), body.given(null));
    return created(importer.receive(submission));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "importArticle",
      summary =
          "Imports one uploaded file (.txt, .md, .html; part name 'file'), with optional form"
              + " fields title, outlet, url, author, publishedOn (YYYY-MM-DD), language.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(responseCode = "422", description = "No article text could be read from the file.")
  @APIResponse(responseCode = "502", description = "The page at the url could not be fetched.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "multipart/form-data",
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      requiredProperties = "file",
                      properties = {
                        @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"),
                        @SchemaProperty(name = "title", type = SchemaType.STRING),
                        @SchemaProperty(name = "outlet", type = SchemaType.STRING),
                        @SchemaProperty(name = "url", type = SchemaType.STRING),
                        @SchemaProperty(name = "author", type = SchemaType.STRING),
                        @SchemaProperty(
                            name = "publishedOn",
                            type = SchemaType.STRING,
                            format = "date"),
                        @SchemaProperty(name = "language", type = SchemaType.STRING)
                      })))
  public Response importFile(List<EntityPart> parts) {
    EntityPart file = null;
    String title = null, outlet = null, url = null, author = null, published = null, lang = null;
    for (EntityPart part : parts) {
      switch (part.getName()) {
        case "file" -> file = part;
        case "title" -> title = text(part);
        case "outlet" -> outlet = text(part);
        case "url" -> url = text(part);
        case "author" -> author = text(part);
        case "publishedOn" -> published = text(part);
        case "language" -> lang = text(part);
        default -> {}
      }
    }
    if (file == null) {
      throw new StrictParams.Unreadable(
          "file", "is missing: send the article as a part named 'file'");
    }
    var form =
        new ImportRequest(
            null, url, title, outlet, author, StrictParams.date("publishedOn", published), lang);
    var violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    byte[] bytes = readAtMost(file.getContent(), settings.importMaxBytes());
    return created(
        importer.receive(
            Submission.file(
                bytes,
                file.getFileName().orElse(null),
                file.getMediaType() == null ? null : file.getMediaType().toString(),
                form.given(url))));
  }

  @POST
  @Path("batch")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Produces("application/x-ndjson")
  @Operation(
      operationId = "importArticles",
      summary =
          "Imports every .txt, .md and .html file of a ZIP archive, each on its own; streams one"
              + " JSON line per file as it is done (imported, duplicate or refused), then a summary"
              + " line. 422 when the body is not a ZIP archive.")
  @APIResponse(
      responseCode = "200",
      description = "One JSON line per file as it is done, then a summary line.",
      content = {
        @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "422", description = "The body is not a ZIP archive.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response importBatch(InputStream body) {
    importer.requireImporter();
    InputStream zip = BatchImport.requireZip(body);
    StreamingOutput lines =
        out -> {
          var writer =
              new java.io.PrintWriter(
                  new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
          int imported =
              batch.importZip(
                  zip,
                  CallerLanguage.of(headers),
                  outcome -> {
                    writer.println(json.toJson(outcome));
                    writer.flush();
                  });
          writer.println("{\"done\":true,\"imported\":" + imported + "}");
          writer.flush();
        };
    return Response.ok(lines).build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getArticle",
      summary =
          "One article: metadata, the current reading text (or ?revision=n), the parts cleaning"
              + " removed, the revisions and the SHA-256 of the original.")
  public ArticleDetail get(
      @PathParam("id") long id, @QueryParam("revision") @Positive Integer revision) {
    Article a = archive.find(id);
    return ArticleDetail.of(a, revision == null ? a.current() : a.revision(revision));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "editArticle",
      summary = "Replaces the metadata; send the version you read (409 if it changed).")
  public ArticleDetail edit(@PathParam("id") long id, @NotNull @Valid MetadataRequest body) {
    Article a = archive.edit(id, body.version(), body.metadata());
    return ArticleDetail.of(a, a.current());
  }

  @POST
  @Path("{id}/revisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "correctArticle",
      summary =
          "Corrects the reading text as a new revision; claims keep pointing into the old one.")
  public ArticleDetail correct(@PathParam("id") long id, @NotNull @Valid CorrectionRequest body) {
    ArticleRevision r = archive.correctText(id, body.version(), body.text(), body.note());
    return ArticleDetail.of(r.article(), r);
  }

  @POST
  @Path("{id}/restorations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "restoreArticleRevision",
      summary = "Puts removed part number 'index' back into the text, as a new revision.")
  public ArticleDetail restore(@PathParam("id") long id, @NotNull @Valid RestoreRequest body) {
    ArticleRevision r = archive.restore(id, body.version(), body.index());
    return ArticleDetail.of(r.article(), r);
  }

  @GET
  @Path("{id}/original")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "getArticleOriginal",
      summary = "The original bytes exactly as received, with their media type.")
  @APIResponse(
      responseCode = "200",
      description = "The file as it was received.",
      content = {
        @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response original(@PathParam("id") long id) {
    Article a = archive.find(id);
    String type = a.mediaType() + a.charset().map(c -> "; charset=" + c).orElse("");
    // served as an attachment so that a received HTML page never runs in ClaimDesk's origin
    return Response.ok(a.original())
        .type(type)
        .header(
            "Content-Disposition",
            "attachment; filename=\"article-" + a.id() + extension(a.mediaType()) + "\"")
        .header("X-Content-SHA256", a.sha256())
        .build();
  }

  @GET
  @Path("{id}/suggestions")
  @Operation(
      operationId = "listClaimSuggestions",
      summary =
          "Every sentence of the reading text (or ?revision=n) with offsets, check-worthiness"
              + " score and reasons, best first.")
  public List<Suggestion> suggestions(
      @PathParam("id") long id, @QueryParam("revision") @Positive Integer revision) {
    return suggestions.forArticle(id, revision);
  }

  private static Response created(Article a) {
    return Response.created(URI.create("articles/" + a.id()))
        .entity(ArticleDetail.of(a, a.current()))
        .build();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String text(EntityPart part) {
    try {
      return part.getContent(String.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an upload but never buffers more than the limit plus one byte. */
  private static byte[] readAtMost(InputStream in, long max) {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw ArticleImport.tooLarge(max);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String extension(String mediaType) {
    return switch (mediaType) {
      case "text/html" -> ".html";
      case "text/markdown" -> ".md";
      default -> ".txt";
    };
  }
}
