package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which demo role may call which endpoint: 200 where allowed, 403 problem+json where not. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {
  @ArquillianResource URL deployment;

  static final Map<String, Boolean> ADMIN_ONLY =
      Map.of("factchecker", false, "supervisor", false, "auditor", false, "admin", true);

  @Test
  void onlyAdministratorsSeeAndChangeAccounts() {
    Api api = Api.at(deployment);
    ADMIN_ONLY.forEach(
        (user, allowed) -> {
          String token = api.sharedToken(user);
          Api.Reply list = api.get("api/accounts", token);
          assertEquals(allowed ? 200 : 403, list.status(), user + " GET /api/accounts");
          Api.Reply create =
              api.post(
                  "api/accounts",
                  token,
                  "{\"username\":\"never-"
                      + user
                      + "\",\"displayName\":\"X\",\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"]}");
          assertEquals(allowed ? 201 : 403, create.status(), user + " POST /api/accounts");
          if (!allowed) {
            assertTrue(list.isProblem() && create.isProblem(), user);
            assertEquals(
                403, api.post("api/accounts/factchecker2/disable", token, "").status(), user);
          }
        });
  }

  @Test
  void everyRoleReadsArticlesAndManagesOwnTokens() {
    Api api = Api.at(deployment);
    for (String user : ADMIN_ONLY.keySet()) {
      String token = api.sharedToken(user);
      assertEquals(200, api.get("api/articles", token).status(), user);
      assertEquals(200, api.get("api/tokens", token).status(), user);
    }
  }
}
