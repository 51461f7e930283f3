package org.claimdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * GermEval 2021's 3,244 German comments ({@code ../shared/dev-data}, or {@code
 * -Dclaimdesk.shared=...}): general German text beside which the benchmarks measure.
 */
public final class GermEvalComments {
  public static final String PATH = "dev-data/checkworthy/germeval21_train.csv";

  private GermEvalComments() {}

  /** The comments' texts, labels left out. */
  public static List<String> texts() throws IOException {
    Path shared = Path.of(System.getProperty("claimdesk.shared", "../shared"));
    List<String> comments = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(shared.resolve(PATH)))) {
      parser.forEach(row -> comments.add(row.get("comment_text")));
    }
    return comments;
  }
}
