package org.claimdesk.claim.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckWorthinessEnglishTest {
  @Test
  void englishSignalsCarryTheirEvidence() {
    Map<Signal, String> r =
        CheckWorthinessTest.reasons(
            "According to Reuters, North Korea shipped at least 10,000 containers to Russia in"
                + " August, which violates UN resolutions.",
            "en");
    assertEquals("10,000", r.get(Signal.QUANTITY));
    assertEquals("August", r.get(Signal.DATE));
    assertEquals("According to Reuters", r.get(Signal.NAMED_SOURCE));
    assertEquals("at least", r.get(Signal.COMPARISON));
    assertTrue(r.get(Signal.LEGAL_OR_CAUSAL).contains("violates"), r.toString());
    assertEquals("shipped", r.get(Signal.EVENT));
  }

  @Test
  void englishReportedSpeechFindsTheSpeaker() {
    Map<Signal, String> r =
        CheckWorthinessTest.reasons(
            "\"That would destabilise the peninsula,\" said State Department spokesman Matthew"
                + " Miller on Thursday.",
            "en");
    assertEquals("said", r.get(Signal.REPORTED_SPEECH));
    assertEquals("Matthew Miller", r.get(Signal.NAMED_SOURCE));
  }

  @Test
  void englishNegativesRankLow() {
    String text =
        String.join(
            "\n\n",
            "Leave a comment",
            "Is this really a surprise for anyone in Washington?",
            "The United States is deeply concerned and worried about the pact.",
            "North Korea fired two ballistic missiles on Wednesday, the South Korean military said.",
            "Talks could possibly continue in the coming months.");
    List<Suggestion> ranked = CheckWorthiness.rank(text, "en");
    assertTrue(ranked.get(0).sentence().startsWith("North Korea fired"), ranked.toString());
    assertTrue(ranked.get(0).score() > 0);
    for (Suggestion s : ranked.subList(1, ranked.size())) {
      assertTrue(s.score() < 0, "should rank low: " + s);
    }
  }

  @Test
  void theLanguageIsGuessedWhenNotGiven() {
    Map<Signal, String> r =
        CheckWorthinessTest.reasons("The minister said that two missiles were fired.", null);
    assertEquals("said", r.get(Signal.REPORTED_SPEECH));
    assertEquals("two", r.get(Signal.QUANTITY));
  }

  @Test
  void aContractionIsAVerbSoTheSentenceIsNoHeadline() {
    for (String sentence :
        List.of(
            "We're in real trouble on that.",
            "That's what it is.",
            "That isn't true.",
            "He's through the roof.")) {
      Map<Signal, String> r = CheckWorthinessTest.reasons(sentence, "en");
      assertFalse(r.containsKey(Signal.HEADLINE), sentence + " " + r);
    }
    assertTrue(
        CheckWorthinessTest.reasons("No collusion, no obstruction.", "en")
            .containsKey(Signal.HEADLINE),
        "a sentence without any verb still reads as a headline");
  }
}
