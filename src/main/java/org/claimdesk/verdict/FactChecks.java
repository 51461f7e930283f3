package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Appearance;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.Claimant;
import org.claimdesk.evidence.Evidence;
import org.claimdesk.evidence.Source;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.Settings;

/**
 * What the public reads: published fact-checks by their address, as a page and as schema.org
 * ClaimReview, rendered from {@link Publication}s alone. Nothing here needs a login, so nothing
 * here returns anything unpublished or confidential. {@link #freeze} makes the snapshot an approval
 * fixes: the only place that reads live claims, evidence, sources and settings for the public.
 */
@ApplicationScoped
@Transactional
public class FactChecks {
  static final int LONGEST_FEED_PAGE = 100;

  @PersistenceContext EntityManager em;
  @Inject Settings settings;

  /** A line of the public correction log, with the number of the version it replaced. */
  public record PublicCorrection(Correction correction, int replaced) {}

  /** One published version of a fact-check. */
  public record Published(
      Snapshot snapshot,
      int number,
      boolean current,
      Instant firstPublishedAt,
      Instant publishedAt,
      List<PublicCorrection> corrections,
      JsonObject claimReview) {}

  /**
   * The fact-check at {@code /factchecks/{slug}}: the version the public reads now, or with {@code
   * number} an earlier published one, which stays readable after a correction.
   */
  public Optional<Published> bySlug(String slug, Integer number) {
    Optional<Verdict> found =
        em.createNamedQuery("Verdict.bySlug", Verdict.class)
            .setParameter("slug", slug == null ? "" : slug)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<Publication> versions = publications(found.get());
    int shown = number == null ? versions.size() : number;
    if (shown < 1 || shown > versions.size()) {
      return Optional.empty();
    }
    Publication p = versions.get(shown - 1);
    Instant first = versions.get(0).publishedAt();
    List<Correction> corrections = corrections(found.get());
    List<PublicCorrection> log = new ArrayList<>();
    // the n-th republication (a correction) replaced version n
    for (int i = 0; i < corrections.size(); i++) {
      log.add(new PublicCorrection(corrections.get(i), i + 1));
    }
    return Optional.of(
        new Published(
            p.snapshot(),
            shown,
            shown == versions.size(),
            first,
            p.publishedAt(),
            log,
            claimReview(p, first)));
  }

  /**
   * The page the public will read once the case's approved verdict is published: its frozen
   * snapshot as the next version, published now (404 while no approval waits to be published).
   */
  public Published preview(long caseId) {
    Verdict v =
        em.createNamedQuery("Verdict.ofCase", Verdict.class)
            .setParameter("case", caseId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFound("refusal.verdict.noneInCase", caseId));
    Snapshot snapshot =
        v.approvedSnapshot()
            .orElseThrow(() -> new NotFound("refusal.verdict.noneApproved", caseId));
    List<Publication> versions = publications(v);
    Instant now = Instant.now();
    Instant first = versions.isEmpty() ? now : versions.get(0).publishedAt();
    int number = versions.size() + 1;
    List<Correction> corrections = corrections(v);
    List<PublicCorrection> log = new ArrayList<>();
    for (int i = 0; i < corrections.size(); i++) {
      log.add(new PublicCorrection(corrections.get(i), i + 1));
    }
    return new Published(
        snapshot, number, true, first, now, log, claimReview(snapshot, number, first, now));
  }

  /** The ClaimReview of a case's published verdict (404 while it has none). */
  public JsonObject claimReview(long caseId) {
    return em.createNamedQuery("Verdict.ofCase", Verdict.class)
        .setParameter("case", caseId)
        .getResultStream()
        .filter(v -> v.publishedRevision().isPresent())
        .findFirst()
        .map(
            v -> {
              List<Publication> versions = publications(v);
              return claimReview(versions.get(versions.size() - 1), versions.get(0).publishedAt());
            })
        .orElseThrow(() -> new NotFound("refusal.verdict.nonePublished", caseId));
  }

