package org.claimdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The schema.org check accepts a correct ClaimReview and names each kind of mistake. */
class SchemaOrgTest {

  private static final JsonObject CLAIM_REVIEW =
      parse(
          """
          {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "https://faktencheck.example.org/checks/42",
            "datePublished": "2024-05-24",
            "dateModified": "2024-05-25T09:30:00+02:00",
            "inLanguage": "de",
            "claimReviewed": "Die Stadt hat 2023 über 40 Millionen Euro für Radwege ausgegeben.",
            "author": {
              "@type": "Organization",
              "name": "ClaimDesk Faktencheck",
              "url": "https://faktencheck.example.org/"
            },
            "reviewRating": {
              "@type": "Rating",
              "ratingValue": 2,
              "bestRating": 5,
              "worstRating": 1,
              "alternateName": "Größtenteils falsch"
            },
            "itemReviewed": {
              "@type": "Claim",
              "datePublished": "2024-05-20",
              "author": {"@type": "Person", "name": "Erika Mustermann", "jobTitle": "Bürgermeisterin"},
              "appearance": [
                {"@type": "CreativeWork", "url": "https://zeitung.example.de/artikel/1"},
                {"@type": "NewsArticle", "url": "http://zeitung.example.de/artikel/2"}
              ]
            }
          }
          """);

  @Test
  void aCompleteClaimReviewIsValid() {
    assertEquals(List.of(), SchemaOrg.problems(CLAIM_REVIEW));
    SchemaOrg.requireValid(CLAIM_REVIEW);
  }

