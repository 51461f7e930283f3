package org.claimdesk.article.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleArchive;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Read access to the article archive. */
@Path("articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesResource {

  @Inject ArticleArchive archive;

  public record ArticleSummary(
      long id,
      String title,
      String outlet,
      String url,
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
          a.language(),
          a.publishedOn().orElse(null),
          a.importedAt(),
          a.sha256());
    }
  }

  public record ArticleDetail(
      ArticleSummary article, String mediaType, String importedBy, long version, String text) {}

  public record ArticlePage(long total, int offset, int limit, List<ArticleSummary> items) {}

  @GET
  @Operation(summary = "Articles, newest import first, paged with offset and limit (at most 200).")
  public ArticlePage list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    List<ArticleSummary> items =
        archive.newestFirst(offset, limit).stream().map(ArticleSummary::of).toList();
    return new ArticlePage(archive.count(), offset, limit, items);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One article's metadata and its full reading text.")
  public ArticleDetail get(@PathParam("id") long id) {
    Article a = archive.find(id);
    return new ArticleDetail(
        ArticleSummary.of(a), a.mediaType(), a.importedBy(), a.version(), a.text());
  }
}
