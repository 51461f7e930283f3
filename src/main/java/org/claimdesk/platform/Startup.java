package org.claimdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.claimdesk.article.DemoArticles;
import org.claimdesk.identity.FirstAccounts;

/**
 * What happens once when ClaimDesk starts, after the schema is current ({@link DatabaseMigration}
 * ran when JPA deployed): make sure somebody can sign in, load the demo articles (demo mode only),
 * then say where ClaimDesk is.
 */
@ApplicationScoped
public class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  /**
   * A {@code @BeanParam} query parameter that cannot be read is answered 400 naming it ({@link
   * org.claimdesk.platform.api.StrictParams}), and Jersey also logs each one as an "Unknown HK2
   * failure" WARNING with three stack traces: a hostile client could flood the log. Its errors
   * (SEVERE) still show. Held here because a logger without a reference loses its level.
   */
  private static final Logger JERSEY_ERRORS =
      Logger.getLogger("org.glassfish.jersey.internal.Errors");

  /**
   * The first time anybody asks who the caller is (the demo import's audit entries, or else the
   * first request), Soteria looks for an EJB context; ClaimDesk has no EJBs, so Payara creates its
   * EJB helper then and logs that as a WARNING with a 190-line stack trace. Expected, and harmless:
   * dropped. Every other message of this logger still shows.
   */
  private static final Logger EJB_CONTAINER =
      Logger.getLogger("javax.enterprise.system.container.ejb.com.sun.ejb.containers");

  private static final String EJB_HELPER_CREATED = "Internal error: EJBContainerUtilImpl is null";

  @Inject Settings settings;
  @Inject FirstAccounts firstAccounts;
  @Inject DemoArticles demoArticles;
  @Inject org.claimdesk.search.IndexRebuild indexRebuild;
  @Inject org.claimdesk.search.IndexFollower follower;
  @Inject ClusterLock startupLock;
  @Inject org.claimdesk.identity.SessionsEndedElsewhere sessionsEndedElsewhere;
  @Inject org.claimdesk.evidence.Sources sources;
  @Inject org.claimdesk.verdict.PublicationUpgrade publications;

  private volatile boolean ready;

  /** Whether start-up finished: accounts prepared, earlier data upgraded (the demo imported). */
  public boolean ready() {
    return ready;
  }

  @ActivateRequestContext // the services are written for requests; start-up is one without a caller
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    JERSEY_ERRORS.setLevel(Level.SEVERE);
    EJB_CONTAINER.setFilter(
        record ->
            record.getMessage() == null || !record.getMessage().startsWith(EJB_HELPER_CREATED));
    try {
      settings.checkAddresses();
      if (indexRebuild.startIfMissing()) {
        LOG.info(
            () ->
                "The search index was missing or did not follow the audit log; rebuilding it from the database.");
      }
      follower.start();
      sessionsEndedElsewhere.start();
      // once per cluster at a time: nodes starting together must not both import or upgrade
      String accountsHint = startupLock.holding(this::upgradeAndPrepare);
      ready = true;
      LOG.info("ClaimDesk is ready at " + settings.baseUrl() + accountsHint);
    } catch (RuntimeException | Error e) {
      // an Error too (OutOfMemoryError in a start-up step): Payara would log it and say "ready"
      StartupFailure.stop(
          "ClaimDesk could not start: " + (e instanceof Error ? e.toString() : e.getMessage()), e);
    }
  }

  /** Upgrades earlier data, prepares accounts (and the demo), and says how to sign in. */
  private String upgradeAndPrepare() {
    int outlets = sources.registerMissingOutlets();
    if (outlets > 0) {
      LOG.info(() -> outlets + " outlet(s) of archived articles registered as sources.");
    }
    int frozen = publications.freezeEarlierVerdicts();
    if (frozen > 0) {
      LOG.info(
          () -> frozen + " verdict(s) approved or published before V11 frozen for the public.");
    }
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
    return accountsHint;
  }
}
