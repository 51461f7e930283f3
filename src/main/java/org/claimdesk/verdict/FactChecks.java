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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Appearance;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.Claimant;
import org.claimdesk.evidence.Evidence;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.Settings;

/**
 * What the public reads: published fact-checks by their address, as a page and as schema.org
 * ClaimReview. Nothing here needs a login, so nothing here returns anything unpublished or
 * confidential: the text is the published version, sources are public ones only.
 */
@ApplicationScoped
@Transactional
public class FactChecks {
  static final int LONGEST_FEED_PAGE = 100;

  @PersistenceContext EntityManager em;
  @Inject Settings settings;

  /**
   * A piece of evidence as the public sees it; a confidential source shows neither name nor URL.
   */
  public record PublicEvidence(
      String label,
      String summary,
      Optional<String> source,
      Optional<String> url,
      boolean confidential) {}

  /** Where the claim appeared, as the public page lists it. */
  public record PublicAppearance(String title, Optional<String> outlet, Optional<String> url) {}

  /** One published fact-check, in the version asked for. */
  public record Published(
      Verdict verdict,
      VerdictVersion text,
      boolean current,
      Claim claim,
      List<PublicAppearance> appearances,
      List<PublicEvidence> evidence,
      List<Correction> corrections,
      String url,
      JsonObject claimReview) {}

  /**
   * The fact-check at {@code /factchecks/{slug}}: the version the public reads now, or with {@code
   * revision} an earlier published one, which stays readable after a correction.
   */
  public Optional<Published> bySlug(String slug, Integer revision) {
    Optional<Verdict> found =
        em.createNamedQuery("Verdict.bySlug", Verdict.class)
            .setParameter("slug", slug == null ? "" : slug)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Verdict v = found.get();
    List<Correction> corrections = corrections(v);
    int now = v.publishedRevision().orElseThrow();
    int shown = revision == null ? now : revision;
    boolean wasPublished =
        shown == now || corrections.stream().anyMatch(c -> c.previousRevision() == shown);
    if (!wasPublished) {
      return Optional.empty();
    }
    VerdictVersion text = version(v, shown);
    Claim claim = v.caseOf().claim();
    Map<String, PublicEvidence> byLabel = new LinkedHashMap<>();
    for (Evidence e :
        em.createNamedQuery("Evidence.ofCase", Evidence.class)
            .setParameter("case", v.caseOf().id())
            .getResultList()) {
      boolean confidential = e.source().isPresent() && e.publicSource().isEmpty();
      byLabel.put(
          e.label(),
          new PublicEvidence(
              e.label(),
              e.summary(),
              e.publicSource().map(s -> s.name()),
              confidential ? Optional.empty() : e.url(),
              confidential));
    }
    List<PublicEvidence> cited =
        text.cited().stream().filter(byLabel::containsKey).map(byLabel::get).toList();
    return Optional.of(
        new Published(
            v,
            text,
            shown == now,
            claim,
            appearances(claim),
            cited,
            corrections,
            url(v),
            claimReview(v)));
  }

  /** The ClaimReview of a case's published verdict (404 while it has none). */
  public JsonObject claimReview(long caseId) {
    return em.createNamedQuery("Verdict.ofCase", Verdict.class)
        .setParameter("case", caseId)
        .getResultStream()
        .filter(v -> v.publishedRevision().isPresent())
        .findFirst()
        .map(this::claimReview)
        .orElseThrow(() -> new NotFound("Case " + caseId + " has no published verdict."));
  }

  /** A page of the schema.org DataFeed of every published review, most recently changed first. */
  public JsonObject feed(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > LONGEST_FEED_PAGE) {
      throw new IllegalArgumentException(
          "offset is 0 or more, limit 1 to " + LONGEST_FEED_PAGE + ".");
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Verdict v :
        em.createNamedQuery("Verdict.published", Verdict.class)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList()) {
      items.add(
          Json.createObjectBuilder()
              .add("@type", "DataFeedItem")
              .add("dateModified", instant(v.lastPublishedAt().orElseThrow()))
              .add("item", withoutContext(claimReview(v))));
    }
    return Json.createObjectBuilder()
        .add("@context", "https://schema.org")
        .add("@type", "DataFeed")
        .add("name", settings.publisherName() + " ClaimReview")
        .add("url", settings.publicUrl() + "api/claimreviews")
        .add("dataFeedElement", items)
        .build();
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
  JsonObject claimReview(Verdict v) {
    VerdictVersion text = version(v, v.publishedRevision().orElseThrow());
    Claim claim = v.caseOf().claim();
    String language = claim.language();
    Rating rating = text.rating();
    JsonObjectBuilder reviewRating =
        Json.createObjectBuilder()
            .add("@type", "Rating")
            .add("alternateName", rating.label(language));
    rating
        .ratingValue()
        .ifPresent(
            value ->
                reviewRating
                    .add("ratingValue", value)
                    .add("bestRating", v.scale().best())
                    .add("worstRating", v.scale().worst()));
    JsonObjectBuilder item = Json.createObjectBuilder().add("@type", "Claim");
    claim.claimant().ifPresent(c -> item.add("author", claimant(c)));
    claim.claimedOn().ifPresent(d -> item.add("datePublished", d.toString()));
    JsonArrayBuilder appearances = Json.createArrayBuilder();
    for (PublicAppearance a : appearances(claim)) {
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
            .add("url", url(v))
            .add("claimReviewed", text.claimReviewed())
            .add("reviewBody", text.conclusion())
            .add("inLanguage", language)
            .add(
                "author",
                Json.createObjectBuilder()
                    .add("@type", "Organization")
                    .add("name", settings.publisherName())
                    .add("url", settings.publisherUrl()))
            .add("datePublished", instant(v.firstPublishedAt().orElseThrow()))
            .add("reviewRating", reviewRating)
            .add("itemReviewed", item);
    if (!v.lastPublishedAt().equals(v.firstPublishedAt())) {
      review.add("dateModified", instant(v.lastPublishedAt().orElseThrow()));
    }
    return review.build();
  }

  private static JsonObject claimant(Claimant c) {
    return Json.createObjectBuilder()
        .add("@type", c.kind() == Claimant.Kind.PERSON ? "Person" : "Organization")
        .add("name", c.name())
        .build();
  }

  private static List<PublicAppearance> appearances(Claim claim) {
    Map<Long, PublicAppearance> byArticle = new LinkedHashMap<>();
    for (Appearance a : claim.appearances()) {
      Article article = a.article();
      byArticle.putIfAbsent(
          article.id(), new PublicAppearance(article.title(), article.outlet(), article.url()));
    }
    return List.copyOf(byArticle.values());
  }

  private String url(Verdict v) {
    return settings.publicUrl() + "factchecks/" + v.slug().orElseThrow();
  }

  private List<Correction> corrections(Verdict v) {
    return em.createNamedQuery("Correction.ofVerdict", Correction.class)
        .setParameter("verdict", v.id())
        .getResultList();
  }

  private VerdictVersion version(Verdict v, int number) {
    return em.createNamedQuery("VerdictVersion.number", VerdictVersion.class)
        .setParameter("verdict", v.id())
        .setParameter("number", number)
        .getSingleResult();
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
