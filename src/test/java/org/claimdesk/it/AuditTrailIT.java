package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every action so far leaves exactly one event, with the right before and after. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {
  static final String PASSWORD = "a-long-enough-password";

  @ArquillianResource URL deployment;
  Api api;
  String admin;
  String auditor;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    admin = api.sharedToken("admin");
    auditor = api.sharedToken("auditor");
  }

  /** The events of one thing and action, via the auditors' API. */
  List<JsonObject> events(String entityType, String entityId, String action) {
    Api.Reply reply =
        api.get(
            "api/audit?entityType="
                + entityType
                + "&entityId="
                + URLEncoder.encode(entityId, StandardCharsets.UTF_8)
                + "&action="
                + action,
            auditor);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  JsonObject theOnly(String entityType, String entityId, String action) {
    List<JsonObject> found = events(entityType, entityId, action);
    assertEquals(1, found.size(), action + " of " + entityType + " " + entityId + ": " + found);
    return found.get(0);
  }

  String newUser() {
    String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.post(
            "api/accounts",
            admin,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Anna Audit\",\"password\":\""
                + PASSWORD
                + "\",\"roles\":[\"FACT_CHECKER\"]}");
    assertEquals(201, created.status(), created.toString());
    return username;
  }

  @Test
  void accountAdministrationIsRecordedStepByStep() {
    String user = newUser();
    JsonObject created = theOnly("account", user, "account.created");
    assertEquals("admin", created.getString("actor"));
    assertEquals("ADMIN", created.getString("actorRoles"));
    assertTrue(
        created
            .getString("changes")
            .contains("\"roles\":{\"after\":[\"FACT_CHECKER\"],\"before\":null}"),
        created.toString());
    assertEquals(1, created.getJsonNumber("entityVersion").longValue());
    assertEquals("127.0.0.1", created.getString("clientAddress"));
    assertFalse(created.getString("requestId").isBlank());

    api.post("api/accounts/" + user + "/disable", admin, "");
    assertEquals(
        "{\"enabled\":{\"after\":false,\"before\":true}}",
        theOnly("account", user, "account.disabled").getString("changes"));
    api.post("api/accounts/" + user + "/enable", admin, "");
    assertEquals(
        "{\"enabled\":{\"after\":true,\"before\":false}}",
        theOnly("account", user, "account.enabled").getString("changes"));
    api.send(
        "PUT",
        "api/accounts/" + user + "/roles",
        admin,
        "{\"roles\":[\"SUPERVISOR\",\"AUDITOR\"]}");
    assertEquals(
        "{\"roles\":{\"after\":[\"AUDITOR\",\"SUPERVISOR\"],\"before\":[\"FACT_CHECKER\"]}}",
        theOnly("account", user, "account.roles-changed").getString("changes"));
    api.send(
        "PUT",
        "api/accounts/" + user + "/password",
        admin,
        "{\"password\":\"another-long-password\"}");
    JsonObject reset = theOnly("account", user, "account.password-reset");
    assertFalse(reset.getString("changes").contains("PBKDF2"), "never the hash: " + reset);
    assertTrue(
        reset.getJsonNumber("entityVersion").longValue()
            > created.getJsonNumber("entityVersion").longValue());
  }

  @Test
  void loginsFailedLoginsAndTokensAreRecorded() {
    String user = newUser();
    assertEquals(401, api.postWithBasic("api/tokens", user, "wrong-password-1", "{}").status());
    JsonObject failed = theOnly("account", user, "login.failed");
    assertEquals("{\"failedLogins\":{\"after\":1,\"before\":0}}", failed.getString("changes"));
    assertEquals("wrong password", failed.getString("reason"));

    Api.Reply issued =
        api.postWithBasic("api/tokens", user, PASSWORD, "{\"name\":\"audited laptop\"}");
    assertEquals(201, issued.status());
    JsonObject login = theOnly("account", user, "login.succeeded");
    assertTrue(
        login.getString("changes").contains("\"failedLogins\":{\"after\":0,\"before\":1}"),
        login.toString());
    String tokenId =
        String.valueOf(issued.object().getJsonObject("details").getJsonNumber("id").longValue());
    JsonObject token = theOnly("api-token", tokenId, "api-token.issued");
    assertEquals(user, token.getString("actor"));
    assertTrue(
        token
            .getString("changes")
            .contains("\"name\":{\"after\":\"audited laptop\",\"before\":null}"));
    assertFalse(
        token.getString("changes").contains(issued.object().getString("token")),
        "never the secret");

    assertEquals(
        204, api.delete("api/tokens/" + tokenId, issued.object().getString("token")).status());
    assertTrue(
        theOnly("api-token", tokenId, "api-token.revoked")
            .getString("changes")
            .contains("revokedAt"));

    String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
    api.postWithBasic("api/tokens", stranger, "whatever-password", "{}");
    assertEquals(
        "unknown user name", theOnly("account", stranger, "login.failed").getString("reason"));
  }

  @Test
  void refusedAccessIsRecordedAlthoughTheRequestFails() {
    String user = newUser();
    String token =
        api.postWithBasic("api/tokens", user, PASSWORD, "{}").object().getString("token");
    String requestId = "audit-test-" + UUID.randomUUID();
    Api.Reply refused =
        api.send("POST", "api/accounts/" + user + "/disable", token, "", "X-Request-Id", requestId);
    assertEquals(403, refused.status());
    List<JsonObject> found =
        events("resource", "/api/accounts/" + user + "/disable", "access.refused");
    assertEquals(1, found.size(), found.toString());
    assertEquals(user, found.get(0).getString("actor"));
    assertEquals(requestId, found.get(0).getString("requestId"));
    assertTrue(
        events("account", user, "account.disabled").isEmpty(), "the refused change left no event");
  }

  @Test
  void theChainVerifiesAndEveryEventHasItsHashes() {
    JsonObject report = api.get("api/audit/verify", auditor).object();
    assertTrue(report.getBoolean("intact"), report.toString());
    assertTrue(report.getJsonNumber("events").longValue() > 6);
    JsonObject newest =
        api.get("api/audit?limit=1", auditor).object().getJsonArray("items").getJsonObject(0);
    assertNotNull(newest.getString("prevHash"));
    assertTrue(newest.getString("hash").matches("[0-9a-f]{64}"));
  }

  @Test
  void exportsStreamTheFilteredLog() {
    String user = newUser();
    Api.Reply csv =
        api.get("api/audit/export?format=csv&entityType=account&entityId=" + user, auditor);
    assertEquals(200, csv.status());
    assertTrue(csv.contentType().startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(
        "seq,occurredAt,actor,actorRoles,action,entityType,entityId,caseId,entityVersion,changes,reason,requestId,clientAddress,prevHash,hash",
        lines[0]);
    assertEquals(2, lines.length, csv.body());
    assertTrue(lines[1].contains("account.created"));

    Api.Reply jsonl =
        api.get("api/audit/export?format=jsonl&entityType=account&entityId=" + user, auditor);
    assertTrue(jsonl.contentType().startsWith("application/x-ndjson"));
    JsonObject line =
        jakarta.json.Json.createReader(new java.io.StringReader(jsonl.body().strip())).readObject();
    String recomputed =
        org.claimdesk.platform.Sha256.hex(line.getString("prevHash") + line.getString("canonical"));
    assertEquals(
        line.getString("hash"),
        recomputed,
        "an auditor's own tool can recompute the hash from the export");

    assertEquals(400, api.get("api/audit/export?format=xml", auditor).status());
  }
}
