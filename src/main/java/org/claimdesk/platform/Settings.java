package org.claimdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deployment settings. Each comes from a system property or the matching environment variable
 * ({@code claimdesk.demo} = {@code CLAIMDESK_DEMO}); defaults live in
 * META-INF/microprofile-config.properties.
 */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "claimdesk.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "claimdesk.port", defaultValue = "8080")
  int port;

  @Inject
  @ConfigProperty(name = "claimdesk.admin.password")
  Optional<String> initialAdminPassword;

  public boolean demo() {
    return demo;
  }

  public String baseUrl() {
    return "http://localhost:" + port + "/";
  }

  public Optional<String> initialAdminPassword() {
    return initialAdminPassword.filter(p -> !p.isBlank());
  }
}
