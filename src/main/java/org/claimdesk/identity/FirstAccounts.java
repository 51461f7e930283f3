package org.claimdesk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.claimdesk.platform.AccessDenied;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.Message;

/**
 * The accounts of a first start. In demo mode: the six demo accounts. Otherwise: no default
 * accounts at all; the first administrator comes from {@code CLAIMDESK_ADMIN_PASSWORD} or from the
 * setup page, unlocked by a one-time token printed in the log.
 */
@ApplicationScoped
@Transactional
public class FirstAccounts {
  private static final Logger LOG = Logger.getLogger(FirstAccounts.class.getName());

  /** Documented in README.md; exists only in demo mode. */
  public static final String DEMO_PASSWORD = "claimdesk-demo";

  /**
   * {@link #DEMO_PASSWORD} hashed once, as {@link PasswordHashing} stores it (checked by
   * FirstAccountsTest). Hashing the published password at every first demo start would only cost
   * 600,000 PBKDF2 iterations, seconds on a busy machine, before the demo can answer.
   */
  static final String DEMO_PASSWORD_HASH =
      "PBKDF2WithHmacSHA256:600000:PAELUFGUCruqH8na1cgbq8CgG2kupuPU3HygNhfDHSY="
          + ":sjDdAEgCxDAuOmKZA1BMUJjdKDBFATSgZ4FD422jb3s=";

  @Inject Accounts accounts;
  @Inject PasswordHashing passwords;

  private volatile String setupToken;

  /** Creates the demo accounts on an empty database; returns whether it did. */
  public boolean createDemoAccountsIfEmpty() {
    if (accounts.count() > 0) {
      return false;
    }
    demo("factchecker", "Lena Fischer", Role.FACT_CHECKER);
    demo("factchecker2", "Aylin Demir", Role.FACT_CHECKER);
    demo("supervisor", "Jonas Becker", Role.SUPERVISOR);
    demo("supervisor2", "Miriam Wolf", Role.SUPERVISOR);
    demo("auditor", "Dr. Sabine Weber", Role.AUDITOR);
    demo("admin", "Admin", Role.ADMIN);
    return true;
  }

  private void demo(String username, String name, Role role) {
    accounts.createAtFirstStart(username, name, DEMO_PASSWORD_HASH, Set.of(role), "demo account");
  }

  /**
   * Outside demo mode, on an empty database: creates {@code admin} from the configured password, or
   * returns a one-time setup token for the setup page.
   */
  public Optional<String> prepareFirstAdministrator(Optional<String> configuredPassword) {
    if (accounts.count() > 0) {
      return Optional.empty();
    }
    if (configuredPassword.isPresent()) {
      accounts.createAtFirstStart(
          "admin",
          "Administrator",
          passwords.hash(configuredPassword.get()),
          Set.of(Role.ADMIN),
          "first administrator from CLAIMDESK_ADMIN_PASSWORD");
      LOG.info("Created the first administrator 'admin' from CLAIMDESK_ADMIN_PASSWORD.");
      return Optional.empty();
    }
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    setupToken = HexFormat.of().formatHex(bytes);
    return Optional.of(setupToken);
  }

  public boolean setupPending() {
    return setupToken != null && accounts.count() == 0;
  }

  /**
   * Creates the first administrator with the one-time token from the log; the token dies with it.
   */
  public Account createFirstAdministrator(
      String token, String username, String displayName, String password) {
    String expected = setupToken;
    if (expected == null
        || token == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            token.strip().getBytes(StandardCharsets.UTF_8))) {
      throw new AccessDenied(Message.of("refusal.setup.token"));
    }
    if (accounts.count() > 0) {
      throw new Conflict("refusal.setup.done");
    }
    Account admin =
        accounts.createAtFirstStart(
            username,
            displayName,
            passwords.hash(password),
            Set.of(Role.ADMIN),
            "first administrator via the setup token");
    setupToken = null;
    return admin;
  }
}
