package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "000_da7b1f475156277f.txt",
        "001_c92052077ae66e60.txt",
        "002_2f1474f60fdc96d6.txt",
        "003_cf013e87bb0c4974.txt",
        "004_13fc5d182ca531a0.txt"
      })
  void seedsAreGerman(String file) throws IOException {
    String text = Files.readString(Path.of("src/main/resources/demo/articles", file));
    assertEquals(Optional.of("de"), Languages.detect(text));
  }

  @Test
  void englishParagraphIsEnglish() {
    assertEquals(
        Optional.of("en"),
        Languages.detect(
            "The White House said on Thursday that the defence pact between Russia and North"
                + " Korea was concerning but not a surprise, and that the United States would"
                + " keep working with its allies in the region."));
  }

  @Test
  void frenchGetsItsTwoLetterCode() {
    assertEquals(
        Optional.of("fr"),
        Languages.detect(
            "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les"
                + " entreprises touchées par la hausse des prix de l'énergie."));
  }

  @Test
  void tooShortOrNoTextGivesNoAnswer() {
    assertEquals(Optional.empty(), Languages.detect("Ja, gut."));
    assertEquals(Optional.empty(), Languages.detect(""));
    assertEquals(Optional.empty(), Languages.detect(null));
    assertEquals(Optional.empty(), Languages.detect("12345 67890 ... ---- 2024-06-21 14:00"));
  }

  @Test
  void theClosestOfTwoIsFoundInTextsTooShortToDetect() {
    assertEquals("en", Languages.closest("The minister said the talks were over.", "de", "en"));
    assertEquals("de", Languages.closest("Der Minister sagte, es sei vorbei.", "de", "en"));
    // neither: the first given
    assertEquals("de", Languages.closest("12345", "de", "en"));
  }
}
