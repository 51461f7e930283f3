package org.claimdesk.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;

/**
 * A person who signs in to ClaimDesk. Holds the password hash (never the password), the roles and
 * the login-throttling state, so that throttling holds across restarts and application nodes.
 */
@Entity
@Table(name = "account")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(
    name = "Account.byUsername",
    query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = "Account.all", query = "SELECT a FROM Account a ORDER BY a.username")
@NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM Account a")
public class Account implements Audited, java.io.Serializable {

  /** Consecutive failures allowed before the account is locked for a while. */
  static final int FREE_ATTEMPTS = 5;

  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final int LONGEST_DISPLAY_NAME = 200;

  @Id
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = LONGEST_DISPLAY_NAME)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 400)
  private String passwordHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 32)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(length = 8)
  private String locale;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  public Account(
      String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
    this.username = Usernames.requireValid(username);
    this.displayName = requireText(displayName, "refusal.account.displayName");
    this.passwordHash = Objects.requireNonNull(passwordHash);
    setRoles(roles);
    this.createdAt = Objects.requireNonNull(now);
  }

  public Long id() {
    return id;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public String auditType() {
    return "account";
  }

  @Override
  public String auditId() {
    return username;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  String passwordHash() {
    return passwordHash;
  }

  public Set<Role> roles() {
    return Collections.unmodifiableSet(
        roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean enabled() {
    return enabled;
  }

  public Optional<String> locale() {
    return Optional.ofNullable(locale);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> lastLoginAt() {
    return Optional.ofNullable(lastLoginAt);
  }

  public Optional<Instant> lockedUntil() {
    return Optional.ofNullable(lockedUntil);
  }

  void setRoles(Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw new InvalidInput("refusal.account.noRole");
    }
    if (newRoles.stream().anyMatch(Objects::isNull)) {
      throw new InvalidInput("refusal.account.nullRole");
    }
    roles.clear();
    roles.addAll(newRoles);
  }

  void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.failedLogins = 0;
    this.lockedUntil = null;
  }

  void disable() {
    this.enabled = false;
  }

  void enable() {
    this.enabled = true;
  }

  void preferLocale(String languageTag) {
    this.locale = languageTag;
  }

  /** Whether a login attempt at {@code now} must be refused without even checking the password. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /**
   * Counts a failed login. From the fifth consecutive failure on, the account locks for 30 s,
   * doubling with each further failure up to 15 minutes.
   */
  void recordFailedLogin(Instant now) {
    failedLogins++;
    if (failedLogins >= FREE_ATTEMPTS) {
      int doublings = Math.min(failedLogins - FREE_ATTEMPTS, 10);
      Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
      lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
    }
  }

  void recordSuccessfulLogin(Instant now) {
    failedLogins = 0;
    lockedUntil = null;
    lastLoginAt = now;
  }

  int failedLogins() {
    return failedLogins;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput("refusal.account.empty", Message.of(what));
    }
    if (value.strip().length() > LONGEST_DISPLAY_NAME) {
      throw new InvalidInput("refusal.account.tooLong", Message.of(what), LONGEST_DISPLAY_NAME);
    }
    return value.strip();
  }
}
