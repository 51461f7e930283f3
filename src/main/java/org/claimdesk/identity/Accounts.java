package org.claimdesk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.Message;
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
  @Inject AuditTrail audit;

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
      throw new Conflict("refusal.account.nameTaken", username);
    }
    Account account =
        new Account(username, displayName, passwords.hash(password), roles, clock.instant());
    em.persist(account);
    audit.record(created(account));
    LOG.info(() -> caller.username() + " created account " + username + " with roles " + roles);
    return account;
  }

  /**
   * Creates an account without a caller; only for the first start (demo or first administrator).
   * The caller hashes the password with {@link PasswordHashing}, so the demo accounts can share one
   * hash.
   */
  Account createAtFirstStart(
      String username, String displayName, String passwordHash, Set<Role> roles, String reason) {
    Account account = new Account(username, displayName, passwordHash, roles, clock.instant());
    em.persist(account);
    audit.record(created(account).by(AuditTrail.SYSTEM, Set.of()).because(reason));
    return account;
  }

  private static Change created(Account account) {
    return Change.of("account.created", account)
        .set("username", account.username())
        .set("displayName", account.displayName())
        .set("roles", account.roles())
        .set("enabled", account.enabled());
  }

  public void disable(String username) {
    caller.require(Role.ADMIN);
    Account account = held(username);
    if (account.username().equals(caller.username())) {
      throw new Conflict("refusal.account.disableSelf");
    }
    account.disable();
    audit.record(Change.of("account.disabled", account).field("enabled", true, false));
    sessions.endSessionsOf(account.username());
    LOG.info(() -> caller.username() + " disabled account " + account.username());
  }

  public void enable(String username) {
    caller.require(Role.ADMIN);
    Account account = held(username);
    boolean before = account.enabled();
    account.enable();
    audit.record(Change.of("account.enabled", account).field("enabled", before, true));
    LOG.info(() -> caller.username() + " enabled account " + username);
  }

  /** Sets a new password (and lifts a login lock); the person's sessions end. */
  public void resetPassword(String username, String newPassword) {
    caller.require(Role.ADMIN);
    Account account = held(username);
    var lockedBefore = account.lockedUntil();
    account.changePasswordHash(passwords.hash(newPassword));
    // the hash itself never goes into the trail
    audit.record(
        Change.of("account.password-reset", account)
            .set("password", "(changed)")
            .field("lockedUntil", lockedBefore, null));
    sessions.endSessionsOf(account.username());
    LOG.info(() -> caller.username() + " reset the password of " + username);
  }

  /**
   * Replaces the roles; the person's sessions end so that the new roles apply at once. Nobody
   * changes their own roles, another administrator must: otherwise an administrator could make
   * themselves a supervisor and approve, and four-eyes would hold per account, not per person.
   */
  public void setRoles(String username, Set<Role> roles) {
    caller.require(Role.ADMIN);
    if (caller.username().equals(username)) {
      throw caller.refuse("account " + caller.username(), Message.of("refusal.account.ownRoles"));
    }
    Account account = held(username);
    Set<Role> before = account.roles();
    account.setRoles(roles);
    audit.record(
        Change.of("account.roles-changed", account).field("roles", before, account.roles()));
    sessions.endSessionsOf(account.username());
    LOG.info(() -> caller.username() + " set the roles of " + username + " to " + roles);
  }

  public List<Account> list() {
    caller.require(Role.ADMIN);
    return em.createNamedQuery("Account.all", Account.class).getResultList();
  }

  /** Usernames of the enabled accounts that hold any of these roles, for choosing assignees. */
  public List<String> activeWith(Set<Role> roles) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return active(roles);
  }

  /** Who reviews: anyone on the desk may know whom a review request reaches. */
  public List<String> activeSupervisors() {
    caller.require(Role.values());
    return active(Set.of(Role.SUPERVISOR));
  }

  /** Everyone's display name by username, so that logs and stories name people. */
  public Map<String, String> displayNames() {
    caller.require(Role.values());
    return em.createNamedQuery("Account.all", Account.class)
        .getResultStream()
        .collect(Collectors.toMap(Account::username, Account::displayName));
  }

  private List<String> active(Set<Role> roles) {
    return em.createNamedQuery("Account.all", Account.class)
        .getResultStream()
        .filter(Account::enabled)
        .filter(a -> a.roles().stream().anyMatch(roles::contains))
        .map(Account::username)
        .toList();
  }

  /** The signed-in person's own account. */
  public Account current() {
    return findByUsername(caller.username())
        .orElseThrow(() -> new NotFound("refusal.account.noneFor", caller.username()));
  }

  public void preferLocale(Locale locale) {
    Account account = held(caller.username());
    var before = account.locale();
    account.preferLocale(locale.toLanguageTag());
    if (!before.equals(account.locale())) {
      audit.record(
          Change.of("account.language-changed", account).field("locale", before, account.locale()));
    }
  }

  /**
   * Checks a password and records the attempt for throttling. A locked or disabled account is
   * refused before the password is looked at.
   */
  public LoginCheck checkPassword(String username, String password) {
    Optional<Account> found = findByUsername(username);
    if (found.isEmpty()) {
      passwords.spendOneCheck(password); // same cost as a real check: no user enumeration by timing
      audit.record(
          Change.about("login.failed", "account", username)
              .by(username, Set.of())
              .because("unknown user name"));
      return new LoginCheck(LoginOutcome.INVALID, username, Set.of());
    }
    Account account = found.get();
    Optional<LoginCheck> refused = refused(account);
    if (refused.isPresent()) {
      return refused.get();
    }
    String checked = account.passwordHash();
    boolean matches = passwords.matches(password, checked);
    // One person signing in twice at once (two tabs, a script with HTTP Basic) records both
    // attempts on one row: it is read again under a lock, so neither sign-in fails on the other's
    // version, and parallel guesses are all counted. The hash above runs before the lock is taken.
    em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    refused = refused(account);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!checked.equals(account.passwordHash())) {
      matches = passwords.matches(password, account.passwordHash()); // reset meanwhile
    }
    int failedBefore = account.failedLogins();
    var lockedBefore = account.lockedUntil();
    var lastLoginBefore = account.lastLoginAt();
    if (!matches) {
      account.recordFailedLogin(clock.instant());
      audit.record(
          Change.of("login.failed", account)
              .by(username, Set.of())
              .field("failedLogins", failedBefore, account.failedLogins())
              .field("lockedUntil", lockedBefore, account.lockedUntil())
              .because("wrong password"));
      return new LoginCheck(LoginOutcome.INVALID, username, Set.of());
    }
    account.recordSuccessfulLogin(clock.instant());
    audit.record(
        Change.of("login.succeeded", account)
            .by(username, account.roles().stream().map(Role::name).toList())
            .field("failedLogins", failedBefore, 0)
            .field("lockedUntil", lockedBefore, null)
            .field("lastLoginAt", lastLoginBefore, account.lastLoginAt()));
    return new LoginCheck(LoginOutcome.VALID, username, account.roles());
  }

  /** A disabled or locked account's refusal, audited; empty when the account may sign in. */
  private Optional<LoginCheck> refused(Account account) {
    String username = account.username();
    if (!account.enabled()) {
      audit.record(
          Change.about("login.refused", "account", username)
              .by(username, Set.of())
              .because("account disabled"));
      return Optional.of(new LoginCheck(LoginOutcome.DISABLED, username, Set.of()));
    }
    if (account.lockedAt(clock.instant())) {
      audit.record(
          Change.about("login.refused", "account", username)
              .by(username, Set.of())
              .because("account locked after failed logins"));
      return Optional.of(new LoginCheck(LoginOutcome.LOCKED, username, Set.of()));
    }
    return Optional.empty();
  }

  /**
   * The roles of an enabled account (whom a case may be assigned to, who may be mentioned); empty
   * when the account is gone or disabled.
   */
  public Optional<Set<Role>> activeRoles(String username) {
    return findByUsername(username).filter(Account::enabled).map(Account::roles);
  }

  /**
   * As {@link #activeRoles}, holding the account until the transaction ends: a case given to a
   * person at the moment an administrator disables them goes either before (and the disabling
   * waits) or after (and is refused), never to a disabled account. Callers holding several take
   * them in order of user name, so that two never wait for each other. EclipseLink takes a read
   * lock as FOR UPDATE (eclipse-ee4j/eclipselink#2738): two assignments of one person take turns.
   */
  public Optional<Set<Role>> activeRolesHeld(String username) {
    return findByUsername(username, LockModeType.PESSIMISTIC_READ)
        .filter(Account::enabled)
        .map(Account::roles);
  }

  public long count() {
    return em.createNamedQuery("Account.count", Long.class).getSingleResult();
  }

  Optional<Account> findByUsername(String username) {
    return findByUsername(username, LockModeType.NONE);
  }

  private Optional<Account> findByUsername(String username, LockModeType lock) {
    return em.createNamedQuery("Account.byUsername", Account.class)
        .setParameter("username", username)
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  public Account find(String username) {
    caller.require(Role.ADMIN);
    return require(username);
  }

  private Account require(String username) {
    return findByUsername(username)
        .orElseThrow(() -> new NotFound("refusal.account.unknown", username));
  }

  /**
   * The account to change, locked until the change commits. A sign-in at that moment (which records
   * itself on the row under the same lock; in another tab, for one's own language) goes before or
   * after the change, not into a version conflict; a workflow step the person takes meanwhile waits
   * (see {@link #activeRolesHeld}) and sees the roles as changed.
   */
  private Account held(String username) {
    return findByUsername(username, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> new NotFound("refusal.account.unknown", username));
  }
}
