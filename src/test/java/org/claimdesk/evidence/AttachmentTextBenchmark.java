package org.claimdesk.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.claimdesk.testing.SampleFiles;
import org.claimdesk.testing.SeedText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Type detection and text extraction of a typical report: a 20-page PDF of about 10,000 words, and
 * a Word document of the same text. Run with {@code mvn test -Pbenchmark
 * -Dtest=AttachmentTextBenchmark}; figures in docs/benchmarks.md.
 */
@Tag("benchmark")
class AttachmentTextBenchmark {
  private static final int PAGES = 20;
  private static final int LINES_PER_PAGE = 50;
  private static final int RUNS = 30;

  @Test
  void detectAndExtractATwentyPageReport() throws Exception {
    Random random = new Random(6);
    String[] words =
        SeedText.FILES.stream()
            .flatMap(file -> Arrays.stream(SeedText.of(file).split("[^\\p{L}\\p{N}-]+")))
            .filter(w -> w.length() > 1 && w.chars().allMatch(c -> c < 0x100))
            .toArray(String[]::new);
    List<List<String>> pages = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (int p = 0; p < PAGES; p++) {
      List<String> lines = new ArrayList<>();
      for (int l = 0; l < LINES_PER_PAGE; l++) {
        StringBuilder line = new StringBuilder();
        while (line.length() < 95) {
          line.append(words[random.nextInt(words.length)]).append(' ');
        }
        lines.add(line.toString().strip());
        all.append(line).append('\n');
      }
      pages.add(lines);
    }
    byte[] pdf = SampleFiles.pdf(pages);
    byte[] docx = SampleFiles.docx(all.toString());
    measure("PDF, " + PAGES + " pages, " + pdf.length / 1024 + " KB", pdf);
    measure("DOCX, same text, " + docx.length / 1024 + " KB", docx);
  }

  private static void measure(String what, byte[] file) throws Exception {
    long[] detect = new long[RUNS];
    long[] extract = new long[RUNS];
    int characters = 0;
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      String type = FileTypes.detect(file, "report");
      long detected = System.nanoTime();
      characters = TextExtraction.extract(file, type).orElseThrow().length();
      long extracted = System.nanoTime();
      detect[run] = detected - start;
      extract[run] = extracted - detected;
    }
    System.out.printf(
        "%s: %,d characters; detect first %.1f ms, p50 %.1f ms; extract first %.1f ms, p50 %.1f ms,"
            + " p95 %.1f ms%n",
        what,
        characters,
        detect[0] / 1e6,
        percentile(detect, 50),
        extract[0] / 1e6,
        percentile(extract, 50),
        percentile(extract, 95));
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }
}
