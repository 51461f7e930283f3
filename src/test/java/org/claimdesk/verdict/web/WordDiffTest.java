package org.claimdesk.verdict.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordDiffTest {
  @Test
  void changedWordsAreMarkedAndEverythingIsEscaped() {
    assertEquals(
        "Die Zahl ist <ins>größtenteils </ins>falsch [E1].",
        WordDiff.html("Die Zahl ist falsch [E1].", "Die Zahl ist größtenteils falsch [E1]."));
    assertEquals(
        "Das ist <del>falsch.</del><ins>richtig.</ins>",
        WordDiff.html("Das ist falsch.", "Das ist richtig."));
    assertEquals(
        "a <del>&lt;b&gt;</del><ins>&lt;script&gt;</ins>", WordDiff.html("a <b>", "a <script>"));
    assertEquals("eins<br/><br/>zwei", WordDiff.html("eins\n\nzwei", "eins\n\nzwei"));
  }
}
