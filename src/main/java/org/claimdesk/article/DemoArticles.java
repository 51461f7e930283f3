package org.claimdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Loads the five seed articles shipped in {@code demo/articles/} (demo mode only). Articles are
 * keyed by the SHA-256 of their bytes, so a restart imports nothing twice.
 */
@ApplicationScoped
public class DemoArticles {
  static final String FOLDER = "demo/articles/";
  static final String IMPORTER = "demo";

  @Inject ArticleImport importer;

  /** Imports the seed articles that are not archived yet; returns how many it imported. */
  @Transactional
  public int importMissing() {
    Properties index = load(FOLDER + "index.properties");
    int imported = 0;
    for (String file : new TreeSet<>(index.stringPropertyNames())) {
      String[] meta = index.getProperty(file).split("\\|", -1);
      byte[] bytes = bytes(FOLDER + file);
      var given =
          new Submission.Given(
              meta[0].strip(), blankToNull(meta[1]), null, null, null, meta[2].strip());
      if (importer
          .receiveAsSystem(Submission.file(bytes, file, "text/plain", given), IMPORTER)
          .isPresent()) {
        imported++;
      }
    }
    return imported;
  }

  private static String blankToNull(String value) {
    return value.isBlank() ? null : value.strip();
  }

  private Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = open(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private byte[] bytes(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private InputStream open(String resource) {
    InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("The demo data is missing from the application: " + resource);
    }
    return in;
  }
}
