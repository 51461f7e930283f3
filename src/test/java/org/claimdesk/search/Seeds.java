package org.claimdesk.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * The five demo articles as ArticleEntry, id = file number (001 → 1), split into sentences by
 * OpenNLP's German model within each line, as the product will do.
 */
final class Seeds {

  static final List<ArticleEntry> ARTICLES = load();

  private Seeds() {}

  static ArticleEntry article(long id) {
    return ARTICLES.stream().filter(a -> a.id() == id).findFirst().orElseThrow();
  }

  /** The one sentence of article {@code id} that contains {@code words}. */
  static Span sentence(long id, String words) {
    ArticleEntry a = article(id);
    return a.sentences().stream()
        .filter(s -> a.text().substring(s.start(), s.end()).contains(words))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sentence with " + words + " in " + id));
  }

  static String text(long id, Span span) {
    return article(id).text().substring(span.start(), span.end());
  }

  private static List<ArticleEntry> load() {
    try (InputStream model = resource("opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin");
        InputStream index = resource("demo/articles/index.properties")) {
      SentenceDetectorME detector = new SentenceDetectorME(new SentenceModel(model));
      Properties titles = new Properties();
      titles.load(new InputStreamReader(index, StandardCharsets.UTF_8));
      List<ArticleEntry> articles = new ArrayList<>();
      for (String file : new TreeSet<>(titles.stringPropertyNames())) {
        String[] meta = titles.getProperty(file).split("\\|", -1);
        String text;
        try (InputStream in = resource("demo/articles/" + file)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long id = Long.parseLong(file.substring(0, 3));
        String outlet = meta[1].isBlank() ? null : meta[1].strip();
        articles.add(
            new ArticleEntry(
                id,
                meta[0].strip(),
                outlet,
                meta[2].strip(),
                null,
                text,
                sentences(detector, text),
                false,
                false));
      }
      return List.copyOf(articles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Span> sentences(SentenceDetectorME detector, String text) {
    List<Span> spans = new ArrayList<>();
    Matcher line = Pattern.compile("[^\\n]+").matcher(text);
    while (line.find()) {
      for (opennlp.tools.util.Span s : detector.sentPosDetect(line.group())) {
        spans.add(new Span(line.start() + s.getStart(), line.start() + s.getEnd()));
      }
    }
    return spans;
  }

  private static InputStream resource(String name) {
    InputStream in = Seeds.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    return in;
  }
}
