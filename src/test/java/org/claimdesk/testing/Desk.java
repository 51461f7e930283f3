package org.claimdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Fresh desk material over REST, so that tests sharing the suite's database never share a claim.
 */
public final class Desk {
  private final Api api;

  public Desk(Api api) {
    this.api = api;
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
    String supervisor = api.tokenFor("supervisor");
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
}
