package org.claimdesk.example;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.claimdesk.client.ApiClient;
import org.claimdesk.client.ApiException;
import org.claimdesk.client.api.ClaimDeskApi;
import org.claimdesk.client.model.ArticleDetail;
import org.claimdesk.client.model.CaptureRequest;
import org.claimdesk.client.model.CaseView;
import org.claimdesk.client.model.ClaimView;
import org.claimdesk.client.model.EvidenceRequest;
import org.claimdesk.client.model.EvidenceView;
import org.claimdesk.client.model.Hit;
import org.claimdesk.client.model.ImportRequest;
import org.claimdesk.client.model.IssuedTokenView;
import org.claimdesk.client.model.OpenRequest;
import org.claimdesk.client.model.Page;
import org.claimdesk.client.model.TokenRequest;
import org.claimdesk.client.model.VersionRequest;

/**
 * The README's "Use the API" example, through the client that openapi-generator made from
 * ClaimDesk's /openapi: a token with the password once, then with the token: import an article,
 * capture a claim at exact offsets of its reading text, open a case, add evidence, search.
 *
 * <p>Arguments: base URL, user, password. Any failure is an exception, so the JVM (or Maven's exec
 * plugin) ends with a non-zero exit code.
 */
public final class ReadmeExample {

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ReadmeExample <base url> <user> <password>");
    }
    try {
      run(args);
    } catch (ApiException e) {
      // the generated exception's message leaves out the problem+json that says what was wrong
      System.out.println("FAILED: HTTP " + e.getCode() + " " + e.getResponseBody());
      throw e;
    }
  }

  static void run(String[] args) throws Exception {
    String base = args[0].replaceAll("/+$", "");
    String marker = UUID.randomUUID().toString().substring(0, 8);

    // 1. A personal token, with the password once (HTTP Basic)
    String basic =
        Base64.getEncoder()
            .encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
    ApiClient passwordClient = client(base, "Basic " + basic);
    IssuedTokenView issued =
        new ClaimDeskApi(passwordClient)
            .issueToken(new TokenRequest().name("readme example " + marker));
    String token = issued.getToken();
    require(token != null && token.startsWith("cdk_"), "a cdk_ token in " + issued);
    System.out.println("issueToken: token " + token.substring(0, 10) + "…");

    // 2. from now on only the bearer token
    ApiClient client = client(base, "Bearer " + token);
    ClaimDeskApi api = new ClaimDeskApi(client);

    String sentence = "The new bridge will cost 12 million euros, said the mayor " + marker + ".";
    String text = "The council voted on Monday. " + sentence + " Construction starts in spring.";
    ArticleDetail article =
        api.importArticle(
            new ImportRequest()
                .title("Council approves bridge " + marker)
                .outlet("Example Gazette")
                .language("en")
                .publishedOn(LocalDate.of(2026, 11, 30))
                .text(text));
    long articleId = article.getArticle().getId();
    System.out.println(
        "importArticle: article " + articleId + " '" + article.getArticle().getTitle() + "'");

    // offsets are UTF-16 indexes into the reading text the server returned, end exclusive
    String reading = api.getArticle(articleId, null).getText();
    int start = reading.indexOf(sentence);
    require(start >= 0, "the sentence in the reading text: " + reading);
    ClaimView claim =
        api.captureClaim(
            new CaptureRequest()
                .articleId(articleId)
                .start(start)
                .end(start + sentence.length())
                .statement("The new bridge will cost 12 million euros.")
                .claimant("Mayor of Example Town"));
    String quoted = claim.getAppearances().get(0).getQuote();
    require(sentence.equals(quoted), "the quote is the sentence, got '" + quoted + "'");
    System.out.println("captureClaim: claim " + claim.getId() + " quoting '" + quoted + "'");

    CaseView opened =
        api.openCase(
            new OpenRequest()
                .claimId(claim.getId())
                .selectionReason("A large public expense, widely shared.")
                .priority(OpenRequest.PriorityEnum.HIGH)
                .tags(List.of("budget")));
    require("NEW".equals(opened.getStatus()), "a new case, got " + opened.getStatus());
    System.out.println("openCase: case " + opened.getId() + " " + opened.getStatus());

    // evidence is added by the people working the case: take it first
    CaseView taken =
        api.takeCase(opened.getId(), new VersionRequest().version(opened.getVersion()));
    EvidenceView evidence =
        api.addEvidence(
            taken.getId(),
            new EvidenceRequest()
                .kind(EvidenceRequest.KindEnum.DOCUMENT)
                .stance(EvidenceRequest.StanceEnum.REFUTES)
                .summary("The council budget lists 18.4 million euros for the bridge.")
                .quote("Bridge, total cost: 18.4 million euros")
                .url("https://example.org/council/budget-2027.pdf"));
    require("E1".equals(evidence.getLabel()), "the first evidence item is E1: " + evidence);
    System.out.println("addEvidence: " + evidence.getLabel() + " on case " + taken.getId());

    Page found = api.search(marker, null, null, null, null, null, null, null, null, null);
    List<String> titles = found.getHits().stream().map(Hit::getTitle).toList();
    require(
        titles.contains(article.getArticle().getTitle()),
        "search finds the imported article: " + titles);
    System.out.println("search: " + found.getTotal() + " hits for '" + marker + "' " + titles);
    System.out.println(
        "README example done: case " + taken.getId() + " with evidence " + evidence.getLabel());
  }

  static ApiClient client(String base, String authorization) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base);
    client.setRequestInterceptor(request -> request.header("Authorization", authorization));
    return client;
  }

  static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("Expected " + what);
    }
  }
}