  @Test
  void aDataFeedOfClaimReviewsIsValid() {
    JsonObject feed =
        Json.createObjectBuilder()
            .add("@context", "https://schema.org/")
            .add("@type", "DataFeed")
            .add("dateModified", "2024-05-25T10:00:00Z")
            .add(
                "dataFeedElement",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("@type", "DataFeedItem")
                            .add("dateModified", "2024-05-25T09:30:00+02:00")
                            .add(
                                "item", Json.createObjectBuilder(CLAIM_REVIEW).remove("@context"))))
            .build();
    assertEquals(List.of(), SchemaOrg.problems(feed));
  }

  @Test
  void ratingValueMayBeTextAndTypeMayBeAList() {
    assertValid(p -> p.replace("/reviewRating/ratingValue", "2"));
    assertValid(p -> p.replace("/@type", Json.createArrayBuilder().add("ClaimReview").build()));
  }

  @Test
  void unknownTypeIsReported() {
    assertOneProblem(
        p -> p.replace("/itemReviewed/@type", "Claimm"), "/itemReviewed", "unknown type Claimm");
  }

  @Test
  void propertyUsedAsTypeIsReported() {
    assertOneProblem(p -> p.replace("/author/@type", "author"), "/author", "is a property");
  }

  @Test
  void supersededTypeIsReported() {
    JsonObject blocks =
        Json.createObjectBuilder(type("UserBlocks")).add("@context", "https://schema.org").build();
    assertEquals(
        List.of("/: type UserBlocks is superseded by InteractionCounter"),
        SchemaOrg.problems(blocks));
  }

  @Test
  void supersededPropertyIsReported() {
    assertOneProblem(
        p -> p.add("/author/contactPoints", type("ContactPoint")),
        "/author/contactPoints",
        "superseded by contactPoint");
  }

  @Test
  void jsonLdKeywordsAreChecked() {
    assertOneProblem(p -> p.add("/author/@id", 7), "/author/@id", "must be a string");
    assertValid(p -> p.add("/author/@id", "https://faktencheck.example.org/#redaktion"));
    assertOneProblem(p -> p.add("/@language", "de"), "/@language", "unexpected keyword");
    assertOneProblem(
        p -> p.replace("/itemReviewed/appearance/1", JsonValue.EMPTY_JSON_ARRAY),
        "/itemReviewed/appearance/1",
        "nested array");
  }

  @Test
  void missingTypeIsReported() {
    assertOneProblem(p -> p.remove("/reviewRating/@type"), "/reviewRating", "no @type");
  }

  @Test
  void unknownPropertyIsReported() {
    assertOneProblem(
        p -> p.add("/claimReviewd", "Tippfehler"), "/claimReviewd", "unknown property");
  }

  @Test
  void propertyOutsideItsDomainIsReported() {
    assertOneProblem(
        p -> p.add("/ratingValue", 2), "/ratingValue", "ratingValue is a property of Rating only");
  }

  @Test
  void objectOfTheWrongTypeIsReported() {
    assertOneProblem(
        p -> p.replace("/reviewRating", type("Person")),
        "/reviewRating",
        "reviewRating expects Rating, not");
    assertOneProblem(
        p -> p.replace("/itemReviewed/author", "Erika Mustermann"),
        "/itemReviewed/author",
        "author expects Organization or Person");
  }

  @Test
  void badDatesAreReported() {
    assertOneProblem(
        p -> p.replace("/datePublished", "24.05.2024"), "/datePublished", "expects Date");
    assertOneProblem(
        p -> p.replace("/itemReviewed/datePublished", "2024-02-30"),
        "/itemReviewed/datePublished",
        "expects Date");
    assertOneProblem(
        p -> p.replace("/dateModified", "2024-05-25T09:30:00"), "/dateModified", "expects Date");
  }

  @Test
  void nonWebAddressForUrlIsReported() {
    assertOneProblem(
        p -> p.replace("/itemReviewed/appearance/1/url", "zeitung.example.de/artikel/2"),
        "/itemReviewed/appearance/1/url",
        "url expects URL");
    assertOneProblem(
        p -> p.replace("/author/url", "ftp://faktencheck.example.org/"),
        "/author/url",
        "url expects URL");
  }

  @Test
  void numbersAndBooleansMustFitTheirRange() {
    assertValid(p -> p.add("/commentCount", 3).add("/isAccessibleForFree", JsonValue.TRUE));
    assertOneProblem(
        p -> p.add("/commentCount", Json.createValue(2.5)), "/commentCount", "expects Integer");
    assertOneProblem(
        p -> p.add("/isAccessibleForFree", "ja"), "/isAccessibleForFree", "expects Boolean");
    assertOneProblem(p -> p.replace("/claimReviewed", 40), "/claimReviewed", "expects Text");
  }

  @Test
  void wrongOrMissingContextIsReported() {
    assertOneProblem(p -> p.replace("/@context", "http://schema.org"), "/", "@context");
    assertOneProblem(p -> p.remove("/@context"), "/", "no @context");
  }

  @Test
  void requireValidListsEveryProblem() {
    JsonObject broken =
        Json.createPatchBuilder()
            .add("/ratingValue", 2)
            .replace("/url", "faktencheck")
            .build()
            .apply(CLAIM_REVIEW);
    AssertionError error = assertThrows(AssertionError.class, () -> SchemaOrg.requireValid(broken));
    assertTrue(error.getMessage().contains("/ratingValue: "), error.getMessage());
    assertTrue(error.getMessage().contains("/url: "), error.getMessage());
  }

  private static void assertValid(UnaryOperator<JsonPatchBuilder> change) {
    assertEquals(List.of(), SchemaOrg.problems(changed(change)));
  }

  private static void assertOneProblem(
      UnaryOperator<JsonPatchBuilder> change, String path, String words) {
    List<String> problems = SchemaOrg.problems(changed(change));
    assertEquals(1, problems.size(), problems::toString);
    String problem = problems.get(0);
    assertTrue(problem.startsWith(path + ": ") && problem.contains(words), problem);
  }

  private static JsonObject changed(UnaryOperator<JsonPatchBuilder> change) {
    return change.apply(Json.createPatchBuilder()).build().apply(CLAIM_REVIEW);
  }

  private static JsonObject type(String type) {
    return Json.createObjectBuilder().add("@type", type).build();
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
