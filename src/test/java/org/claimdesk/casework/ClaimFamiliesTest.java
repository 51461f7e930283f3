package org.claimdesk.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.claimdesk.claim.match.Reading;
import org.claimdesk.claim.match.SameClaim;
import org.junit.jupiter.api.Test;

/** Generated claims come in families that the claim matcher itself takes for the same claim. */
class ClaimFamiliesTest {

  @Test
  void membersOfAFamilyMatchAndMembersOfOthersDoNot() {
    Random random = new Random(42);
    int pairs = 0;
    int sameFound = 0;
    int otherFound = 0;
    for (int k = 0; k < 40; k++) {
      long family = ClaimFamilies.inUse(k);
      String one = ClaimFamilies.member(family, random);
      String two = ClaimFamilies.member(family, random);
      String other = ClaimFamilies.member(ClaimFamilies.inUse(k + 1), random);
      pairs++;
      if (same(one, two)) {
        sameFound++;
      }
      if (same(one, other)) {
        otherFound++;
      }
    }
    System.out.printf(
        "[families] same family matched %d of %d pairs, other family %d%n",
        sameFound, pairs, otherFound);
    assertTrue(sameFound >= pairs / 2, "most members match: " + sameFound + " of " + pairs);
    assertTrue(otherFound <= pairs / 10, "few strangers match: " + otherFound + " of " + pairs);
  }

  private static boolean same(String a, String b) {
    SameClaim model = SameClaim.shipped();
    return model.probability(Reading.of(a, "de"), Reading.of(b, "de")) >= model.cut;
  }

  @Test
  void familiesInUseAreDistinctAndSpreadOverTheWholeVocabulary() {
    Set<Long> families = new HashSet<>();
    Set<String> openings = new HashSet<>();
    List<String> sample = new ArrayList<>();
    Random random = new Random(1);
    for (int k = 0; k < ClaimFamilies.IN_USE; k++) {
      families.add(ClaimFamilies.inUse(k));
      if (k % 1000 == 0) {
        String claim = ClaimFamilies.member(ClaimFamilies.inUse(k), random);
        sample.add(claim);
        openings.add(claim.split(" ")[0]);
      }
    }
    assertEquals(ClaimFamilies.IN_USE, families.size());
    assertTrue(openings.size() > 10, "varied openings: " + openings);
    assertTrue(sample.stream().allMatch(c -> c.endsWith(".") && c.length() < 200), "" + sample);
  }
}
