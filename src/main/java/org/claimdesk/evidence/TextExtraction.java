package org.claimdesk.evidence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.claimdesk.platform.Settings;
import org.xml.sax.SAXException;

/**
 * The text of PDF, office and text attachments, for search. A hostile file must not hang an upload:
 * extraction runs on at most two threads of its own, gives up after the configured time
 * (claimdesk.attachments.extract-seconds) and keeps at most {@link #MOST_CHARACTERS}. A file whose
 * text cannot be had is still stored, only without text.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = TextExtraction.EXECUTOR, maxAsync = 2)
public class TextExtraction {
  static final String EXECUTOR = "java:app/concurrent/TextExtraction";
  static final int MOST_CHARACTERS = 1_000_000;
  private static final Logger LOG = Logger.getLogger(TextExtraction.class.getName());

  // one parser per accepted type, chosen by the detected type: no guessing, no embedded files
  private static final Map<String, Parser> PARSERS = parsers();

  @Resource(lookup = EXECUTOR)
  ExecutorService executor;

  @Inject Settings settings;

  /** The searchable text, or empty for images, unknown types, failures and time-outs. */
  Optional<String> textOf(byte[] bytes, String type) {
    if (!PARSERS.containsKey(type)) {
      return Optional.empty();
    }
    return bounded(() -> extract(bytes, type), settings.attachmentExtractTimeout(), type);
  }

  Optional<String> bounded(Callable<Optional<String>> work, Duration limit, String type) {
    Future<Optional<String>> running = executor.submit(work);
    try {
      return running.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      LOG.warning(
          () ->
              "Gave up extracting the text of a "
                  + type
                  + " attachment after "
                  + limit.toSeconds()
                  + " s; it is stored without text.");
    } catch (ExecutionException e) {
      LOG.log(
          Level.WARNING,
          "Could not extract the text of a " + type + " attachment; it is stored without text.",
          e.getCause());
    } catch (InterruptedException e) {
      running.cancel(true);
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  /** Runs the type's parser in the calling thread; the first {@link #MOST_CHARACTERS} count. */
  static Optional<String> extract(byte[] bytes, String type)
      throws IOException, SAXException, TikaException {
    Parser parser = PARSERS.get(type);
    if (parser == null) {
      return Optional.empty();
    }
    BodyContentHandler text = new BodyContentHandler(MOST_CHARACTERS);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, type);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      parser.parse(in, text, metadata, context());
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw e;
      }
    }
    String searchable = searchable(text.toString());
    return searchable.isEmpty() ? Optional.empty() : Optional.of(searchable);
  }

  /** Without control characters (PostgreSQL refuses NUL in text) and runs of blank lines. */
  static String searchable(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "")
        .replaceAll("[ \\t]+\\n", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  private static ParseContext context() {
    ParseContext context = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    context.set(PDFParserConfig.class, pdf);
    OfficeParserConfig office = new OfficeParserConfig();
    // streaming readers: a DOM of a decompressed document could take the heap
    office.setUseSAXDocxExtractor(true);
    office.setUseSAXPptxExtractor(true);
    office.setExtractMacros(false);
    context.set(OfficeParserConfig.class, office);
    return context;
  }

  private static Map<String, Parser> parsers() {
    var encodings =
        new DefaultEncodingDetector(new ServiceLoader(TextExtraction.class.getClassLoader()));
    Parser ooxml = new OOXMLParser();
    Parser ole2 = new OfficeParser();
    Parser odf = new OpenDocumentParser();
    return Map.ofEntries(
        Map.entry("application/pdf", new PDFParser()),
        Map.entry("text/plain", new TXTParser(encodings)),
        Map.entry("text/csv", new TextAndCSVParser(encodings)),
        Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ooxml),
        Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ooxml),
        Map.entry(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", ooxml),
        Map.entry("application/vnd.oasis.opendocument.text", odf),
        Map.entry("application/vnd.oasis.opendocument.spreadsheet", odf),
        Map.entry("application/msword", ole2),
        Map.entry("application/vnd.ms-excel", ole2),
        Map.entry("application/vnd.ms-powerpoint", ole2));
  }
}
