package org.claimdesk.verdict;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * Everything the public reads of one published version, frozen when the verdict was approved: the
 * texts and rating, who made the claim and where it appeared, each cited evidence item as cited
 * (never a confidential source's name or address), and the publisher. The public page, the feed and
 * ClaimReview are rendered from this alone, so no later edit of evidence, sources, claims, scales
 * or settings reaches the public without a correction and a second person's approval.
 */
public record Snapshot(
    int revision,
    String language,
    String claimReviewed,
    String conclusion,
    String explanation,
    Verdict rating,
    Optional<Claimant> claimant,
    Optional<String> claimedOn,
    List<Appearance> appearances,
    List<Cited> evidence,
    Publisher publisher,
    String url) {

  /** The rating as shown: its label in the claim's language and its place on the scale. */
  public record Verdict(
      String code,
      String label,
      Optional<Integer> value,
      Optional<Integer> best,
      Optional<Integer> worst) {}

  public record Claimant(String name, boolean person) {}

  /** Where the claim appeared. */
  public record Appearance(String title, Optional<String> outlet, Optional<String> url) {}

  /**
   * A cited evidence item as the public sees it; a confidential source shows neither name nor URL.
   */
  public record Cited(
      String label,
      String kind,
      String stance,
      String summary,
      Optional<String> quote,
      Optional<String> url,
      Optional<String> accessedOn,
      Optional<String> source,
      Optional<String> reliability,
      boolean confidential) {}

  public record Publisher(String name, String url) {}

  /** The frozen form, stored once and never changed. */
  public String toJson() {
    JsonObjectBuilder rating =
        Json.createObjectBuilder()
            .add("code", this.rating.code())
            .add("label", this.rating.label());
    this.rating.value().ifPresent(v -> rating.add("value", v));
    this.rating.best().ifPresent(v -> rating.add("best", v));
    this.rating.worst().ifPresent(v -> rating.add("worst", v));
    JsonArrayBuilder appearances = Json.createArrayBuilder();
    for (Appearance a : this.appearances) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("title", a.title());
      a.outlet().ifPresent(v -> o.add("outlet", v));
      a.url().ifPresent(v -> o.add("url", v));
      appearances.add(o);
    }
    JsonArrayBuilder cited = Json.createArrayBuilder();
    for (Cited e : evidence) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("label", e.label())
              .add("kind", e.kind())
              .add("stance", e.stance())
              .add("summary", e.summary())
              .add("confidential", e.confidential());
      e.quote().ifPresent(v -> o.add("quote", v));
      e.url().ifPresent(v -> o.add("url", v));
      e.accessedOn().ifPresent(v -> o.add("accessedOn", v));
      e.source().ifPresent(v -> o.add("source", v));
      e.reliability().ifPresent(v -> o.add("reliability", v));
      cited.add(o);
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("revision", revision)
            .add("language", language)
            .add("claimReviewed", claimReviewed)
            .add("conclusion", conclusion)
            .add("explanation", explanation)
            .add("rating", rating)
            .add("appearances", appearances)
            .add("evidence", cited)
            .add(
                "publisher",
                Json.createObjectBuilder()
                    .add("name", publisher.name())
                    .add("url", publisher.url()))
            .add("url", url);
    claimant.ifPresent(
        c ->
            json.add(
                "claimant",
                Json.createObjectBuilder().add("name", c.name()).add("person", c.person())));
    claimedOn.ifPresent(d -> json.add("claimedOn", d));
    return json.build().toString();
  }

  public static Snapshot fromJson(String stored) {
    JsonObject o;
    try (var reader = Json.createReader(new StringReader(stored))) {
      o = reader.readObject();
    }
    JsonObject r = o.getJsonObject("rating");
    return new Snapshot(
        o.getInt("revision"),
        o.getString("language"),
        o.getString("claimReviewed"),
        o.getString("conclusion"),
        o.getString("explanation"),
        new Verdict(
            r.getString("code"),
            r.getString("label"),
            number(r, "value"),
            number(r, "best"),
            number(r, "worst")),
        Optional.ofNullable(o.getJsonObject("claimant"))
            .map(c -> new Claimant(c.getString("name"), c.getBoolean("person"))),
        text(o, "claimedOn"),
        o.getJsonArray("appearances").getValuesAs(JsonObject.class).stream()
            .map(a -> new Appearance(a.getString("title"), text(a, "outlet"), text(a, "url")))
            .toList(),
        o.getJsonArray("evidence").getValuesAs(JsonObject.class).stream()
            .map(
                e ->
                    new Cited(
                        e.getString("label"),
                        e.getString("kind"),
                        e.getString("stance"),
                        e.getString("summary"),
                        text(e, "quote"),
                        text(e, "url"),
                        text(e, "accessedOn"),
                        text(e, "source"),
                        text(e, "reliability"),
                        e.getBoolean("confidential")))
            .toList(),
        new Publisher(
            o.getJsonObject("publisher").getString("name"),
            o.getJsonObject("publisher").getString("url")),
        o.getString("url"));
  }

  private static Optional<String> text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  private static Optional<Integer> number(JsonObject o, String name) {
    return o.containsKey(name) ? Optional.of(o.getInt(name)) : Optional.empty();
  }
}
