package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Articles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Claims at exact spans of the seed articles, the same claim found in another article and linked as
 * a second appearance, claimants reused, suggestions and search, all audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClaimsIT {
  @ArquillianResource URL deployment;
  Api api;
  String checker;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    checker = api.sharedToken("factchecker");
  }

  /** A seed article (by a word of its title) with its id and reading text. */
  record Seed(long id, String text, long version) {
    int start(String words) {
      int at = text.indexOf(words);
      if (at < 0) {
        throw new AssertionError("\"" + words + "\" is not in the reading text: " + text);
      }
      return at;
    }
  }

  Seed seed(String titleWords) {
    for (JsonObject item : Articles.oldestFirst(api, checker)) {
      if (item.getString("title").contains(titleWords)) {
        JsonObject detail =
            api.get("api/articles/" + item.getJsonNumber("id").longValue(), checker).object();
        return new Seed(
            item.getJsonNumber("id").longValue(),
            detail.getString("text"),
            detail.getJsonNumber("version").longValue());
      }
    }
    throw new AssertionError("no seed titled …" + titleWords + "…");
  }

  JsonObject capture(Seed seed, String quote, String statement, String claimant) {
    int start = seed.start(quote);
    String body =
        Json.createObjectBuilder()
            .add("articleId", seed.id())
            .add("start", start)
            .add("end", start + quote.length())
            .add("statement", statement)
            .add("claimant", claimant)
            .add("claimedOn", "2024-06-20")
            .build()
            .toString();
    Api.Reply reply = api.post("api/claims", checker, body);
    assertEquals(201, reply.status(), reply.toString());
    return reply.object();
  }

  @Test
  void aClaimFoundInTwoArticlesIsOneClaimWithTwoAppearances() {
    Seed fr = seed("USA schlagen Alarm");
    Seed other = seed("Russland ist bereit");
    String quote = "„Das würde die koreanische Halbinsel destabilisieren“";
    JsonObject claim =
        capture(
            fr,
            quote,
            "Russische Waffenlieferungen an Nordkorea würden die koreanische Halbinsel destabilisieren.",
            "Matthew Miller");
    long id = claim.getJsonNumber("id").longValue();
    JsonObject first = claim.getJsonArray("appearances").getJsonObject(0);
    assertEquals(quote, first.getString("quote"));
    assertEquals(fr.start(quote), first.getInt("start"));

    JsonArray similar = api.get("api/claims/" + id + "/similar", checker).json().asJsonArray();
    JsonObject match =
        similar.getValuesAs(JsonObject.class).stream()
            .filter(
                m ->
                    m.getString("kind").equals("SENTENCE")
                        && m.getJsonNumber("id").longValue() == other.id())
            .findFirst()
            .orElseThrow(() -> new AssertionError("seed 003 not offered: " + similar));
    assertTrue(match.getString("text").contains("destabilisieren"), match.toString());
    assertFalse(
        similar.getValuesAs(JsonObject.class).stream()
            .anyMatch(
                m ->
                    m.getString("kind").equals("SENTENCE")
                        && m.getJsonNumber("id").longValue() == fr.id()),
        "the claim's own article is not offered: " + similar);

    String link =
        Json.createObjectBuilder()
            .add("version", claim.getJsonNumber("version").longValue())
            .add("articleId", other.id())
            .add("start", match.getInt("start"))
            .add("end", match.getInt("end"))
            .build()
            .toString();
    Api.Reply linked = api.post("api/claims/" + id + "/appearances", checker, link);
    assertEquals(201, linked.status(), linked.toString());
    JsonArray appearances = linked.object().getJsonArray("appearances");
    assertEquals(2, appearances.size());
    assertEquals(
        other.text().substring(match.getInt("start"), match.getInt("end")),
        appearances.getJsonObject(1).getString("quote"));

    Api.Reply again = api.post("api/claims/" + id + "/appearances", checker, link);
    assertEquals(409, again.status(), "the version moved on: " + again);

    var events =
        api.get("api/audit/entities/claim/" + id, api.sharedToken("auditor")).json().asJsonArray();
    List<String> actions =
        events.getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
    assertEquals(List.of("claim.captured", "claim.appearance-linked"), actions);
    assertTrue(
        events.getJsonObject(1).getString("changes").contains("destabilisieren"),
        events.toString());
  }

  @Test
  void spansMustBeInsideTheTextAndCallersMustMayCapture() {
    Seed seed = seed("Weißes Haus");
    String tooFar =
        "{\"articleId\":"
            + seed.id()
            + ",\"start\":10,\"end\":"
            + (seed.text().length() + 5)
            + ",\"statement\":\"x\"}";
    Api.Reply outside = api.post("api/claims", checker, tooFar);
    assertEquals(400, outside.status(), outside.toString());
    assertTrue(outside.object().getString("detail").contains("not inside"), outside.toString());
    Api.Reply backwards =
        api.post(
            "api/claims",
            checker,
            "{\"articleId\":" + seed.id() + ",\"start\":10,\"end\":5,\"statement\":\"x\"}");
    assertEquals(400, backwards.status());
    Api.Reply noStatement =
        api.post(
            "api/claims",
            checker,
            "{\"articleId\":" + seed.id() + ",\"start\":0,\"end\":5,\"statement\":\" \"}");
    assertEquals(400, noStatement.status());
    Api.Reply noArticle =
        api.post(
            "api/claims",
            checker,
            "{\"articleId\":987654,\"start\":0,\"end\":5,\"statement\":\"x\"}");
    assertEquals(404, noArticle.status());
    Api.Reply auditor =
        api.post(
            "api/claims",
            api.sharedToken("auditor"),
            "{\"articleId\":" + seed.id() + ",\"start\":0,\"end\":5,\"statement\":\"x\"}");
    assertEquals(403, auditor.status());
  }

  @Test
  void claimantsAreOneRecordReusedAcrossClaims() {
    Seed seed = seed("Weißes Haus");
    JsonObject a =
        capture(
            seed,
            "das Abkommen sei ein Zeichen der Verzweiflung Russlands",
            "Das Abkommen ist ein Zeichen der Verzweiflung Russlands.",
            "John Kirby");
    JsonObject b =
        capture(
            seed,
            "der Verteidigungspakt sei \"keine Überraschung\"",
            "Der Verteidigungspakt ist keine Überraschung.",
            "john  kirby");
    long claimant = a.getJsonNumber("claimantId").longValue();
    assertEquals(claimant, b.getJsonNumber("claimantId").longValue());
    JsonObject record = api.get("api/claimants/" + claimant, checker).object();
    assertEquals("John Kirby", record.getString("name"));
    assertTrue(record.getJsonArray("claims").size() >= 2, record.toString());
  }

  @Test
  void suggestionsCoverEverySentenceBestFirstWithReasons() {
    Seed seed = seed("Russland ist bereit");
    JsonArray suggestions =
        api.get("api/articles/" + seed.id() + "/suggestions", checker).json().asJsonArray();
    assertTrue(suggestions.size() > 15, suggestions.toString());
    double previous = Double.MAX_VALUE;
    for (JsonObject s : suggestions.getValuesAs(JsonObject.class)) {
      double score = s.getJsonNumber("score").doubleValue();
      assertTrue(score <= previous, "best first");
      previous = score;
      assertEquals(
          seed.text().substring(s.getInt("start"), s.getInt("end")), s.getString("sentence"));
    }
    JsonObject best = suggestions.getJsonObject(0);
    assertFalse(best.getJsonArray("reasons").isEmpty(), best.toString());
  }

  @Test
  void searchStemsGermanAndFindsNewClaims() {
    JsonObject page = api.get("api/search?q=Waffenlieferung&kind=article", checker).object();
    assertTrue(page.getJsonNumber("total").longValue() >= 2, page.toString());
    String snippets = page.getJsonArray("hits").toString();
    assertTrue(snippets.contains("<mark>Waffenlieferungen</mark>"), snippets);

    Seed seed = seed("US-Beamte warnen");
    capture(
        seed,
        "Auch Russland hat Drohnen und Artillerie aus dem Iran erhalten.",
        "Russland hat Drohnen und Artillerie aus dem Iran erhalten.",
        "CNN");
    JsonObject claims = api.get("api/search?q=Drohnen%20Iran&kind=claim", checker).object();
    assertTrue(claims.getJsonNumber("total").longValue() >= 1, claims.toString());
    Api.Reply broken = api.get("api/search?q=%22Waffen%20AND%20(", checker);
    assertEquals(
        200, broken.status(), "query syntax never reaches the user as an error: " + broken);
  }

  @Test
  void aCorrectedTextIsANewRevisionAndOldAppearancesStayExact() {
    String text =
        "Der Bürgermeister sagte, die Stadt habe 2023 genau 812 Wohnungen gebaut. Das sei ein Rekord.";
    Api.Reply created =
        api.post(
            "api/articles",
            checker,
            Json.createObjectBuilder()
                .add("text", text + " " + java.util.UUID.randomUUID())
                .build()
                .toString());
    assertEquals(201, created.status(), created.toString());
    long article = created.object().getJsonObject("article").getJsonNumber("id").longValue();
    String reading = created.object().getString("text");
    Seed seed = new Seed(article, reading, created.object().getJsonNumber("version").longValue());
    JsonObject claim =
        capture(
            seed,
            "812 Wohnungen",
            "Die Stadt hat 2023 genau 812 Wohnungen gebaut.",
            "Bürgermeister");

    String corrected = "Korrektur vorangestellt. " + reading.replace("812", "821");
    Api.Reply revised =
        api.post(
            "api/articles/" + article + "/revisions",
            checker,
            Json.createObjectBuilder()
                .add("version", seed.version())
                .add("text", corrected)
                .add("note", "Zahlendreher")
                .build()
                .toString());
    assertEquals(200, revised.status(), revised.toString());
    assertEquals(2, revised.object().getInt("revision"));

    JsonObject appearance =
        api.get("api/claims/" + claim.getJsonNumber("id").longValue(), checker)
            .object()
            .getJsonArray("appearances")
            .getJsonObject(0);
    assertEquals(1, appearance.getInt("revision"));
    String old =
        api.get("api/articles/" + article + "?revision=1", checker).object().getString("text");
    assertEquals(
        "812 Wohnungen", old.substring(appearance.getInt("start"), appearance.getInt("end")));
  }
}
