package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {
  @ArquillianResource URL deployment;

  @Test
  void healthAnswersWithoutLoginAndReportsTheDatabase() {
    Api.Reply reply = Api.at(deployment).get("api/health", null);
    assertEquals(200, reply.status(), reply.toString());
    assertEquals("UP", reply.object().getString("database"));
  }
}
