package org.claimdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.function.Function;

/**
 * Fresh desk material over REST, so that tests sharing the suite's database never share a claim.
 */
public final class Desk {
  private final Api api;
  private final Function<String, String> tokens;

  public Desk(Api api) {
    this(api, api::tokenFor);
  }

  /** With the tokens a test already holds: each new token costs a password hash on the server. */
  public Desk(Api api, Function<String, String> tokens) {
    this.api = api;
    this.tokens = tokens;
  }

  /** A claim in a new article of its own; returns the claim's id. */
  public long newClaim(String token) {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String text = "Die Behörde erklärte am Montag, " + marker + " Anträge seien 2023 eingegangen.";
    Api.Reply article =
        api.post(
            "api/articles", token, Json.createObjectBuilder().add("text", text).build().toString());
    assertEquals(201, article.status(), article.toString());
    long articleId = article.object().getJsonObject("article").getJsonNumber("id").longValue();
    String reading = article.object().getString("text");
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
    String supervisor = tokens.apply("supervisor");
    JsonObject c = openCase(newClaim(supervisor), supervisor);
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
   * A new claim's case taken through the whole workflow: the demo fact-checker adds E1 and E2,
   * proposes {@code rating} citing both, submits; the demo supervisor approves and publishes.
   * Returns the case id.
   */
  public long publishedFactCheck(String rating) {
    String checker = tokens.apply("factchecker");
    String supervisor = tokens.apply("supervisor");
    long id = caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    for (String summary :
        new String[] {"Satellitenbilder zeigen weniger.", "Angaben des Ministeriums."}) {
      Api.Reply added =
          api.post(
              "api/cases/" + id + "/evidence",
              checker,
              Json.createObjectBuilder()
                  .add("kind", "document")
                  .add("stance", "REFUTES")
                  .add("summary", summary)
                  .add("url", "https://example.org/beleg/" + UUID.randomUUID())
                  .build()
                  .toString());
      assertEquals(201, added.status(), added.toString());
    }
    step(id, checker, "start-research");
    Api.Reply proposed =
        api.post(
            "api/cases/" + id + "/verdict",
            checker,
            Json.createObjectBuilder()
                .add("rating", rating)
                .add("claimReviewed", "Nordkorea hat mindestens 10.000 Container geliefert")
                .add("conclusion", "Die Zahl ist nicht belegt; die Bilder zeigen weniger.")
                .add("explanation", "Siehe [E1] und [E2].")
                .build()
                .toString());
    assertEquals(200, proposed.status(), proposed.toString());
    step(id, checker, "submit");
    step(id, supervisor, "approve");
    step(id, supervisor, "publish");
    return id;
  }

  private void step(long caseId, String token, String action) {
    long version =
        api.get("api/cases/" + caseId, token).object().getJsonNumber("version").longValue();
    Api.Reply r =
        api.post(
            "api/cases/" + caseId + "/transitions",
            token,
            "{\"action\":\"" + action + "\",\"version\":" + version + "}");
    assertEquals(200, r.status(), action + ": " + r);
  }
}
