package org.claimdesk.testing;

import java.io.File;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The one deployment of the Arquillian suite: the WAR that {@code mvn package} built, exactly as it
 * ships, plus the test classes and the libraries in-container tests need.
 */
@ArquillianSuiteDeployment
public class SuiteDeployment {

  @Deployment
  public static WebArchive claimdesk() {
    File war = new File(System.getProperty("claimdesk.war", "target/claimdesk.war"));
    return ShrinkWrap.create(ZipImporter.class, "claimdesk.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addPackages(true, "org.claimdesk.testing", "org.claimdesk.it")
        .addAsLibraries(
            Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("org.junit.jupiter:junit-jupiter-api")
                .withTransitivity()
                .asFile());
  }
}
