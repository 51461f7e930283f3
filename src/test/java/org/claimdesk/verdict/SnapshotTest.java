package org.claimdesk.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  static Snapshot full() {
    return new Snapshot(
        3,
        "de",
        "Nordkorea hat 10.000 Container geliefert",
        "Die Zahl ist nicht belegt.",
        "Bilder [E1], „Zitat“ [E2].\n\nZweiter Absatz </script> \u202e",
        new Snapshot.Verdict("FALSE", "Falsch", Optional.of(1), Optional.of(5), Optional.of(1)),
        Optional.of(new Snapshot.Claimant("Shin Won-sik", true)),
        Optional.of("2024-10-01"),
        List.of(
            new Snapshot.Appearance("Titel", Optional.of("Tagesschau"), Optional.empty()),
            new Snapshot.Appearance(
                "Ohne", Optional.empty(), Optional.of("https://example.org/a"))),
        List.of(
            new Snapshot.Cited(
                "E1",
                "DATASET",
                "REFUTES",
                "Satellitenbilder",
                Optional.of("„2.000“"),
                Optional.of("https://example.org/e1"),
                Optional.of("2024-10-02"),
                Optional.of("Amt"),
                Optional.of("RELIABLE"),
                false),
            new Snapshot.Cited(
                "E2",
                "EXPERT_INTERVIEW",
                "CONTEXT",
                "Hafenarbeiter",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true)),
        new Snapshot.Publisher("ClaimDesk", "https://claimdesk.example/"),
        "https://claimdesk.example/factchecks/nordkorea-container-7");
  }

  @Test
  void theStoredFormReadsBackAsTheSameSnapshotAndTheSameBytes() {
    Snapshot s = full();
    String stored = s.toJson();
    assertEquals(s, Snapshot.fromJson(stored));
    assertEquals(stored, Snapshot.fromJson(stored).toJson());
  }

  @Test
  void aRatingWithoutAPlaceOnTheScaleAndNoClaimantReadBackEmpty() {
    Snapshot s = full();
    Snapshot unproven =
        new Snapshot(
            1,
            "en",
            s.claimReviewed(),
            s.conclusion(),
            s.explanation(),
            new Snapshot.Verdict(
                "UNPROVEN", "Unproven", Optional.empty(), Optional.empty(), Optional.empty()),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            s.publisher(),
            s.url());
    assertEquals(unproven, Snapshot.fromJson(unproven.toJson()));
    assertNotEquals(s.toJson(), unproven.toJson());
  }
}
