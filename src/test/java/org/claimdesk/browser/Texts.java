package org.claimdesk.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the browser tests compare against, read from the application's own files on the test class
 * path: the UI message bundles and the demo articles exactly as they ship (copies of the seeds).
 */
final class Texts {
  private static final Map<String, Properties> BUNDLES = new LinkedHashMap<>();

  private Texts() {}

  /** A UI text in "de" or "en", with {0}… filled in as the application does. */
  static String msg(String language, String key, Object... arguments) {
    String pattern = bundle(language).getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("No message " + key + " in " + language);
    }
    return arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
  }

  /** The message bundle of "de" or "en" as it ships. */
  static Properties bundle(String language) {
    return BUNDLES.computeIfAbsent(
        language, l -> load("/org/claimdesk/platform/i18n/messages_" + l + ".properties"));
  }

  /** A demo article: its file, title and the paragraphs its reading page must show. */
  record DemoArticle(String file, String title, List<String> paragraphs) {}

  static List<DemoArticle> demoArticles() {
    Properties index = load("/demo/articles/index.properties");
    List<DemoArticle> articles = new ArrayList<>();
    for (String file : index.stringPropertyNames().stream().sorted().toList()) {
      String title = index.getProperty(file).split("\\|")[0].strip();
      // the reader shows the cleaned reading text, paragraph by paragraph
      articles.add(
          new DemoArticle(
              file, title, List.of(org.claimdesk.testing.SeedText.of(file).split("\n\n"))));
    }
    return articles;
  }

  static DemoArticle demoArticle(String titleStart) {
    return demoArticles().stream()
        .filter(a -> a.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo article titled " + titleStart));
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(stream(resource), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String read(String resource) {
    try (InputStream in = stream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String resource) {
    InputStream in = Texts.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the test class path");
    }
    return in;
  }
}
