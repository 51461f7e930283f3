package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The five demo articles, cleaned as the newsroom expects. */
class SeedArticlesTextTest {

  private static final Path SEEDS = Path.of("src/main/resources/demo/articles");

  private static final String[] FILES = {
    "000_da7b1f475156277f.txt",
    "001_c92052077ae66e60.txt",
    "002_2f1474f60fdc96d6.txt",
    "003_cf013e87bb0c4974.txt",
    "004_13fc5d182ca531a0.txt"
  };

  @Test
  void seed000IsAlreadyCleanAndLosesNothing() {
    Extracted e = extract(FILES[0], null);
    assertEquals(List.of(), e.removed());
    assertEquals(9, paragraphs(e).size());
    assertTrue(e.text().startsWith("Ein Verteidigungspakt zwischen Russland und Nordkorea"));
  }

  @Test
  void seed001JoinsTheDateBrokenAcrossLines() {
    Extracted e = extract(FILES[1], null);
    assertTrue(e.text().contains("sagte das US-Außenministerium am 15. August. Die jüngste"));
    assertFalse(e.text().contains("15.\n"));
    assertEquals(5, paragraphs(e).size(), "the five real paragraphs stay paragraphs");
    assertEquals(List.of(), e.removed());
  }

  @Test
  void seed002DropsTheRepeatedTitleAndKeepsItsSubheadings() {
    String title =
        "USA schlagen Alarm wegen Putins Deal mit Nordkorea: Kreml-Chef droht mit"
            + " Waffenlieferungen";
    Extracted e = extract(FILES[2], title);
    assertEquals(List.of(new RemovedPart(0, title, Removal.TITLE)), e.removed());
    List<String> paragraphs = paragraphs(e);
    assertTrue(
        paragraphs.contains(
            "Abkommen zwischen Moskau und Pjöngjang: USA sehen Verstoß gegen UN-Sanktionen"));
    assertTrue(paragraphs.contains("USA besorgt über Putins Besuch in Vietnam"));
    assertTrue(
        paragraphs.contains(
            "Als Antwort auf Waffenlieferungen an die Ukraine: Russland droht mit"
                + " Präzisionswaffen für Nordkorea"));
    assertTrue(e.text().contains("am Donnerstag (20. Juni) in Washington"));
    assertTrue(e.text().endsWith("hieß es in der Erklärung. (erpe/dpa/AFP)"));
  }

  @Test
  void seed002WithoutAKnownTitleFindsTheHeadlineItself() {
    Extracted e = extract(FILES[2], null);
    assertEquals(Removal.TITLE, e.removed().get(0).reason());
    assertTrue(e.hints().title().startsWith("USA schlagen Alarm wegen Putins Deal"));
  }

  @Test
  void seed003RemovesVideoNoteCaptionTeaserAndCommentForm() {
    String title =
        "Russland ist bereit, Nordkorea zu bewaffnen – Drohung „unglaublich besorgniserregend“";
    Extracted e = extract(FILES[3], title);
    assertEquals(
        List.of(
            Removal.TITLE,
            Removal.VIDEO_NOTE,
            Removal.PHOTO_CREDIT,
            Removal.SEE_ALSO,
            Removal.COMMENT_FORM,
            Removal.COMMENT_FORM),
        e.removed().stream().map(RemovedPart::reason).toList());
    assertEquals(
        "Putin und Kim Jong-un am Mittwoch in Pjöngjang. GAVRIIL GRIGOROV / Sputnik / Kremlin"
            + " Pool, EPA / AOP",
        e.removed().get(2).text());
    assertEquals(
        "Siehe auch Iivo Niskanen ging auf seinen Rivalen zu und beschimpfte ihn hart",
        e.removed().get(3).text());
    RemovedPart videoNote = e.removed().get(1);
    assertTrue(
        e.text().substring(0, videoNote.at()).endsWith("nur einem „Tarifvertrag“.\n\n"),
        "the video note stood after the paragraph about the treaty");
    assertTrue(e.text().substring(videoNote.at()).startsWith("Südkorea überdenkt seine Position"));
    assertTrue(paragraphs(e).contains("Südkorea überdenkt seine Position"));
    assertTrue(
        e.text()
            .endsWith(
                "„Wir begrüßen jede Unterstützung der Ukraine im Kampf gegen"
                    + " die russische Aggression“, sagt Miller."));
    assertEquals(e.text().length(), e.removed().get(5).at(), "the comment form closed the page");
    assertFalse(e.text().contains("Kommentar"));
    assertFalse(e.text().contains("Niskanen"));
  }

