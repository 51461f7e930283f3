package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The demo data shipped in the application is complete and identical to the shared seeds. */
class DemoArticlesIndexTest {

  @Test
  void everyIndexedSeedShipsWithTitleOutletAndLanguage() throws IOException {
    Properties index = new Properties();
    try (InputStream in = resource("index.properties")) {
      index.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertEquals(5, index.size());
    for (String file : index.stringPropertyNames()) {
      String[] meta = index.getProperty(file).split("\\|", -1);
      assertEquals(3, meta.length, file);
      assertTrue(!meta[0].isBlank() && meta[2].strip().equals("de"), file);
      try (InputStream in = resource(file)) {
        assertNotNull(in, file);
      }
    }
  }

  /** When ../shared/seeds is beside the project (as in development and CI), the copies match it. */
  @Test
  void shippedCopiesAreByteIdenticalToTheSharedSeeds() throws IOException {
    Path seeds = Path.of("..", "shared", "seeds");
    if (!Files.isDirectory(seeds)) {
      return; // a clone without ../shared has only the shipped copies: nothing to compare with
    }
    try (var files = Files.list(seeds)) {
      for (Path seed : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        try (InputStream in = resource(seed.getFileName().toString())) {
          assertNotNull(in, "not shipped: " + seed.getFileName());
          assertArrayEquals(
              Files.readAllBytes(seed), in.readAllBytes(), seed.getFileName().toString());
        }
      }
    }
  }

  private static InputStream resource(String name) {
    return DemoArticlesIndexTest.class
        .getClassLoader()
        .getResourceAsStream(DemoArticles.FOLDER + name);
  }
}
