package org.claimdesk.claim.suggest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PartsOfSpeechTest {

  /** The statements of the labelled German claim pairs, split into words and punctuation. */
  static List<String[]> statements() throws IOException {
    try (InputStream in =
        PartsOfSpeechTest.class.getResourceAsStream(
            "/org/claimdesk/claim/match/claim-pairs-de.tsv")) {
      List<String[]> statements = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] columns = lines[i].split("\t");
        for (String text : List.of(columns[5], columns[6])) {
          statements.add(text.strip().split("\\s+|(?=[.,:;!?])"));
        }
      }
      return statements;
    }
  }

  @Test
  void rememberedLemmasAreTheLemmasTheSentenceGetsInContext() throws IOException {
    List<String[]> statements = statements();
    for (String[] words : statements) {
      PartsOfSpeech.lemmas(words, PartsOfSpeech.tags(words, "de"), "de");
    }
    int words = 0;
    int same = 0;
    for (String[] sentence : statements) {
      String[] tags = PartsOfSpeech.tags(sentence, "de");
      String[] remembered = PartsOfSpeech.lemmas(sentence, tags, "de"); // every word seen before
      String[] inContext = PartsOfSpeech.lemmatized(sentence, tags, "de");
      for (int i = 0; i < sentence.length; i++) {
        words++;
        same += remembered[i].equals(inContext[i]) ? 1 : 0;
      }
    }
    System.out.printf(
        "remembered lemmas agree with lemmas in context: %d of %d words%n", same, words);
    assertTrue(same >= 0.995 * words, same + " of " + words);
  }

  @Test
  void taggersSharedAcrossThreadsTagAsOneTaggerAlone() throws Exception {
    List<String[]> statements = statements().subList(0, 120);
    List<String[]> alone = new ArrayList<>();
    for (String[] words : statements) {
      alone.add(PartsOfSpeech.tags(words, "de"));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String[]>> shared = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (String[] words : statements) {
          shared.add(threads.submit(() -> PartsOfSpeech.tags(words, "de")));
        }
      }
      for (int i = 0; i < shared.size(); i++) {
        assertArrayEquals(alone.get(i % statements.size()), shared.get(i).get());
      }
    } finally {
      threads.shutdown();
    }
  }
}
