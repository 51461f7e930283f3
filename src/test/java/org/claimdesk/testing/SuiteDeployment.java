package org.claimdesk.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The one deployment of the Arquillian suite: the WAR that {@code mvn package} built, exactly as it
 * ships, plus the test classes and the libraries in-container tests need.
 */
@ArquillianSuiteDeployment
public class SuiteDeployment {

  /**
   * Test classes go into the archive; browser and process tests and Arquillian's client-side
   * extensions stay outside (they drive the server from outside and need libraries the server does
   * not have). Production classes are in the WAR.
   */
  static boolean runsInTheServer(ArchivePath path) {
    String name = path.get();
    boolean testClass = name.matches(".*IT(\\$.*)?\\.class");
    return testClass && !name.contains("/browser/") && !name.contains("/process/")
        || name.contains("/testing/")
            && !name.contains("Browser")
            && !name.contains("/testing/client/");
  }

  /**
   * The shipped web.xml with one change: Arquillian's in-container test runner is public, like the
   * login page, so in-container tests can be invoked. Everything else stays protected.
   */
  static String withPublicTestRunner(WebArchive archive) {
    try (InputStream in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
      String webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String marker = "<url-pattern>/login.xhtml</url-pattern>";
      if (!webXml.contains(marker)) {
        throw new IllegalStateException("web.xml no longer lists the public login page");
      }
      return webXml.replace(
          marker, marker + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Deployment
  public static WebArchive claimdesk() {
    File war = new File(System.getProperty("claimdesk.war", "target/claimdesk.war"));
    WebArchive archive =
        ShrinkWrap.create(ZipImporter.class, "claimdesk.war").importFrom(war).as(WebArchive.class);
    return archive
        .setWebXML(new StringAsset(withPublicTestRunner(archive)))
        .addPackages(true, SuiteDeployment::runsInTheServer, "org.claimdesk")
        .addAsLibraries(
            Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("org.junit.jupiter:junit-jupiter-api")
                .withTransitivity()
                .asFile());
  }
}