  @Test
  void seed004RemovesTheDatelineResidue() {
    Extracted e = extract(FILES[4], null);
    assertEquals(List.of(new RemovedPart(0, "CNN —", Removal.BYLINE)), e.removed());
    assertTrue(e.text().startsWith("US-Beamte haben Nordkorea gewarnt"));
    assertTrue(e.text().contains("CNN hat die russische Botschaft"), "CNN in a sentence stays");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void everySeedKeepsTheFormatAndEverySentenceWithSagte(int seed) {
    Extracted e = extract(FILES[seed], null);
    String text = e.text();
    assertAll(
        () -> assertEquals(text.strip(), text),
        () -> assertFalse(text.contains("\n\n\n")),
        () -> assertFalse(text.replace("\n\n", "").contains("\n"), "no single line breaks"),
        () -> assertFalse(text.contains("  ")),
        () -> assertEquals("text/plain", e.mediaType()),
        () -> assertEquals(StandardCharsets.UTF_8, e.charset()),
        () -> assertEquals("de", e.hints().language()));
    for (RemovedPart part : e.removed()) {
      assertTrue(part.at() >= 0 && part.at() <= text.length(), part.toString());
      assertTrue(
          part.at() == 0 || part.at() == text.length() || text.startsWith("\n\n", part.at() - 2),
          "at a paragraph boundary: " + part);
    }
    String flat = Paragraphs.collapse(read(FILES[seed]));
    for (String sentence : sentencesWith("sagte", flat)) {
      assertTrue(Paragraphs.collapse(text).contains(sentence), "lost: " + sentence);
    }
  }

  @Test
  void typographicQuotesAndDashesAreKeptAsTheyAre() {
    Extracted e = extract(FILES[3], null);
    assertTrue(e.text().contains("„unglaublich besorgniserregend“"));
    assertTrue(e.text().contains("– Dies würde die koreanische Halbinsel"));
  }

  @Test
  void restoringTheRemovedPartsGivesBackEveryParagraphOfTheFile() {
    Extracted e = extract(FILES[3], null);
    StringBuilder restored = new StringBuilder(e.text());
    List<RemovedPart> parts = e.removed();
    for (int i = parts.size() - 1; i >= 0; i--) {
      RemovedPart part = parts.get(i);
      String insert = part.at() == e.text().length() ? "\n\n" + part.text() : part.text() + "\n\n";
      restored.insert(part.at(), insert);
    }
    String original = read(FILES[3]);
    Stream.of(original.split("\n"))
        .map(Paragraphs::collapse)
        .filter(line -> !line.isEmpty())
        .forEach(line -> assertTrue(restored.toString().contains(line), "missing: " + line));
  }

  private static List<String> sentencesWith(String word, String text) {
    Matcher m = Pattern.compile("[^.!?]*\\b" + word + "\\b[^.!?]*").matcher(text);
    return m.results().map(r -> r.group().strip()).filter(s -> s.length() > 20).toList();
  }

  static List<String> paragraphs(Extracted e) {
    return List.of(e.text().split("\n\n"));
  }

  private static Extracted extract(String file, String knownTitle) {
    byte[] bytes = read(file).getBytes(StandardCharsets.UTF_8);
    return ArticleText.extract(new RawArticle(bytes, file, null, null, knownTitle));
  }

  private static String read(String file) {
    try {
      return Files.readString(SEEDS.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
