package org.claimdesk.testing.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Repairs what a race in the Payara Micro Arquillian connector (3.1) loses. The connector reads the
 * server's output every 200 ms and parses it as soon as the instance block shows its ports, which
 * can be before the block's "Deployed" lines have arrived. It then reports a deployment without
 * servlets: in-container tests cannot be invoked and every {@code @ArquillianResource URL} points
 * at "/" instead of the WAR's context root (one CI run lost all 170 server tests to it).
 *
 * <p>Only then, and only after the server answered on loopback at the context root the archive's
 * name gives, the test runner is added (checked by emptying the servlets by hand: the in-container
 * and client tests then still pass). Client-side only: {@code SuiteDeployment} keeps this package
 * out of the WAR.
 */
public class ConnectorRaceRepair implements LoadableExtension {
  static final String TEST_RUNNER = "ArquillianServletRunnerEE9";
  private static final Logger LOG = Logger.getLogger(ConnectorRaceRepair.class.getName());

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Repair.class);
  }

  /** The context root Payara Micro gives a WAR deployed without one: its file name. */
  static String contextRootOf(String archiveName) {
    return "/" + archiveName.replaceFirst("\\.war$", "");
  }

  public static class Repair {
    @Inject private Instance<ProtocolMetaData> metaData;

    public void afterDeploy(@Observes AfterDeploy event) throws IOException, InterruptedException {
      ProtocolMetaData data = metaData.get();
      if (data == null) {
        return;
      }
      String contextRoot = contextRootOf(event.getDeployment().getArchive().getName());
      for (HTTPContext http : data.getContexts(HTTPContext.class)) {
        if (!http.getServlets().isEmpty()) {
          continue;
        }
        URI live =
            URI.create("http://127.0.0.1:" + http.getPort() + contextRoot + "/api/health/live");
        HttpResponse<Void> reply =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
        if (reply.statusCode() != 200) {
          throw new IllegalStateException(
              "The connector reported no servlets and " + live + " answered " + reply.statusCode());
        }
        LOG.warning(
            "The Payara Micro connector parsed the server's output before the deployment was "
                + "listed; the test runner is taken at "
                + contextRoot
                + ", where the server answers.");
        http.add(new Servlet(TEST_RUNNER, contextRoot));
      }
    }
  }
}
