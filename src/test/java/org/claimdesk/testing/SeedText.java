package org.claimdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.claimdesk.article.text.ArticleText;
import org.claimdesk.article.text.RawArticle;

/**
 * The five seed articles as the product reads them: through the real cleaner, with their titles.
 */
public final class SeedText {
  public static final List<String> FILES =
      List.of(
          "000_da7b1f475156277f.txt",
          "001_c92052077ae66e60.txt",
          "002_2f1474f60fdc96d6.txt",
          "003_cf013e87bb0c4974.txt",
          "004_13fc5d182ca531a0.txt");

  private SeedText() {}

  /** The reading text of one seed file from {@code demo/articles/}. */
  public static String of(String file) {
    try (InputStream in = open(file);
        InputStream index = open("index.properties")) {
      Properties titles = new Properties();
      titles.load(new InputStreamReader(index, StandardCharsets.UTF_8));
      String title = titles.getProperty(file).split("\\|")[0].strip();
      return ArticleText.extract(new RawArticle(in.readAllBytes(), file, "text/plain", null, title))
          .text();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = SeedText.class.getResourceAsStream("/demo/articles/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no seed " + name);
    }
    return in;
  }
}
