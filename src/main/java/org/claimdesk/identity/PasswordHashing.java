package org.claimdesk.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.claimdesk.platform.InvalidInput;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP ASVS 4.0, 2.4.5). About 180 ms per hash here,
 * which is why API clients use tokens instead of a password per request.
 */
@ApplicationScoped
public class PasswordHashing {
  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  static final int ITERATIONS = 600_000;
  static final int SALT_BYTES = 32;
  static final int KEY_BYTES = 32;
  static final int MIN_LENGTH = 12;

  @Inject Pbkdf2PasswordHash pbkdf2;

  private String hashOfNobody;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", String.valueOf(SALT_BYTES),
            "Pbkdf2PasswordHash.KeySizeBytes", String.valueOf(KEY_BYTES)));
    hashOfNobody = hashOfNoPassword();
  }

  /**
   * A stored hash in Soteria's format ({@code algorithm:iterations:salt:hash}) with random salt and
   * random hash bytes: no password matches it, and checking one against it costs exactly one real
   * check, without spending a whole hash at every start.
   */
  static String hashOfNoPassword() {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[KEY_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    Base64.Encoder base64 = Base64.getEncoder();
    return ALGORITHM
        + ":"
        + ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(hash);
  }

  public String hash(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new InvalidInput("refusal.account.password", MIN_LENGTH);
    }
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String storedHash) {
    return password != null && pbkdf2.verify(password.toCharArray(), storedHash);
  }

  /** Costs as much as a real check, for logins with an unknown user name. */
  void spendOneCheck(String password) {
    matches(password, hashOfNobody);
  }
}