  /** A page of the schema.org DataFeed of every published review, most recently changed first. */
  public JsonObject feed(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > LONGEST_FEED_PAGE) {
      throw new InvalidInput("refusal.page.feed", LONGEST_FEED_PAGE);
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Publication p :
        em.createNamedQuery("Publication.current", Publication.class)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList()) {
      items.add(
          Json.createObjectBuilder()
              .add("@type", "DataFeedItem")
              .add("dateModified", instant(p.publishedAt()))
              .add(
                  "item",
                  withoutContext(claimReview(p, p.verdict().firstPublishedAt().orElseThrow()))));
    }
    return Json.createObjectBuilder()
        .add("@context", "https://schema.org")
        .add("@type", "DataFeed")
        .add("name", settings.publisherName() + " ClaimReview")
        .add("url", settings.publicUrl() + "api/claimreviews")
        .add("dataFeedElement", items)
        .build();
  }

  /**
   * What the public will read of a text of the verdict, frozen when its approval is complete: the
   * claim, its claimant and appearances, the rating in the claim's language, each cited item as it
   * stands (a confidential source shows neither name nor address), the publisher, the address.
   */
  Snapshot freeze(Verdict v, VerdictVersion text, String slug) {
    Claim claim = v.caseOf().claim();
    String language = claim.language();
    Rating rating = text.rating();
    boolean onScale = rating.ratingValue().isPresent();
    Map<String, Evidence> byLabel = new LinkedHashMap<>();
    for (Evidence e :
        em.createNamedQuery("Evidence.ofCase", Evidence.class)
            .setParameter("case", v.caseOf().id())
            .getResultList()) {
      byLabel.put(e.label(), e);
    }
    List<Snapshot.Cited> cited = new ArrayList<>();
    for (String label : text.cited()) {
      Evidence e = byLabel.get(label);
      if (e == null || cited.stream().anyMatch(c -> c.label().equals(label))) {
        continue;
      }
      boolean confidential = e.source().isPresent() && e.publicSource().isEmpty();
      cited.add(
          new Snapshot.Cited(
              e.label(),
              e.kind().name(),
              e.stance().name(),
              e.summary(),
              e.quote(),
              confidential ? Optional.empty() : e.url(),
              e.accessedOn().map(LocalDate::toString),
              e.publicSource().map(Source::name),
              e.publicSource().map(s -> s.reliability().name()),
              confidential));
    }
    return new Snapshot(
        text.number(),
        language,
        text.claimReviewed(),
        text.conclusion(),
        text.explanation(),
        new Snapshot.Verdict(
            rating.code(),
            rating.label(language),
            rating.ratingValue(),
            onScale ? Optional.of(v.scale().best()) : Optional.empty(),
            onScale ? Optional.of(v.scale().worst()) : Optional.empty()),
        claim
            .claimant()
            .map(c -> new Snapshot.Claimant(c.name(), c.kind() == Claimant.Kind.PERSON)),
        claim.claimedOn().map(LocalDate::toString),
        appearances(claim),
        cited,
        new Snapshot.Publisher(settings.publisherName(), settings.publisherUrl()),
        settings.publicUrl() + "factchecks/" + slug);
  }

  public long publishedCount() {
    return em.createNamedQuery("Verdict.publishedCount", Long.class).getSingleResult();
  }

  /**
   * Google's ClaimReview rules: a short claimReviewed, a Rating with alternateName and, where the
   * label has a place on the scale, 1 ≤ worstRating < bestRating with the value between; the author
   * is the organisation; the claim's author and appearances; the page address, unique per review;
   * dateModified once corrected.
   */
  static JsonObject claimReview(Publication p, Instant firstPublished) {
    return claimReview(p.snapshot(), p.number(), firstPublished, p.publishedAt());
  }

  private static JsonObject claimReview(
      Snapshot s, int number, Instant firstPublished, Instant publishedAt) {
    JsonObjectBuilder reviewRating =
        Json.createObjectBuilder().add("@type", "Rating").add("alternateName", s.rating().label());
    s.rating().value().ifPresent(value -> reviewRating.add("ratingValue", value));
    s.rating().best().ifPresent(best -> reviewRating.add("bestRating", best));
    s.rating().worst().ifPresent(worst -> reviewRating.add("worstRating", worst));
    JsonObjectBuilder item = Json.createObjectBuilder().add("@type", "Claim");
    s.claimant()
        .ifPresent(
            c ->
                item.add(
                    "author",
                    Json.createObjectBuilder()
                        .add("@type", c.person() ? "Person" : "Organization")
                        .add("name", c.name())));
    s.claimedOn().ifPresent(d -> item.add("datePublished", d));
    JsonArrayBuilder appearances = Json.createArrayBuilder();
    for (Snapshot.Appearance a : s.appearances()) {
      JsonObjectBuilder work =
          Json.createObjectBuilder().add("@type", "CreativeWork").add("headline", a.title());
      a.url().ifPresent(u -> work.add("url", u));
      a.outlet()
          .ifPresent(
              o ->
                  work.add(
                      "publisher",
                      Json.createObjectBuilder().add("@type", "Organization").add("name", o)));
      appearances.add(work);
    }
    item.add("appearance", appearances);
    JsonObjectBuilder review =
        Json.createObjectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", "ClaimReview")
            .add("url", s.url())
            .add("claimReviewed", s.claimReviewed())
            .add("reviewBody", s.conclusion())
            .add("inLanguage", s.language())
            .add(
                "author",
                Json.createObjectBuilder()
                    .add("@type", "Organization")
                    .add("name", s.publisher().name())
                    .add("url", s.publisher().url()))
            .add("datePublished", instant(firstPublished))
            .add("reviewRating", reviewRating)
            .add("itemReviewed", item);
    if (number > 1) {
      review.add("dateModified", instant(publishedAt));
    }
    return review.build();
  }

  private static List<Snapshot.Appearance> appearances(Claim claim) {
    Map<Long, Snapshot.Appearance> byArticle = new LinkedHashMap<>();
    for (Appearance a : claim.appearances()) {
      Article article = a.article();
      byArticle.putIfAbsent(
          article.id(), new Snapshot.Appearance(article.title(), article.outlet(), article.url()));
    }
    return List.copyOf(byArticle.values());
  }

  private List<Publication> publications(Verdict v) {
    return em.createNamedQuery("Publication.ofVerdict", Publication.class)
        .setParameter("verdict", v.id())
        .getResultList();
  }

  private List<Correction> corrections(Verdict v) {
    return em.createNamedQuery("Correction.ofVerdict", Correction.class)
        .setParameter("verdict", v.id())
        .getResultList();
  }

  private static JsonObject withoutContext(JsonObject o) {
    JsonObjectBuilder b = Json.createObjectBuilder(o);
    b.remove("@context");
    return b.build();
  }

  private static String instant(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
