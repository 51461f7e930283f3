package org.claimdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Fresh desk material over REST, so that tests sharing the suite's database never share a claim.
 */
public final class Desk {
  private final Api api;
  private final Function<String, String> tokens;

  /** A desk that asks for each demo person's token once. */
  public Desk(Api api) {
    this(api, once(api));
  }

  /** With the tokens a test already holds: each new token costs a password hash on the server. */
  public Desk(Api api, Function<String, String> tokens) {
    this.api = api;
    this.tokens = tokens;
  }

  private static Function<String, String> once(Api api) {
    Map<String, String> issued = new HashMap<>();
    return username -> issued.computeIfAbsent(username, api::tokenFor);
  }

  private String token(String username) {
    return tokens.apply(username);
  }

  /** A claim in a new article of its own; returns the claim's id. */
  public long newClaim(String token) {
    return newClaims(1, token).get(0);
  }

  /**
   * {@code count} claims in one new article (one sentence each), for tests that need many cases
   * without importing an article for each; returns the claims' ids.
   */
  public List<Long> newClaims(int count, String token) {
    List<String> markers = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String marker = UUID.randomUUID().toString().substring(0, 8);
      markers.add(marker);
      text.append("Die Behörde erklärte am Montag, ")
          .append(marker)
          .append(" Anträge seien 2023 eingegangen. ");
    }
    Api.Reply article =
        api.post(
            "api/articles",
            token,
            Json.createObjectBuilder().add("text", text.toString().strip()).build().toString());
    assertEquals(201, article.status(), article.toString());
    long articleId = article.object().getJsonObject("article").getJsonNumber("id").longValue();
    String reading = article.object().getString("text");
    return markers.stream().map(m -> claim(articleId, reading, m, token)).toList();
  }

  private long claim(long articleId, String reading, String marker, String token) {
    int start = reading.indexOf(marker);
    Api.Reply claim =
        api.post(
            "api/claims",
            token,
            Json.createObjectBuilder()
                .add("articleId", articleId)
                .add("start", start)
                .add("end", start + marker.length() + " Anträge".length())
                .add("statement", marker + " Anträge gingen 2023 ein.")
                .build()
                .toString());
    assertEquals(201, claim.status(), claim.toString());
    return claim.object().getJsonNumber("id").longValue();
  }

  /** Opens a case (priority high, tag "Behörden") for the claim; returns the case. */
  public JsonObject openCase(long claimId, String token) {
    Api.Reply reply =
        api.post(
            "api/cases",
            token,
            "{\"claimId\":"
                + claimId
                + ",\"selectionReason\":\"Zahl ist überprüfbar\",\"priority\":\"high\",\"tags\":[\"Behörden\"]}");
    assertEquals(201, reply.status(), reply.toString());
    return reply.object();
  }

  /** A new claim's case, assigned to {@code usernames} by the demo supervisor. */
  public JsonObject caseWorkedBy(String... usernames) {
    return caseWorkedBy(newClaim(token("supervisor")), usernames);
  }

  /** A case of the claim, assigned to {@code usernames} by the demo supervisor. */
  public JsonObject caseWorkedBy(long claimId, String... usernames) {
    String supervisor = token("supervisor");
    JsonObject c = openCase(claimId, supervisor);
    var names = Json.createArrayBuilder();
    for (String u : usernames) {
      names.add(u);
    }
    Api.Reply assigned =
        api.post(
            "api/cases/" + c.getJsonNumber("id").longValue() + "/assignees",
            supervisor,
            Json.createObjectBuilder()
                .add("version", c.getJsonNumber("version").longValue())
                .add("usernames", names)
                .build()
                .toString());
    assertEquals(200, assigned.status(), assigned.toString());
    return assigned.object();
  }

  /**
   * One step of the verdict workflow ({@code start-research}, {@code submit}, {@code approve},
   * {@code publish}, {@code correct}, {@code dismiss}, …) at the case's current version; returns
   * the case.
   */
  public JsonObject step(long caseId, String token, String action, String comment) {
    long version =
        api.get("api/cases/" + caseId, token).object().getJsonNumber("version").longValue();
    var body = Json.createObjectBuilder().add("action", action).add("version", version);
    if (comment != null) {
      body.add("comment", comment);
    }
    Api.Reply reply =
        api.post("api/cases/" + caseId + "/transitions", token, body.build().toString());
    assertEquals(200, reply.status(), action + ": " + reply);
    return reply.object();
  }

  /**
   * A new case of the demo fact-checker, researched with one piece of evidence, proposed with
   * {@code rating} (a code of the current scale), approved and published by the demo supervisor.
   * Needs the usual review policy: one approval, no blind cross-check. Returns the case.
   */
  public JsonObject publishedCase(String rating) {
    String supervisor = token("supervisor");
    long id = caseInReview(newClaim(supervisor), rating);
    step(id, supervisor, "approve", null);
    return step(id, supervisor, "publish", null);
  }

  /**
   * A case of the claim worked by the demo fact-checker, researched with one piece of evidence,
   * proposed with {@code rating} and submitted for review; returns the case id.
   */
  public long caseInReview(long claimId, String rating) {
    String checker = token("factchecker");
    long id = caseWorkedBy(claimId, "factchecker").getJsonNumber("id").longValue();
    Api.Reply evidence =
        api.post(
            "api/cases/" + id + "/evidence",
            checker,
            Json.createObjectBuilder()
                .add("kind", "document")
                .add("stance", "REFUTES")
                .add("summary", "Die Statistik der Behörde nennt eine andere Zahl.")
                .add("url", "https://example.org/statistik/" + UUID.randomUUID())
                .build()
                .toString());
    assertEquals(201, evidence.status(), evidence.toString());
    step(id, checker, "start-research", null);
    Api.Reply proposed =
        api.post(
            "api/cases/" + id + "/verdict",
            checker,
            Json.createObjectBuilder()
                .add("rating", rating)
                .add("claimReviewed", "Die Zahl der Anträge")
                .add("conclusion", "Die Statistik nennt eine andere Zahl.")
                .add("explanation", "Siehe die Statistik der Behörde [E1].")
                .build()
                .toString());
    assertEquals(200, proposed.status(), proposed.toString());
    step(id, checker, "submit", null);
    return id;
  }

  /** Sets the review policy (as the demo administrator); returns it. */
  public JsonObject reviewPolicy(int quorum, boolean blindCrossCheck) {
    String admin = token("admin");
    long version =
        api.get("api/review-policy", admin).object().getJsonNumber("version").longValue();
    Api.Reply r =
        api.send(
            "PUT",
            "api/review-policy",
            admin,
            Json.createObjectBuilder()
                .add("version", version)
                .add("quorum", quorum)
                .add("blindCrossCheck", blindCrossCheck)
                .build()
                .toString());
    assertEquals(200, r.status(), r.toString());
    return r.object();
  }
}
