package org.claimdesk.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** The two stored hashes ClaimDesk does not compute at start-up are what a real one would be. */
class PasswordHashesTest {

  /** Soteria's stored form: {@code algorithm:iterations:base64(salt):base64(hash)}. */
  record Stored(String algorithm, int iterations, byte[] salt, byte[] hash) {
    static Stored parse(String stored) {
      String[] parts = stored.split(":");
      assertEquals(4, parts.length, stored);
      Base64.Decoder base64 = Base64.getDecoder();
      return new Stored(
          parts[0], Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
    }

    /** Checking a password against it costs what checking a real account's password costs. */
    void hasTheParametersOfARealHash() {
      assertEquals(PasswordHashing.ALGORITHM, algorithm);
      assertEquals(PasswordHashing.ITERATIONS, iterations);
      assertEquals(PasswordHashing.SALT_BYTES, salt.length);
      assertEquals(PasswordHashing.KEY_BYTES, hash.length);
    }
  }

  @Test
  void theDemoPasswordHashIsThePbkdf2OfTheDemoPassword() throws Exception {
    Stored demo = Stored.parse(FirstAccounts.DEMO_PASSWORD_HASH);
    demo.hasTheParametersOfARealHash();
    byte[] computed =
        SecretKeyFactory.getInstance(demo.algorithm())
            .generateSecret(
                new PBEKeySpec(
                    FirstAccounts.DEMO_PASSWORD.toCharArray(),
                    demo.salt(),
                    demo.iterations(),
                    demo.hash().length * 8))
            .getEncoded();
    assertArrayEquals(
        computed,
        demo.hash(),
        "FirstAccounts.DEMO_PASSWORD_HASH does not match DEMO_PASSWORD: compute it anew with the"
            + " parameters of PasswordHashing (random salt) and replace the constant");
  }

  @Test
  void theHashOfNobodyCostsAsMuchAsARealCheckAndIsNewAtEveryStart() {
    String nobody = PasswordHashing.hashOfNoPassword();
    Stored.parse(nobody).hasTheParametersOfARealHash();
    assertNotEquals(nobody, PasswordHashing.hashOfNoPassword());
  }
}
