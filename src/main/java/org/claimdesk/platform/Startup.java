package org.claimdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.claimdesk.article.DemoArticles;
import org.claimdesk.identity.FirstAccounts;

/**
 * What happens once when ClaimDesk starts, in this order: migrate the schema, make sure somebody
 * can sign in, load the demo articles (demo mode only), then say where ClaimDesk is.
 */
@ApplicationScoped
public class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Inject Settings settings;
  @Inject DatabaseMigration migration;
  @Inject FirstAccounts firstAccounts;
  @Inject DemoArticles demoArticles;

  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    try {
      migrate();
      String accountsHint;
      if (settings.demo()) {
        firstAccounts.createDemoAccountsIfEmpty();
        int imported = demoArticles.importMissing();
        LOG.info(() -> "Demo data: " + imported + " seed article(s) imported now.");
        accountsHint = " (demo mode: accounts and password in README.md, section 'Demo accounts')";
      } else {
        accountsHint =
            firstAccounts
                .prepareFirstAdministrator(settings.initialAdminPassword())
                .map(
                    token ->
                        " (no accounts yet: open "
                            + settings.baseUrl()
                            + "setup.xhtml with setup token "
                            + token
                            + ")")
                .orElse("");
      }
      LOG.info("ClaimDesk is ready at " + settings.baseUrl() + accountsHint);
    } catch (RuntimeException e) {
      stop("ClaimDesk could not start: " + e.getMessage(), e);
    }
  }

  private void migrate() {
    try {
      var result = migration.migrate();
      LOG.info(
          () ->
              "Database schema at version "
                  + result.targetSchemaVersion
                  + " ("
                  + result.migrationsExecuted
                  + " migration(s) applied).");
    } catch (RuntimeException e) {
      stop(
          "Cannot use the database at "
              + settings.databaseUrlForLog()
              + ": "
              + rootMessage(e)
              + ". Check CLAIMDESK_DB_URL, CLAIMDESK_DB_USER and CLAIMDESK_DB_PASSWORD (docs/operations.md).",
          e);
    }
  }

  /** A half-started ClaimDesk is worse than none: end the process with a clear message. */
  private void stop(String message, RuntimeException cause) {
    LOG.log(Level.SEVERE, message, cause);
    System.err.println("CLAIMDESK FAILED TO START: " + message);
    if (settings.exitOnStartupFailure()) {
      Runtime.getRuntime().halt(3);
    }
    throw cause;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
