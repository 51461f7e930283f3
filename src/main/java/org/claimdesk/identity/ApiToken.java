package org.claimdesk.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;

/**
 * A personal API token. Only the SHA-256 of the secret is stored: the secret itself is shown once,
 * when the token is issued. (A plain hash suffices because the secret has 256 random bits.)
 */
@Entity
@Table(name = "api_token")
@EntityListeners(AuditedEntityGuard.class)
// The token with each role of its owner's account if enabled: one round trip per API request.
@NamedQuery(
    name = "ApiToken.withRolesBySecretHash",
    query =
        "SELECT t, r FROM ApiToken t, Account a JOIN a.roles r"
            + " WHERE t.secretHash = :hash AND a.username = t.owner AND a.enabled = TRUE")
@NamedQuery(
    name = "ApiToken.ofOwner",
    query = "SELECT t FROM ApiToken t WHERE t.owner = :owner ORDER BY t.createdAt DESC")
public class ApiToken implements Audited {

  @Id
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 64)
  private String owner;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
  private String secretHash;

  /** The first characters of the secret, so that people can tell their tokens apart. */
  @Column(name = "secret_prefix", nullable = false, length = 12)
  private String secretPrefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(
      String owner,
      String name,
      String secretHash,
      String secretPrefix,
      Instant createdAt,
      Instant expiresAt) {
    this.owner = Objects.requireNonNull(owner);
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidInput("refusal.token.name");
    }
    this.name = name.strip();
    this.secretHash = Objects.requireNonNull(secretHash);
    this.secretPrefix = Objects.requireNonNull(secretPrefix);
    this.createdAt = Objects.requireNonNull(createdAt);
    if (!expiresAt.isAfter(createdAt)) {
      throw new InvalidInput("refusal.token.expiry");
    }
    this.expiresAt = expiresAt;
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
    return "api-token";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public String owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public String secretPrefix() {
    return secretPrefix;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public boolean validAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }
}
