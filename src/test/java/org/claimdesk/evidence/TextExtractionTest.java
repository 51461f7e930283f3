package org.claimdesk.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.claimdesk.testing.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Search finds attachments by the words inside them, within bounds. */
class TextExtractionTest {
  static final String WORDS = "Die Arbeitslosenquote lag im Mai bei 5,8 Prozent.";
  private final ExecutorService threads = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private static String text(byte[] bytes) throws Exception {
    return TextExtraction.extract(bytes, FileTypes.detect(bytes, null)).orElse("");
  }

  @Test
  void pdfAndOfficeDocumentsGiveTheirText() throws Exception {
    assertTrue(text(SampleFiles.pdf(WORDS)).contains(WORDS));
    assertTrue(text(SampleFiles.docx(WORDS)).contains(WORDS));
    assertTrue(text(SampleFiles.xlsx(WORDS)).contains(WORDS));
    assertTrue(text(SampleFiles.xls(WORDS)).contains(WORDS));
    assertTrue(text(SampleFiles.pptx(WORDS)).contains(WORDS));
    assertTrue(text(SampleFiles.odt(WORDS)).contains(WORDS));
  }

  @Test
  void aPasswordProtectedPdfThatOpensWithoutPasswordIsRead() throws Exception {
    assertTrue(text(SampleFiles.protectedPdf(WORDS)).contains(WORDS));
  }

  @Test
  void plainTextInWindows1252AndCsvAreDecoded() throws Exception {
    String german = "Über 300 Bürger in Köln protestierten gegen die Maßnahmen der Regierung.";
    byte[] ansi = german.getBytes(Charset.forName("windows-1252"));
    assertEquals(german, TextExtraction.extract(ansi, "text/plain").orElseThrow());
    String csv =
        TextExtraction.extract(SampleFiles.utf8("Stadt,Zahl\nKöln,300\n"), "text/csv")
            .orElseThrow();
    assertTrue(csv.contains("Köln") && csv.contains("300"), csv);
  }

  @Test
  void imagesHaveNoText() throws Exception {
    assertEquals(Optional.empty(), TextExtraction.extract(SampleFiles.image("png"), "image/png"));
  }

  @Test
  void atMostAMillionCharactersAreKept() throws Exception {
    String line = "Zahl 1234567890 und noch mehr Text in einer langen Zeile.\n";
    byte[] huge = SampleFiles.utf8(line.repeat(2 * TextExtraction.MOST_CHARACTERS / line.length()));
    String text = TextExtraction.extract(huge, "text/plain").orElseThrow();
    assertTrue(text.length() <= TextExtraction.MOST_CHARACTERS, "length " + text.length());
    assertTrue(text.length() > TextExtraction.MOST_CHARACTERS - line.length(), "kept the start");
  }

  @Test
  void controlCharactersAreDroppedForTheDatabase() {
    assertEquals("a b\n\n  c", TextExtraction.searchable("a\u0000 b\u0007\n\n\n\n  c "));
  }

  @Test
  void extractionThatTakesTooLongIsGivenUp() {
    TextExtraction extraction = new TextExtraction();
    extraction.executor = threads;
    long start = System.nanoTime();
    Optional<String> text =
        extraction.bounded(
            () -> {
              Thread.sleep(10_000);
              return Optional.of("too late");
            },
            Duration.ofMillis(200),
            "application/pdf");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Optional.empty(), text);
    assertTrue(millis < 5_000, "gave up after " + millis + " ms");
  }

  @Test
  void aParserThatFailsLeavesTheFileWithoutText() {
    TextExtraction extraction = new TextExtraction();
    extraction.executor = threads;
    byte[] brokenPdf = SampleFiles.utf8("%PDF-1.7\nthis is no PDF at all");
    assertEquals(
        Optional.empty(),
        extraction.bounded(
            () -> TextExtraction.extract(brokenPdf, "application/pdf"),
            Duration.ofSeconds(30),
            "application/pdf"));
  }
}
