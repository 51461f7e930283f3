package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.claimdesk.testing.SchemaOrg;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verdict workflow over REST: proposal with citations, send-back and revision, four-eyes
 * (proposer, editor, admin-supervisor), quorum, blind cross-check, publication as a public page and
 * ClaimReview for every rating of the scale, corrections, inbox and audit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerdictIT {
  static final String PASSWORD = "verdict-test-password";
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

  /** A case worked by the demo fact-checker, in research, with E1 (public source) and E2. */
  long researchedCase() {
    long id = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    addEvidence(id, "REFUTES", "Satellitenbilder zeigen weniger Container.", null);
    addEvidence(id, "CONTEXT", "Angaben des Ministeriums.", null);
    assertEquals("IN_RESEARCH", step(id, checker, "start-research", null).getString("status"));
    return id;
  }

  JsonObject addEvidence(long caseId, String stance, String summary, Long sourceId) {
    return addEvidence(caseId, checker, stance, summary, sourceId);
  }

  JsonObject addEvidence(long caseId, String token, String stance, String summary, Long sourceId) {
    var b =
        Json.createObjectBuilder()
            .add("kind", "document")
            .add("stance", stance)
            .add("summary", summary)
            .add("url", "https://example.org/beleg/" + UUID.randomUUID());
    if (sourceId != null) {
      b.add("sourceId", sourceId);
    }
    Api.Reply r = api.post("api/cases/" + caseId + "/evidence", token, b.build().toString());
    assertEquals(201, r.status(), r.toString());
    return r.object();
  }

  long caseVersion(long caseId) {
    return api.get("api/cases/" + caseId, checker).object().getJsonNumber("version").longValue();
  }

  Api.Reply tryStep(long caseId, String token, String action, String comment, String... extra) {
    var b = Json.createObjectBuilder().add("action", action).add("version", caseVersion(caseId));
    if (comment != null) {
      b.add("comment", comment);
    }
    for (int i = 0; i < extra.length; i += 2) {
      b.add(extra[i], extra[i + 1]);
    }
    return api.post("api/cases/" + caseId + "/transitions", token, b.build().toString());
  }

  JsonObject step(long caseId, String token, String action, String comment, String... extra) {
    Api.Reply r = tryStep(caseId, token, action, comment, extra);
    assertEquals(200, r.status(), action + ": " + r);
    return r.object();
  }

  Api.Reply propose(long caseId, String token, Long version, String rating, String explanation) {
    var b =
        Json.createObjectBuilder()
            .add("rating", rating)
            .add("claimReviewed", "Nordkorea hat mindestens 10.000 Container geliefert")
            .add("conclusion", "Die Zahl ist nicht belegt; die Bilder zeigen weniger.")
            .add("explanation", explanation);
    if (version != null) {
      b.add("version", version);
    }
    return api.post("api/cases/" + caseId + "/verdict", token, b.build().toString());
  }

  JsonObject verdict(long caseId, String token) {
    Api.Reply r = api.get("api/cases/" + caseId + "/verdict", token);
    assertEquals(200, r.status(), r.toString());
    return r.object();
  }

  List<String> inboxKinds(String token, long caseId) {
    return api.get("api/inbox?limit=200", token).object().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .filter(i -> i.getJsonNumber("caseId").longValue() == caseId)
        .map(i -> i.getString("kind"))
        .toList();
  }

  List<JsonObject> events(long caseId) {
    Api.Reply r = api.get("api/audit?limit=500&caseId=" + caseId, auditor);
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  static boolean absent(JsonObject o, String key) {
    return !o.containsKey(key) || o.isNull(key);
  }

  String newAccount(String roles) {
    String username = "v-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.post(
            "api/accounts",
            admin,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Verdict Test\",\"password\":\""
                + PASSWORD
                + "\",\"roles\":["
                + roles
                + "]}");
    assertEquals(201, created.status(), created.toString());
    Api.Reply token =
        api.postWithBasic("api/tokens", username, PASSWORD, "{\"name\":\"verdict-test\"}");
    assertEquals(201, token.status(), token.toString());
    return token.object().getString("token") + " " + username;
  }

  JsonObject policy(int quorum, boolean blind) {
    return desk.reviewPolicy(quorum, blind);
  }

  @Test
  void proposalSendBackRevisionApprovalPublicationAndCorrection() {
    long sourceId =
        api.post(
                "api/sources",
                checker,
                "{\"name\":\"Informant "
                    + UUID.randomUUID()
                    + "\",\"kind\":\"person\",\"confidential\":true}")
            .object()
            .getJsonNumber("id")
            .longValue();
    long id = researchedCase();
    JsonObject secret = addEvidence(id, "REFUTES", "Aussage eines Hafenarbeiters.", sourceId);
    String secretUrl = secret.getString("url");

    assertEquals(400, propose(id, checker, null, "FALSE", "Keine Belege genannt.").status());
    Api.Reply unknown = propose(id, checker, null, "FALSE", "Siehe [E9].");
    assertEquals(400, unknown.status(), unknown.toString());
    assertTrue(unknown.body().contains("E9"), unknown.body());
    assertEquals(400, propose(id, checker, null, "NONSENSE", "Siehe [E1].").status());
    assertEquals(403, propose(id, checker2, null, "FALSE", "Siehe [E1].").status());
    assertEquals(
        409, tryStep(id, checker, "submit", null).status(), "nothing proposed, nothing to submit");

    Api.Reply proposed = propose(id, checker, null, "MOSTLY_FALSE", "Bilder [E1], Zeuge [E3].");
    assertEquals(200, proposed.status(), proposed.toString());
    assertEquals(1, proposed.object().getInt("revision"));
    step(id, checker, "submit", null);
    assertTrue(inboxKinds(supervisor, id).contains("REVIEW_REQUESTED"));
    assertTrue(
        api
            .get("api/cases?queue=review&limit=500", supervisor)
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .anyMatch(c -> c.getJsonNumber("id").longValue() == id),
        "the case waits in the review queue");
    assertEquals(
        409,
        propose(
                id,
                checker,
                proposed.object().getJsonNumber("version").longValue(),
                "FALSE",
                "[E1]")
            .status(),
        "in review the text is frozen");

    Api.Reply noReason = tryStep(id, supervisor, "request-changes", " ");
    assertEquals(400, noReason.status(), noReason.toString());
    step(id, supervisor, "request-changes", "Bitte die Zahl des Ministeriums [E2] einordnen.");
    assertTrue(inboxKinds(checker, id).contains("CHANGES_REQUESTED"));

    JsonObject current = verdict(id, checker);
    Api.Reply stale =
        propose(id, checker, current.getJsonNumber("version").longValue() - 1, "FALSE", "[E1]");
    assertEquals(409, stale.status(), stale.toString());
    Api.Reply revised =
        propose(
            id,
            checker,
            current.getJsonNumber("version").longValue(),
            "FALSE",
            "Bilder [E1], Ministerium [E2], Zeuge [E3].");
    assertEquals(200, revised.status(), revised.toString());
    assertEquals(2, revised.object().getInt("revision"));
    step(id, checker, "submit", null);
    assertEquals("APPROVED", step(id, supervisor, "approve", "passt").getString("status"));
    assertTrue(inboxKinds(checker, id).contains("APPROVED"));
    // before publishing, the desk sees the public page exactly as it will go live
    String session = api.sessionFor("supervisor2");
    Api.Reply preview = api.get("cases/preview?case=" + id, null, "Cookie", session);
    assertEquals(200, preview.status(), preview.toString());
    assertTrue(preview.body().contains("id=\"preview\""), "marked as a preview");
    assertTrue(preview.body().contains("<meta name=\"robots\" content=\"noindex\""));
    assertEquals(
        302, api.get("cases/preview?case=" + id, null).status(), "signed-in only: to the login");
    assertEquals(404, api.get("cases/preview?case=999999999", null, "Cookie", session).status());
    assertEquals("PUBLISHED", step(id, supervisor2, "publish", null).getString("status"));
    assertEquals(
        404,
        api.get("cases/preview?case=" + id, null, "Cookie", session).status(),
        "nothing waits to be published any more");
    String live = api.get("factchecks/" + verdict(id, checker).getString("slug"), null).body();
    assertEquals(
        between(live, "<h1 id=\"claim-reviewed\"", "id=\"dates\""),
        between(preview.body(), "<h1 id=\"claim-reviewed\"", "id=\"dates\""),
        "the page that went live is the one previewed");
    assertTrue(inboxKinds(checker, id).contains("PUBLISHED"));

    JsonObject published = verdict(id, checker);
    String slug = published.getString("slug");
    assertTrue(slug.endsWith("-" + id), slug);
    assertEquals(2, published.getInt("publishedRevision"));

    Api.Reply review = api.get("api/cases/" + id + "/claimreview", checker);
    assertEquals(200, review.status(), review.toString());
    JsonObject claimReview = review.object();
    SchemaOrg.requireValid(claimReview);
    assertEquals("Falsch", claimReview.getJsonObject("reviewRating").getString("alternateName"));
    assertFalse(claimReview.containsKey("dateModified"), "not corrected yet");
    assertTrue(claimReview.getString("url").endsWith("/factchecks/" + slug));

    Api.Reply page = api.get("factchecks/" + slug, null);
    assertEquals(200, page.status(), "the public page needs no login: " + page.status());
    assertTrue(page.body().contains("Die Zahl ist nicht belegt"), page.body());
    assertTrue(page.body().contains("application/ld+json"));
    assertTrue(page.body().contains("ertraulich") || page.body().contains("confidential source"));
    assertFalse(page.body().contains("Informant"), "a confidential source never appears");
    assertFalse(page.body().contains(secretUrl), "nor its URL");
    // a shared link shows the claim and the rating from the snapshot
    assertTrue(
        page.body().contains("<meta property=\"og:url\" content=\"" + claimReview.getString("url")),
        page.body());
    assertTrue(page.body().contains("<meta property=\"og:description\" content=\"Falsch: "));
    assertTrue(page.body().contains("<meta name=\"twitter:card\" content=\"summary\""));
    assertFalse(page.body().contains("id=\"corrections\""), "nothing corrected yet");
    assertFalse(review.body().contains("Informant"));
    assertEquals(404, api.get("factchecks/no-such-check-1", null).status());

    Api.Reply notYet = tryStep(id, supervisor, "publish", null);
    assertEquals(409, notYet.status(), notYet.toString());
    assertTrue(notYet.contentType().startsWith("application/problem+json"), notYet.contentType());

    // correction: reopened, revised, approved by someone else, republished with a public note
    assertEquals(400, tryStep(id, supervisor, "correct", null).status());
    step(id, supervisor, "correct", "Neue Zahlen des Ministeriums.");
    JsonObject before = verdict(id, checker);
    assertEquals(
        200,
        propose(
                id,
                checker,
                before.getJsonNumber("version").longValue(),
                "MOSTLY_FALSE",
                "Bilder [E1], neue Ministeriumszahlen [E2].")
            .status());
    step(id, checker, "submit", null);
    step(id, supervisor2, "approve", null);
    assertEquals(
        400, tryStep(id, supervisor, "publish", null).status(), "a typed note is required");
    assertEquals(
        400, tryStep(id, supervisor, "publish", "Zahl korrigiert.").status(), "typed: which kind");
    step(id, supervisor, "publish", "Zahl korrigiert.", "correction", "CORRECTION");

    JsonObject corrected = api.get("api/cases/" + id + "/claimreview", checker).object();
    SchemaOrg.requireValid(corrected);
    assertTrue(corrected.containsKey("dateModified"));
    assertEquals(
        "Größtenteils falsch", corrected.getJsonObject("reviewRating").getString("alternateName"));
    assertEquals(claimReview.getString("url"), corrected.getString("url"), "the address stays");
    String now = api.get("factchecks/" + slug, null).body();
    assertTrue(now.contains("Zahl korrigiert."), "the public correction log");
    assertTrue(
        now.indexOf("id=\"corrections\"") < now.indexOf("id=\"explanation\""),
        "corrections stand above the explanation");
    // versions are numbered by publication: 1 is the first, 2 the corrected one
    String original = api.get("factchecks/" + slug + "?version=1", null).body();
    assertTrue(original.contains("Zeuge ["), original);
    assertTrue(original.contains("Falsch") && !original.contains("Größtenteils falsch"), original);
    assertTrue(original.contains("older-version"), "an earlier version says so");
    assertFalse(now.contains("older-version"), now);
    assertEquals(404, api.get("factchecks/" + slug + "?version=3", null).status(), "never public");
    assertEquals(404, api.get("factchecks/" + slug + "?version=0", null).status());
    assertEquals(
        3,
        api.get("api/cases/" + id + "/verdict/versions", checker).json().asJsonArray().size(),
        "proposed, revised, corrected");

    List<String> actions = events(id).stream().map(e -> e.getString("action")).toList();
    for (String a :
        List.of(
            "case.start-research",
            "verdict.proposed",
            "case.submit",
            "case.request-changes",
            "verdict.revised",
            "case.approve",
            "verdict.approved",
            "case.publish",
            "verdict.published",
            "case.correct")) {
      assertTrue(actions.contains(a), a + " in " + actions);
    }
    JsonObject sentBack =
        events(id).stream()
            .filter(e -> e.getString("action").equals("case.request-changes"))
            .findFirst()
            .orElseThrow();
    assertEquals("Bitte die Zahl des Ministeriums [E2] einordnen.", sentBack.getString("reason"));
  }

  @Test
  void nobodyApprovesWhatTheyWroteOrEdited() {
    // the proposer, a supervisor
    long own = desk.caseWorkedBy("supervisor").getJsonNumber("id").longValue();
    addEvidence(own, supervisor, "REFUTES", "Bericht", null);
    step(own, supervisor, "start-research", null);
    assertEquals(200, propose(own, supervisor, null, "FALSE", "[E1]").status());
    step(own, supervisor, "submit", null);
    Api.Reply self = tryStep(own, supervisor, "approve", null);
    assertEquals(403, self.status(), self.toString());
    assertTrue(self.body().contains("Four eyes"), self.body());

    // an editor: a second supervisor changes the rating, then cannot approve
    long edited = researchedCase();
    assertEquals(200, propose(edited, checker, null, "FALSE", "[E1]").status());
    long v = verdict(edited, supervisor2).getJsonNumber("version").longValue();
    assertEquals(200, propose(edited, supervisor2, v, "MOSTLY_FALSE", "[E1]").status());
    step(edited, checker, "submit", null);
    assertEquals(403, tryStep(edited, supervisor2, "approve", null).status());

    // an administrator who is also a supervisor and edited the text
    String[] adminSupervisor = newAccount("\"ADMIN\",\"SUPERVISOR\"").split(" ");
    step(edited, supervisor, "request-changes", "Bitte kürzen.");
    long v2 = verdict(edited, checker).getJsonNumber("version").longValue();
    assertEquals(
        200, propose(edited, adminSupervisor[0], v2, "MOSTLY_FALSE", "Kürzer: [E1].").status());
    step(edited, checker, "submit", null);
    Api.Reply adminTry = tryStep(edited, adminSupervisor[0], "approve", null);
    assertEquals(403, adminTry.status(), adminTry.toString());
    // an administrator without the supervisor role
    assertEquals(403, tryStep(edited, admin, "approve", null).status());
    assertEquals(403, tryStep(edited, auditor, "approve", null).status());
    // someone who did not write it may
    assertEquals("APPROVED", step(edited, supervisor, "approve", null).getString("status"));

    long refusals =
        api.get("api/audit?limit=500&action=access.refused&actor=" + adminSupervisor[1], auditor)
            .object()
            .getJsonArray("items")
            .size();
    assertTrue(refusals >= 1, "the refusal is on record");
  }

  @Test
  void aQuorumOfTwoSupervisors() {
    policy(2, false);
    try {
      long id = researchedCase();
      assertEquals(200, propose(id, checker, null, "FALSE", "[E1]").status());
      step(id, checker, "submit", null);
      assertEquals("IN_REVIEW", step(id, supervisor, "approve", null).getString("status"));
      assertEquals(409, tryStep(id, supervisor, "approve", null).status(), "one person, one vote");
      JsonObject v = verdict(id, checker);
      assertEquals(
          List.of("supervisor"),
          v.getJsonArray("approvedBy").getValuesAs(jakarta.json.JsonString.class).stream()
              .map(jakarta.json.JsonString::getString)
              .toList());
      assertEquals(2, v.getInt("quorum"));
      assertEquals("APPROVED", step(id, supervisor2, "approve", null).getString("status"));
    } finally {
      policy(1, false);
    }
  }

  @Test
  void aBlindCrossCheckThatDisagreesSendsTheCaseBack() {
    policy(1, true);
    try {
      long id = researchedCase();
      assertEquals(200, propose(id, checker, null, "FALSE", "Bilder [E1].").status());
      step(id, checker, "submit", null);
      assertTrue(absent(verdict(id, checker2), "rating"), "the cross-checker does not see it");
      assertEquals("FALSE", verdict(id, checker).getString("rating"), "the writer does");
      Api.Reply early = tryStep(id, supervisor, "approve", null);
      assertEquals(409, early.status(), early.toString());

      Api.Reply own =
          api.post(
              "api/cases/" + id + "/verdict/cross-check",
              checker,
              "{\"rating\":\"FALSE\",\"rationale\":\"x\",\"version\":" + caseVersion(id) + "}");
      assertEquals(403, own.status(), "not by the writer");
      Api.Reply differ =
          api.post(
              "api/cases/" + id + "/verdict/cross-check",
              checker2,
              "{\"rating\":\"MOSTLY_TRUE\",\"rationale\":\"Die Bilder sind alt.\",\"version\":"
                  + caseVersion(id)
                  + "}");
      assertEquals(200, differ.status(), differ.toString());
      assertEquals("IN_RESEARCH", differ.object().getString("status"));
      List<JsonObject> reviews =
          api.get("api/cases/" + id + "/verdict/reviews", checker)
              .json()
              .asJsonArray()
              .getValuesAs(JsonObject.class);
      JsonObject back =
          reviews.stream()
              .filter(r -> r.getString("kind").equals("SENT_BACK"))
              .findFirst()
              .orElseThrow();
      assertTrue(back.getString("body").contains("Mostly true"), back.toString());
      assertTrue(back.getString("body").contains("Die Bilder sind alt."), back.toString());
      assertTrue(inboxKinds(checker, id).contains("CHANGES_REQUESTED"));

      step(id, checker, "submit", null);
      Api.Reply agree =
          api.post(
              "api/cases/" + id + "/verdict/cross-check",
              checker2,
              "{\"rating\":\"FALSE\",\"rationale\":\"Stimmt.\",\"version\":"
                  + caseVersion(id)
                  + "}");
      assertEquals("IN_REVIEW", agree.object().getString("status"), agree.toString());
      assertEquals("APPROVED", step(id, supervisor, "approve", null).getString("status"));
    } finally {
      policy(1, false);
    }
  }

  @Test
  void everyRatingOfTheScaleMakesAValidClaimReview() {
    JsonObject scale =
        api.get("api/scales", checker).json().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getBoolean("current"))
            .findFirst()
            .orElseThrow();
    Map<Integer, String> labelOfValue = new HashMap<>();
    Set<String> urls = new HashSet<>();
    for (JsonObject rating : scale.getJsonArray("ratings").getValuesAs(JsonObject.class)) {
      long id = desk.publishedCase(rating.getString("code")).getJsonNumber("id").longValue();
      JsonObject review = api.get("api/cases/" + id + "/claimreview", checker).object();
      SchemaOrg.requireValid(review);
      String what = rating.getString("code") + ": " + review;
      assertTrue(review.getString("claimReviewed").length() <= 200, what);
      assertTrue(urls.add(review.getString("url")), "one url per review: " + what);
      assertEquals("Organization", review.getJsonObject("author").getString("@type"));
      assertNotNull(review.getString("datePublished"));
      JsonObject claim = review.getJsonObject("itemReviewed");
      assertEquals("Claim", claim.getString("@type"));
      assertFalse(claim.getJsonArray("appearance").isEmpty(), what);
      JsonObject r = review.getJsonObject("reviewRating");
      assertEquals(rating.getString("labelDe"), r.getString("alternateName"), what);
      if (absent(rating, "ratingValue")) {
        assertFalse(r.containsKey("ratingValue"), "no number where the label has no place");
      } else {
        int value = r.getInt("ratingValue");
        int best = r.getInt("bestRating");
        int worst = r.getInt("worstRating");
        assertTrue(worst >= 1 && worst < best && worst <= value && value <= best, what);
        assertEquals(rating.getInt("ratingValue"), value);
        String earlier = labelOfValue.putIfAbsent(value, r.getString("alternateName"));
        assertTrue(earlier == null || earlier.equals(r.getString("alternateName")), what);
      }
    }
    Api.Reply feed = api.get("api/claimreviews?limit=100", null);
    assertEquals(200, feed.status(), "the feed is public: " + feed);
    SchemaOrg.requireValid(feed.object());
    Set<String> inFeed = new HashSet<>();
    feed.object()
        .getJsonArray("dataFeedElement")
        .getValuesAs(JsonObject.class)
        .forEach(e -> inFeed.add(e.getJsonObject("item").getString("url")));
    assertTrue(inFeed.containsAll(urls), "the newest reviews are on the first page");
  }

  @Test
  void illegalStepsAndStaleVersionsAreRefused() {
    long id = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    Api.Reply approve = tryStep(id, supervisor, "approve", null);
    assertEquals(409, approve.status(), approve.toString());
    assertTrue(approve.contentType().startsWith("application/problem+json"));
    assertTrue(approve.body().contains("NEW"), approve.body());
    assertEquals(403, tryStep(id, auditor, "start-research", null).status());
    assertEquals(403, tryStep(id, checker2, "start-research", null).status(), "not on the case");
    assertEquals(400, tryStep(id, checker, "fly", null).status());
    Api.Reply stale =
        api.post(
            "api/cases/" + id + "/transitions",
            checker,
            "{\"action\":\"start-research\",\"version\":" + (caseVersion(id) - 1) + "}");
    assertEquals(409, stale.status(), stale.toString());
    assertEquals(400, tryStep(id, supervisor, "dismiss", null).status());
    assertEquals(
        "DISMISSED", step(id, supervisor, "dismiss", "Nicht überprüfbar.").getString("status"));
    assertEquals("NEW", step(id, supervisor, "reopen", "Doch überprüfbar.").getString("status"));
  }

  @Test
  void aScaleGrowsByVersionsAndVerdictsKeepTheirs() {
    long id = researchedCase();
    assertEquals(200, propose(id, checker, null, "FALSE", "[E1]").status());
    JsonObject before =
        api.get("api/scales", checker).json().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getBoolean("current"))
            .findFirst()
            .orElseThrow();
    String code = "SATIRE_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    String body =
        "{\"version\":"
            + before.getJsonNumber("version")
            + ",\"code\":\""
            + code
            + "\",\"labelDe\":\"Satire\",\"labelEn\":\"Satire\"}";
    assertEquals(
        403,
        api.post("api/scales/" + before.getJsonNumber("id") + "/ratings", supervisor, body)
            .status());
    Api.Reply duplicateValue =
        api.post(
            "api/scales/" + before.getJsonNumber("id") + "/ratings",
            admin,
            body.replace("}", ",\"ratingValue\":1}"));
    assertEquals(400, duplicateValue.status(), "one number, one label: " + duplicateValue);
    Api.Reply extended =
        api.post("api/scales/" + before.getJsonNumber("id") + "/ratings", admin, body);
    assertEquals(200, extended.status(), extended.toString());
    assertEquals(before.getInt("number") + 1, extended.object().getInt("number"));
    assertTrue(extended.object().getBoolean("current"));
    assertEquals(
        before.getJsonArray("ratings").size() + 1,
        extended.object().getJsonArray("ratings").size());

    JsonObject pinned = verdict(id, checker);
    assertEquals(
        before.getInt("number"), pinned.getInt("scaleVersion"), "the verdict keeps its scale");
    Api.Reply notOnOld =
        propose(id, checker, pinned.getJsonNumber("version").longValue(), code, "[E1]");
    assertEquals(400, notOnOld.status(), "the old version has no such rating: " + notOnOld);
    long fresh = researchedCase();
    Api.Reply onNew = propose(fresh, checker, null, code, "[E1]");
    assertEquals(200, onNew.status(), onNew.toString());
    assertEquals(before.getInt("number") + 1, onNew.object().getInt("scaleVersion"));
  }

  static String between(String page, String from, String to) {
    int start = page.indexOf(from);
    int end = page.indexOf(to, start);
    assertTrue(start >= 0 && end > start, from + " … " + to + " in " + page);
    return page.substring(start, end);
  }
}
