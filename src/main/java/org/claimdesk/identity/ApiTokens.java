package org.claimdesk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.Sha256;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issuing, checking and revoking personal API tokens. */
@ApplicationScoped
@Transactional
public class ApiTokens {
  static final String SECRET_PREFIX = "cdk_";
  static final Duration LONGEST_VALIDITY = Duration.ofDays(365);

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "claimdesk.api-token.days", defaultValue = "90")
  int defaultValidityDays;

  /** A freshly issued token with its secret, which is never available again. */
  public record IssuedToken(ApiToken token, String secret) {}

  /** A token login: whose token it is and the roles their account holds now. */
  public record TokenLogin(String username, Set<Role> roles) {}

  /** How long a token lives when its creator does not say. */
  public int defaultValidityDays() {
    return defaultValidityDays;
  }

  /** Issues a token for the caller, valid for the given days (default when null, at most 365). */
  public IssuedToken issue(String name, Integer validDays) {
    caller.require(Role.values());
    Duration validity = Duration.ofDays(validDays == null ? defaultValidityDays : validDays);
    if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_VALIDITY) > 0) {
      throw new InvalidInput("refusal.token.days");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var now = clock.instant();
    ApiToken token =
        new ApiToken(
            caller.username(),
            name,
            Sha256.hex(secret),
            secret.substring(0, 10),
            now,
            now.plus(validity));
    em.persist(token);
    audit.record(
        Change.of("api-token.issued", token)
            .set("owner", token.owner())
            .set("name", token.name())
            .set("prefix", token.secretPrefix())
            .set("expiresAt", token.expiresAt()));
    return new IssuedToken(token, secret);
  }

  public List<ApiToken> mine() {
    caller.require(Role.values());
    return em.createNamedQuery("ApiToken.ofOwner", ApiToken.class)
        .setParameter("owner", caller.username())
        .getResultList();
  }

  /** Revokes one of the caller's tokens; admins may revoke anybody's. */
  public void revoke(long tokenId) {
    caller.require(Role.values());
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null) {
      throw new NotFound("refusal.token.unknown", tokenId);
    }
    caller.requireSelfOr(token.owner(), Role.ADMIN);
    var before = token.revokedAt();
    token.revoke(clock.instant());
    if (before.isEmpty()) {
      audit.record(
          Change.of("api-token.revoked", token).field("revokedAt", null, token.revokedAt()));
    }
  }

  /** The login a secret stands for, if it is a live token of an enabled account. */
  public Optional<TokenLogin> authenticate(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      return Optional.empty();
    }
    List<Object[]> rows =
        em.createNamedQuery("ApiToken.withRolesBySecretHash", Object[].class)
            .setParameter("hash", Sha256.hex(secret))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty(); // no such token, or its account is disabled
    }
    ApiToken token = (ApiToken) rows.get(0)[0];
    if (!token.validAt(clock.instant())) {
      return Optional.empty();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    rows.forEach(row -> roles.add((Role) row[1]));
    return Optional.of(new TokenLogin(token.owner(), roles));
  }
}
