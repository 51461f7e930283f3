package org.claimdesk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.NotFound;

/** Use cases around accounts: administration by admins, login checks, personal preferences. */
@ApplicationScoped
@Transactional
public class Accounts {
  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwords;
  @Inject SessionRegistry sessions;
  @Inject Caller caller;
  @Inject Clock clock;

  /** The outcome of a password check; only {@code VALID} signs somebody in. */
  public enum LoginOutcome {
    VALID,
    INVALID,
    LOCKED,
    DISABLED
  }

  public record LoginCheck(LoginOutcome outcome, String username, Set<Role> roles) {}

  public Account create(String username, String displayName, String password, Set<Role> roles) {
    caller.require(Role.ADMIN);
    if (findByUsername(username).isPresent()) {
      throw new Conflict("The user name '" + username + "' is taken.");
    }
    Account account =
        new Account(username, displayName, passwords.hash(password), roles, clock.instant());
    em.persist(account);
    LOG.info(() -> caller.username() + " created account " + username + " with roles " + roles);
    return account;
  }

  /**
   * Creates an account without a caller; only for the first start (demo or first administrator).
   */
  Account createAtFirstStart(
      String username, String displayName, String password, Set<Role> roles) {
    Account account =
        new Account(username, displayName, passwords.hash(password), roles, clock.instant());
    em.persist(account);
    return account;
  }

  public void disable(String username) {
    caller.require(Role.ADMIN);
    Account account = require(username);
    if (account.username().equals(caller.username())) {
      throw new Conflict("You cannot disable your own account.");
    }
    account.disable();
    sessions.endSessionsOf(account.username());
    LOG.info(() -> caller.username() + " disabled account " + account.username());
  }

  public void enable(String username) {
    caller.require(Role.ADMIN);
    require(username).enable();
    LOG.info(() -> caller.username() + " enabled account " + username);
  }

  /** Sets a new password (and lifts a login lock); the person's sessions end. */
  public void resetPassword(String username, String newPassword) {
    caller.require(Role.ADMIN);
    Account account = require(username);
    account.changePasswordHash(passwords.hash(newPassword));
    sessions.endSessionsOf(account.username());
    LOG.info(() -> caller.username() + " reset the password of " + username);
  }

  /** Replaces the roles; the person's sessions end so that the new roles apply at once. */
  public void setRoles(String username, Set<Role> roles) {
    caller.require(Role.ADMIN);
    Account account = require(username);
    if (account.username().equals(caller.username()) && !roles.contains(Role.ADMIN)) {
      throw new Conflict("You cannot take the ADMIN role from yourself.");
    }
    account.setRoles(roles);
    sessions.endSessionsOf(account.username());
    LOG.info(() -> caller.username() + " set the roles of " + username + " to " + roles);
  }

  public List<Account> list() {
    caller.require(Role.ADMIN);
    return em.createNamedQuery("Account.all", Account.class).getResultList();
  }

  /** The signed-in person's own account. */
  public Account current() {
    return findByUsername(caller.username())
        .orElseThrow(() -> new NotFound("No account for " + caller.username()));
  }

  public void preferLocale(Locale locale) {
    current().preferLocale(locale.toLanguageTag());
  }

  /**
   * Checks a password and records the attempt for throttling. A locked or disabled account is
   * refused before the password is looked at.
   */
  public LoginCheck checkPassword(String username, String password) {
    Optional<Account> found = findByUsername(username);
    if (found.isEmpty()) {
      passwords.spendOneCheck(password); // same cost as a real check: no user enumeration by timing
      return new LoginCheck(LoginOutcome.INVALID, username, Set.of());
    }
    Account account = found.get();
    if (!account.enabled()) {
      return new LoginCheck(LoginOutcome.DISABLED, username, Set.of());
    }
    if (account.lockedAt(clock.instant())) {
      return new LoginCheck(LoginOutcome.LOCKED, username, Set.of());
    }
    if (!passwords.matches(password, account.passwordHash())) {
      account.recordFailedLogin(clock.instant());
      return new LoginCheck(LoginOutcome.INVALID, username, Set.of());
    }
    account.recordSuccessfulLogin(clock.instant());
    return new LoginCheck(LoginOutcome.VALID, username, account.roles());
  }

  /**
   * The roles of an enabled account, for token logins; empty when the account is gone or disabled.
   */
  public Optional<Set<Role>> activeRoles(String username) {
    return findByUsername(username).filter(Account::enabled).map(Account::roles);
  }

  public long count() {
    return em.createNamedQuery("Account.count", Long.class).getSingleResult();
  }

  Optional<Account> findByUsername(String username) {
    return em.createNamedQuery("Account.byUsername", Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public Account find(String username) {
    caller.require(Role.ADMIN);
    return require(username);
  }

  private Account require(String username) {
    return findByUsername(username)
        .orElseThrow(() -> new NotFound("There is no account '" + username + "'."));
  }
}
