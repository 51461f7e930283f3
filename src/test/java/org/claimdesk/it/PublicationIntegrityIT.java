package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the public sees is what was approved: the public page, its ClaimReview and the feed entry of
 * a published fact-check stay byte for byte the same through every change the desk can make without
 * a correction (evidence, sources, claimants, claims), cited evidence is locked from submission on,
 * shared sources change only by supervisors or the people working every case that uses them, and a
 * correction is the one way to a new public version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicationIntegrityIT {
  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  String checker;
  String checker2;
  String supervisor;
  String supervisor2;
  String auditor;
  String admin;

  String token(String user) {
    return api.sharedToken(user);
  }

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, this::token);
    checker = token("factchecker");
    checker2 = token("factchecker2");
    supervisor = token("supervisor");
    supervisor2 = token("supervisor2");
    auditor = token("auditor");
    admin = token("admin");
  }

  /** What the public reads of a fact-check, each as the exact bytes served. */
  record PublicView(String page, String claimReview, String feedItem) {}

  PublicView publicView(String slug, long caseId) {
    Api.Reply page = api.get("factchecks/" + slug, null);
    assertEquals(200, page.status(), page.toString());
    Api.Reply review = api.get("api/cases/" + caseId + "/claimreview", auditor);
    assertEquals(200, review.status(), review.toString());
    Api.Reply feed = api.get("api/claimreviews?limit=100", null);
    assertEquals(200, feed.status(), feed.toString());
    String url = review.object().getString("url");
    String item =
        feed.object().getJsonArray("dataFeedElement").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getJsonObject("item").getString("url").equals(url))
            .findFirst()
            .map(JsonObject::toString)
            .orElse("(not in the first feed page)");
    // the CSP nonce is new with every response (that is its point); every other byte must stay
    return new PublicView(
        page.body()
            .replaceAll("nonce=\"[^\"]*\"", "nonce=\"…\"")
            .replaceAll("PrimeFaces\\.csp\\.init\\('[^']*'\\)", "PrimeFaces.csp.init('…')"),
        review.body(),
        item);
  }

  long source(String token, String name) {
    Api.Reply r =
        api.post(
            "api/sources",
            token,
            Json.createObjectBuilder()
                .add("name", name)
                .add("kind", "AGENCY")
                .add("url", "https://example.org/agentur")
                .add("reliability", "RELIABLE")
                .add("reliabilityNote", "Amtliche Zahlen")
                .build()
                .toString());
    assertEquals(201, r.status(), r.toString());
    return r.object().getJsonNumber("id").longValue();
  }

  Api.Reply changeSource(String token, long id, String name, String reliability, boolean secret) {
    long version =
        api.get("api/sources/" + id, token)
            .object()
            .getJsonObject("source")
            .getJsonNumber("version")
            .longValue();
    return api.send(
        "PUT",
        "api/sources/" + id,
        token,
        Json.createObjectBuilder()
            .add("version", version)
            .add("name", name)
            .add("kind", "AGENCY")
            .add("url", "https://attacker.example/quelle")
            .add("reliability", reliability)
            .add("reliabilityNote", "geändert")
            .add("confidential", secret)
            .build()
            .toString());
  }

  JsonObject addEvidence(long caseId, String summary, Long sourceId) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("kind", "DATASET")
            .add("stance", "REFUTES")
            .add("summary", summary)
            .add("quote", "„Es waren 2.000 Container.“")
            .add("url", "https://example.org/daten/" + UUID.randomUUID());
    if (sourceId != null) {
      b.add("sourceId", sourceId);
    }
    Api.Reply r = api.post("api/cases/" + caseId + "/evidence", checker, b.build().toString());
    assertEquals(201, r.status(), r.toString());
    return r.object();
  }

  Api.Reply reviseEvidence(String token, long caseId, JsonObject item, String summary) {
    JsonObject now =
        api.get("api/cases/" + caseId + "/evidence/" + item.getJsonNumber("id"), token).object();
    return api.send(
        "PUT",
        "api/cases/" + caseId + "/evidence/" + item.getJsonNumber("id"),
        token,
        Json.createObjectBuilder()
            .add("version", now.getJsonNumber("version").longValue())
            .add("kind", "DATASET")
            .add("stance", "SUPPORTS")
            .add("summary", summary)
            .add("url", "https://attacker.example/" + UUID.randomUUID())
            .build()
            .toString());
  }

  Api.Reply propose(long caseId, Long version, String rating, String explanation) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("rating", rating)
            .add("claimReviewed", "Zahl der Container")
            .add("conclusion", "Die Zahl ist zu hoch.")
            .add("explanation", explanation);
    if (version != null) {
      b.add("version", version);
    }
    return api.post("api/cases/" + caseId + "/verdict", checker, b.build().toString());
  }

  Api.Reply editClaim(long claimId, String statement, String claimant) {
    long version =
        api.get("api/claims/" + claimId, checker).object().getJsonNumber("version").longValue();
    JsonObjectBuilder b =
        Json.createObjectBuilder().add("version", version).add("statement", statement);
    if (claimant != null) {
      b.add("claimant", claimant);
    }
    return api.send("PUT", "api/claims/" + claimId, checker, b.build().toString());
  }

  long claimant(String name) {
    Api.Reply r =
        api.post(
            "api/claimants",
            checker,
            Json.createObjectBuilder().add("name", name).add("kind", "PERSON").build().toString());
    assertEquals(201, r.status(), r.toString());
    return r.object().getJsonNumber("id").longValue();
  }

  static void assertRefused(int status, Api.Reply r, String what) {
    assertEquals(status, r.status(), what + ": " + r);
    assertTrue(r.isProblem(), what + " answers problem+json: " + r.contentType());
  }

  @Test
  void thePublicReadsExactlyWhatWasApprovedWhateverChangesAfterwards() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String sourceName = "Statistikamt " + marker;
    long sourceId = source(checker2, sourceName);
    String speaker = "Sprecherin " + marker;
    long speakerId = claimant(speaker);
    JsonObject c = desk.caseWorkedBy("factchecker");
    long id = c.getJsonNumber("id").longValue();
    long claimId = c.getJsonNumber("claimId").longValue();
    String statement = api.get("api/claims/" + claimId, checker).object().getString("statement");
    Api.Reply attributed = editClaim(claimId, statement, speaker);
    assertEquals(200, attributed.status(), attributed.toString());
    JsonObject e1 = addEvidence(id, "Amtliche Daten nennen 2.000 Container.", sourceId);
    JsonObject e2 = addEvidence(id, "Satellitenbilder zeigen wenige Züge.", null);
    desk.step(id, checker, "start-research", null);
    assertEquals(200, propose(id, null, "FALSE", "Daten [E1] und Bilder [E2].").status());
    desk.step(id, checker, "submit", null);

    // in review: cited evidence is locked for everybody, uncited evidence is not
    assertRefused(409, reviseEvidence(checker, id, e1, "anders"), "the writer, in review");
    assertRefused(409, reviseEvidence(supervisor, id, e2, "anders"), "a supervisor, in review");
    JsonObject e3 = addEvidence(id, "Nicht zitiert.", null);
    assertEquals(200, reviseEvidence(checker, id, e3, "Nicht zitiert, ergänzt.").status());

    assertEquals("APPROVED", desk.step(id, supervisor, "approve", null).getString("status"));
    // between approval and publication the registry and the claim may change: not the approved page
    assertEquals(
        200, changeSource(supervisor, sourceId, sourceName + " (neu)", "MIXED", false).status());
    assertEquals(200, editClaim(claimId, "Umformuliert " + marker + ".", null).status());
    assertRefused(409, reviseEvidence(checker, id, e1, "anders"), "approved");
    desk.step(id, supervisor, "publish", null);
    String slug = api.get("api/cases/" + id + "/verdict", checker).object().getString("slug");

    PublicView published = publicView(slug, id);
    assertTrue(
        published.page().contains("<bdi class=\"public-source-name\">" + sourceName + "</bdi>"),
        published.page());
    assertFalse(published.page().contains("(neu)"), "the rename after approval is not public");
    assertTrue(published.page().contains(speaker), "the claimant as approved");
    assertTrue(published.claimReview().contains(speaker), published.claimReview());
    assertTrue(published.page().contains("Amtliche Daten nennen 2.000 Container."));
    assertFalse(published.page().contains("Nicht zitiert"), "uncited evidence is not public");
    assertEquals(published, publicView(slug, id), "two reads are the same bytes");

    // every change the desk can make without a correction
    List<Runnable> changes =
        List.of(
            () -> assertRefused(409, reviseEvidence(checker, id, e1, "Gefälscht"), "published E1"),
            () ->
                assertRefused(409, reviseEvidence(supervisor, id, e2, "Gefälscht"), "published E2"),
            () ->
                assertEquals(
                    200, reviseEvidence(checker, id, e3, "Uncited, changed again").status()),
            () ->
                assertRefused(
                    403,
                    changeSource(checker2, sourceId, "Umbenannt " + marker, "UNRELIABLE", false),
                    "a fact-checker not on the case renames a shared source"),
            () ->
                assertEquals(
                    200,
                    changeSource(supervisor, sourceId, "Umbenannt " + marker, "UNRELIABLE", false)
                        .status()),
            () ->
                assertEquals(
                    200,
                    changeSource(supervisor, sourceId, "Geheim " + marker, "RELIABLE", true)
                        .status()),
            () -> {
              long v =
                  api.get("api/claimants/" + speakerId, checker)
                      .object()
                      .getJsonNumber("version")
                      .longValue();
              Api.Reply renamed =
                  api.send(
                      "PUT",
                      "api/claimants/" + speakerId,
                      checker,
                      Json.createObjectBuilder()
                          .add("version", v)
                          .add("name", "Anderer Name " + marker)
                          .add("kind", "ORGANISATION")
                          .build()
                          .toString());
              assertTrue(renamed.status() < 500, renamed.toString());
            },
            () ->
                assertEquals(200, editClaim(claimId, "Noch einmal " + marker + ".", null).status()),
            () -> addEvidence(id, "Neuer Beleg nach der Veröffentlichung.", sourceId),
            () -> {
              // an administrator extends the rating scale: a new version, the old one retired
              JsonObject scale =
                  api
                      .get("api/scales", admin)
                      .json()
                      .asJsonArray()
                      .getValuesAs(JsonObject.class)
                      .stream()
                      .filter(x -> x.getBoolean("current"))
                      .findFirst()
                      .orElseThrow();
              Api.Reply extended =
                  api.post(
                      "api/scales/" + scale.getJsonNumber("id") + "/ratings",
                      admin,
                      Json.createObjectBuilder()
                          .add("version", scale.getJsonNumber("version").longValue())
                          .add("code", "SATIRE_" + marker.substring(0, 4).toUpperCase())
                          .add("labelDe", "Satire " + marker)
                          .add("labelEn", "Satire " + marker)
                          .build()
                          .toString());
              assertEquals(200, extended.status(), extended.toString());
            });
    for (Runnable change : changes) {
      change.run();
      assertEquals(published, publicView(slug, id), "the public view after a desk change");
    }

    // the approval froze what was published: the auditor finds the same fingerprint twice
    List<JsonObject> events =
        api.get("api/audit?limit=500&caseId=" + id, auditor)
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    String approved = fingerprint(events, "verdict.approved");
    assertEquals(64, approved.length(), approved);
    assertEquals(approved, fingerprint(events, "verdict.published"));

    // a correction is the way to change the page: still the approved page until republished
    desk.step(id, supervisor, "correct", "Quelle genauer benennen.");
    assertEquals(200, reviseEvidence(checker, id, e1, "Korrigierte Daten " + marker).status());
    assertEquals(published, publicView(slug, id), "in correction the public page stays");
    long verdictVersion =
        api.get("api/cases/" + id + "/verdict", checker)
            .object()
            .getJsonNumber("version")
            .longValue();
    assertEquals(200, propose(id, verdictVersion, "MOSTLY_FALSE", "Daten [E1].").status());
    desk.step(id, checker, "submit", null);
    desk.step(id, supervisor2, "approve", null);
    Api.Reply republished =
        api.post(
            "api/cases/" + id + "/transitions",
            supervisor,
            Json.createObjectBuilder()
                .add("action", "publish")
                .add(
                    "version",
                    api.get("api/cases/" + id, supervisor)
                        .object()
                        .getJsonNumber("version")
                        .longValue())
                .add("comment", "Daten präzisiert.")
                .add("correction", "CORRECTION")
                .build()
                .toString());
    assertEquals(200, republished.status(), republished.toString());
    PublicView corrected = publicView(slug, id);
    assertTrue(corrected.page().contains("Korrigierte Daten " + marker), corrected.page());
    assertTrue(corrected.page().contains("Daten präzisiert."), "the public note");
    assertFalse(corrected.page().contains("Satellitenbilder"), "E2 is no longer cited");
    String first = api.get("factchecks/" + slug + "?version=1", null).body();
    assertTrue(first.contains("Amtliche Daten nennen 2.000 Container."), "version 1 as it was");
    assertTrue(first.contains("Satellitenbilder"), first);
    assertFalse(first.contains("Korrigierte Daten"), first);
  }

  @Test
  void sendingBackUnlocksTheEvidence() {
    long id = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    JsonObject e1 = addEvidence(id, "Erste Fassung.", null);
    desk.step(id, checker, "start-research", null);
    assertEquals(200, propose(id, null, "FALSE", "Siehe [E1].").status());
    desk.step(id, checker, "submit", null);
    assertRefused(409, reviseEvidence(checker, id, e1, "Zweite Fassung."), "in review");
    desk.step(id, supervisor, "request-changes", "Beleg genauer beschreiben.");
    assertEquals(200, reviseEvidence(checker, id, e1, "Zweite Fassung.").status());
  }

  @Test
  void aSharedSourceIsChangedBySupervisorsOrThePeopleWorkingEveryCaseUsingIt() {
    long sourceId = source(checker, "Eigenes Archiv " + UUID.randomUUID());
    assertEquals(
        200,
        changeSource(checker2, sourceId, "Unbenutzt " + UUID.randomUUID(), "MIXED", false).status(),
        "unused: any fact-checker");
    long own = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    addEvidence(own, "Aus dem Archiv.", sourceId);
    assertEquals(
        200,
        changeSource(checker, sourceId, "Archiv " + UUID.randomUUID(), "MIXED", false).status(),
        "only in the own case");
    Api.Reply refused =
        changeSource(checker2, sourceId, "Fremd " + UUID.randomUUID(), "MIXED", false);
    assertRefused(403, refused, "used in a case of somebody else");
    assertTrue(refused.body().contains(String.valueOf(own)), refused.body());
    List<JsonObject> refusals =
        api.get("api/audit?limit=50&action=access.refused", auditor)
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertTrue(
        refusals.stream().anyMatch(e -> e.getString("entityId", "").equals("source " + sourceId)),
        "the refusal is on record");
  }

  /** The snapshot fingerprint the last event of {@code action} recorded. */
  static String fingerprint(List<JsonObject> events, String action) {
    return events.stream()
        .filter(e -> e.getString("action").equals(action))
        .map(e -> Json.createReader(new StringReader(e.getString("changes"))).readObject())
        .filter(changes -> changes.containsKey("snapshot"))
        .map(changes -> changes.getJsonObject("snapshot").getString("after"))
        .reduce((a, b) -> b)
        .orElse("(no " + action + " with a snapshot)");
  }
}
