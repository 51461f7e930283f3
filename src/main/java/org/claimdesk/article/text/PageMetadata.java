package org.claimdesk.article.text;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimdesk.platform.WebAddress;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about itself: Open Graph, article meta tags, schema.org JSON-LD, {@code
 * <title>}, {@code <h1>}, {@code <time>} and {@code <html lang>}.
 */
final class PageMetadata {

  private static final Pattern ISO_DATE = Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2})");

  private static final Pattern LANGUAGE = Pattern.compile("^([a-zA-Z]{2,3})(?:[-_].*)?$");

  /** Article's author and outlet hold at most this many characters. */
  static final int LONGEST_NAME = 200;

  private static final Pattern BYLINE_PREFIX =
      Pattern.compile("^(?:von|by|text|autor|author)\\s*:?\\s+", Pattern.CASE_INSENSITIVE);

  private static final Pattern BYLINE_SEPARATOR = Pattern.compile("\\s[|•·]\\s");

  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s[|·•]\\s|\\s[-–—]\\s");

  private PageMetadata() {}

  static Hints of(Document page) {
    List<JsonObject> linkedData = linkedData(page);
    String outlet =
        notLongerThan(
            LONGEST_NAME,
            meta(page, "meta[property=og:site_name]"),
            fromLinkedData(linkedData, "publisher"),
            meta(page, "meta[name=application-name]"));
    String title =
        first(
            meta(page, "meta[property=og:title]"),
            fromLinkedData(linkedData, "headline"),
            meta(page, "meta[name=twitter:title], meta[name=parsely-title]"),
            withoutSiteName(page.title(), outlet),
            text(page.selectFirst("h1")));
    String author =
        first(
            person(meta(page, "meta[name=author], meta[name=parsely-author], meta[name=byl]")),
            person(notUrl(meta(page, "meta[property=article:author]"))),
            person(fromLinkedData(linkedData, "author")),
            person(text(page.selectFirst("[itemprop=author] [itemprop=name]"))),
            person(text(page.selectFirst("[rel=author], [itemprop=author]"))),
            person(text(page.selectFirst(".byline, .author"))));
    String canonical =
        first(
            absolute(page.selectFirst("link[rel=canonical]"), "href"),
            absolute(page.head().selectFirst("meta[property=og:url]"), "content"),
            linkable(fromLinkedData(linkedData, "url")),
            linkable(idOf(linkedData, "mainEntityOfPage")));
    LocalDate published =
        date(
            meta(page, "meta[property=article:published_time], meta[property=og:published_time]"),
            meta(page, "meta[itemprop=datePublished]"),
            fromLinkedData(linkedData, "datePublished"),
            meta(page, "meta[name=date], meta[name=pubdate], meta[name=publishdate]"),
            meta(page, "meta[name=parsely-pub-date], meta[name=sailthru.date]"),
            meta(page, "meta[name=dc.date], meta[name=DC.date.issued]"),
            attr(page.selectFirst("[itemprop=datePublished][datetime]"), "datetime"),
            attr(page.selectFirst("[itemprop=datePublished][content]"), "content"),
            attr(page.selectFirst("time[pubdate][datetime]"), "datetime"),
            attr(page.selectFirst("article time[datetime]"), "datetime"),
            attr(page.selectFirst("time[datetime]"), "datetime"));
    String language =
        first(
            language(attr(page.selectFirst("html[lang]"), "lang")),
            language(meta(page, "meta[http-equiv=content-language]")));
    return new Hints(title, author, outlet, canonical, published, language);
  }

  /** Meta tags live in the head; searching only there keeps large pages fast. */
  private static String meta(Document page, String query) {
    return attr(page.head().selectFirst(query), "content");
  }

  private static String attr(Element element, String name) {
    return element == null ? null : blankToNull(element.attr(name));
  }

  private static String text(Element element) {
    return element == null ? null : blankToNull(Paragraphs.collapse(element.text()));
  }

  private static String absolute(Element element, String attribute) {
    if (element == null) {
      return null;
    }
    String resolved = element.absUrl(attribute);
    String address = resolved.isEmpty() ? element.attr(attribute) : resolved;
    // a page's own hint never makes its import fail: an address outside the rule is left out
    return WebAddress.linkable(address).orElse(null);
  }

  /** "Headline | Site" → "Headline": the last segment goes when it names the site or is short. */
  static String withoutSiteName(String title, String outlet) {
    String clean = blankToNull(Paragraphs.collapse(title == null ? "" : title));
    if (clean == null) {
      return null;
    }
    Matcher m = TITLE_SEPARATOR.matcher(clean);
    int last = -1;
    int lastEnd = -1;
    boolean bar = false;
    while (m.find()) {
      last = m.start();
      lastEnd = m.end();
      bar = m.group().strip().matches("[|·•]");
    }
    if (last <= 0) {
      return clean;
    }
    String suffix = clean.substring(lastEnd);
    boolean namesSite = outlet != null && suffix.equalsIgnoreCase(outlet.strip());
    return namesSite || (bar && suffix.length() <= 40) ? clean.substring(0, last).strip() : clean;
  }

  /**
   * A detected author as a name the article can keep: "By " and what follows a separator ("Jo
   * Reporter | 4 min read") go, a list too long to store is cut after its last whole name, and what
   * is no name (an address, no letters) is dropped. A page's odd byline never refuses it.
   */
  static String person(String detected) {
    if (detected == null) {
      return null;
    }
    String name = Paragraphs.collapse(Paragraphs.normalise(detected));
    name = BYLINE_PREFIX.matcher(name).replaceFirst("");
    name = BYLINE_SEPARATOR.split(name, 2)[0].strip();
    if (name.isEmpty()
        || name.matches("(?i)(?:https?://|www\\.)\\S*|\\S+@\\S+")
        || name.codePoints().noneMatch(Character::isLetter)) {
      return null;
    }
    if (name.length() <= LONGEST_NAME) {
      return name;
    }
    int cut = name.lastIndexOf(", ", LONGEST_NAME);
    return cut > 0 ? name.substring(0, cut) : null;
  }

  private static String linkable(String address) {
    return address == null ? null : WebAddress.linkable(address).orElse(null);
  }

  /** {@code "mainEntityOfPage": {"@id": "https://…"}} or the plain string form. */
  private static String idOf(List<JsonObject> objects, String key) {
    for (JsonObject object : objects) {
      JsonValue value = object.get(key);
      if (value instanceof JsonString string) {
        return blankToNull(string.getString());
      }
      if (value instanceof JsonObject inner && inner.get("@id") instanceof JsonString id) {
        return blankToNull(id.getString());
      }
    }
    return null;
  }

  private static String notUrl(String value) {
    return value != null && value.matches("(?i)https?://.*") ? null : value;
  }

  private static String language(String tag) {
    if (tag == null) {
      return null;
    }
    Matcher m = LANGUAGE.matcher(tag.strip());
    return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static LocalDate date(String... candidates) {
    for (String candidate : candidates) {
      if (candidate == null) {
        continue;
      }
      Matcher m = ISO_DATE.matcher(candidate);
      if (m.find()) {
        try {
          // the calendar day as the outlet wrote it, in the outlet's own time zone
          return LocalDate.parse(m.group(1));
        } catch (DateTimeParseException ignored) {
          // not a real date: try the next source
        }
      }
    }
    return null;
  }

  /** The first candidate short enough to store: a hint that does not fit is no reason to refuse. */
  private static String notLongerThan(int max, String... candidates) {
    return first(
        Stream.of(candidates)
            .filter(c -> c == null || c.strip().length() <= max)
            .toArray(String[]::new));
  }

  private static String first(String... candidates) {
    return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).findFirst().orElse(null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The schema.org objects of the page's JSON-LD blocks; broken blocks are skipped. */
  private static List<JsonObject> linkedData(Document page) {
    List<JsonObject> objects = new ArrayList<>();
    for (Element script : page.select("script[type=application/ld+json]")) {
      try (JsonReader reader = Json.createReader(new StringReader(script.data()))) {
        collect(reader.readValue(), objects);
      } catch (JsonException | IllegalStateException broken) {
        // a page's broken JSON-LD is its problem, not a reason to refuse the article
      }
    }
    return objects;
  }

  private static void collect(JsonValue value, List<JsonObject> into) {
    if (value instanceof JsonArray array) {
      array.forEach(v -> collect(v, into));
    } else if (value instanceof JsonObject object) {
      if (object.containsKey("@graph")) {
        collect(object.get("@graph"), into);
      }
      String type = String.valueOf(object.get("@type"));
      if (type.contains("Article") || type.contains("BlogPosting") || type.contains("Report")) {
        into.add(object);
      }
    }
  }

  private static String fromLinkedData(List<JsonObject> objects, String key) {
    for (JsonObject object : objects) {
      Optional<String> found = textOf(object.get(key));
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** A string, an object's "name", or the names in an array joined by ", ". */
  private static Optional<String> textOf(JsonValue value) {
    if (value instanceof JsonString string) {
      return Optional.ofNullable(blankToNull(string.getString()));
    }
    if (value instanceof JsonObject object) {
      return textOf(object.get("name"));
    }
    if (value instanceof JsonArray array) {
      List<String> names = new ArrayList<>();
      array.forEach(v -> textOf(v).ifPresent(names::add));
      return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }
    return Optional.empty();
  }
}
