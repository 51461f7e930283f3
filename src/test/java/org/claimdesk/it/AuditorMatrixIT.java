package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Auditors read everything and change nothing: every write endpoint refuses them. (Their own API
 * tokens are the one exception: credentials, not newsroom data, and needed to call the audit API.)
 * And nobody but auditors reads the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditorMatrixIT {
  @ArquillianResource URL deployment;

  record Call(String method, String path, String body) {}

  static final List<Call> WRITES =
      List.of(
          new Call(
              "POST",
              "api/accounts",
              "{\"username\":\"by-auditor\",\"displayName\":\"X\",\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"]}"),
          new Call("PUT", "api/accounts/factchecker2/roles", "{\"roles\":[\"AUDITOR\"]}"),
          new Call("POST", "api/accounts/factchecker2/disable", ""),
          new Call("POST", "api/accounts/factchecker2/enable", ""),
          new Call(
              "PUT",
              "api/accounts/factchecker2/password",
              "{\"password\":\"long-enough-password\"}"));

  static final List<String> AUDIT_READS =
      List.of(
          "api/audit",
          "api/audit?case=1",
          "api/audit/actions",
          "api/audit/verify",
          "api/audit/verify?case=1",
          "api/audit/export?format=csv",
          "api/audit/export?format=jsonl",
          "api/audit/checkpoint",
          "api/audit/entities/account/factchecker");

  @Test
  void everyWriteEndpointRefusesTheAuditor() {
    Api api = Api.at(deployment);
    String auditor = api.sharedToken("auditor");
    for (Call call : WRITES) {
      Api.Reply reply = api.send(call.method(), call.path(), auditor, call.body());
      assertEquals(403, reply.status(), call + " " + reply);
      assertTrue(reply.isProblem(), call.toString());
    }
    // a fresh token, so that it is the newest in the list: the one the auditor tries to revoke
    String othersToken = api.tokenFor("factchecker2");
    long id =
        api.get("api/tokens", othersToken)
            .json()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        403, api.delete("api/tokens/" + id, auditor).status(), "revoking somebody else's token");
    assertEquals(200, api.get("api/articles", othersToken).status(), "the token still works");
  }

  @Test
  void theAuditorReadsEverything() {
    Api api = Api.at(deployment);
    String auditor = api.sharedToken("auditor");
    for (String path : AUDIT_READS) {
      assertEquals(200, api.get(path, auditor).status(), path);
    }
    assertEquals(200, api.get("api/articles", auditor).status());
    assertEquals(200, api.get("api/articles/1", auditor).status());
  }

  @Test
  void nobodyButAuditorsReadsTheAuditLog() {
    Api api = Api.at(deployment);
    for (String user : new String[] {"factchecker", "supervisor", "admin"}) {
      String token = api.sharedToken(user);
      for (String path : AUDIT_READS) {
        Api.Reply reply = api.get(path, token);
        assertEquals(403, reply.status(), user + " " + path);
        assertTrue(reply.isProblem(), user + " " + path);
      }
      assertEquals(403, api.post("api/audit/verify", token, "{}").status(), user);
    }
  }
}
