package org.claimdesk.claim.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.claimdesk.article.text.Sentence;
import org.claimdesk.article.text.Sentences;

/**
 * One text taken apart for claim suggestions: its sentences, their tokens with Universal
 * Dependencies part-of-speech tags, the names in each sentence (persons, organisations and places,
 * roles) and who is reported as speaking. Built once per call; not shared between threads.
 */
final class Analysis {
  enum Kind {
    PERSON,
    ORGANISATION,
    ROLE
  }

  record Token(int start, int end, String text, String tag) {}

  /** A name found at [start,end) of the text, in its canonical form ("Weißes Haus"). */
  record Name(int start, int end, String name, Kind kind) {}

  /** Who a speech cue ("sagte", "laut") points to; {@code names} most likely first. */
  record Speaker(String cue, int cueStart, List<Name> names, boolean source) {}

  private static final Pattern TOKEN =
      Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*\\.?|[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’-]*|\\S");

  /** English clitics the UD model expects as tokens of their own: "We're" is "We" + "'re". */
  private static final Pattern CLITIC =
      Pattern.compile("(?i)\\p{L}(n['’]t|['’](?:s|re|ve|ll|d|m))$");

  private static final Set<String> STOPS =
      Set.of(".", ":", ";", "„", "“", "”", "\"", "(", "?", "!");
  private static final int WINDOW = 12;
  private static final int MAX_TAGGED_LENGTH = 800;
  static final String UNTAGGED = "_";

  final String text;
  final String language;
  final Lexicon lexicon;
  final List<Sentence> sentences;
  private final List<List<Token>> tokens = new ArrayList<>();
  private final List<List<Name>> names = new ArrayList<>();
  private final Map<String, String> organisations = new HashMap<>();
  private final Pattern organisationPattern;
  private final Set<String> notNames;
  private final Set<String> roles;
  private final Set<String> pronouns;
  private final Pattern sourceCue;
  private final Pattern speechCue;

  /** Surname (and full name) to full name, for persons named with at least two words. */
  private final Map<String, String> persons = new LinkedHashMap<>();

  Analysis(String text, String language) {
    this.text = text;
    this.language = Sentences.modelLanguage(language, text);
    this.lexicon = Lexicon.of(this.language);
    this.sentences = Sentences.of(text, this.language);
    List<String> variants = new ArrayList<>();
    for (String line : lexicon.section("ORGANISATIONS")) {
      String[] forms = line.split("\\|");
      for (String form : forms) {
        organisations.put(form.strip(), forms[0].strip());
        variants.add(form.strip());
      }
    }
    organisationPattern = variants.isEmpty() ? null : Lexicon.pattern(variants, 0);
    notNames = lower(lexicon.section("NOT_NAMES"));
    roles = lower(lexicon.section("ROLES"));
    pronouns = lower(lexicon.section("PRONOUNS"));
    sourceCue = lexicon.signal(Signal.NAMED_SOURCE);
    speechCue = lexicon.signal(Signal.REPORTED_SPEECH);
    for (Sentence sentence : sentences) {
      tokens.add(tag(sentence));
    }
    for (List<Token> sentenceTokens : tokens) {
      collectPersons(sentenceTokens);
    }
    for (int i = 0; i < sentences.size(); i++) {
      names.add(findNames(i));
    }
  }

  List<Token> tokens(int sentence) {
    return tokens.get(sentence);
  }

  List<Name> names(int sentence) {
    return names.get(sentence);
  }

  /** The speech and source cues of a sentence with the names they point to, in text order. */
  List<Speaker> speakers(int sentence) {
    Sentence s = sentences.get(sentence);
    List<Speaker> found = new ArrayList<>();
    addCues(found, sentence, speechCue, false);
    addCues(found, sentence, sourceCue, true);
    // German "…, so das Weiße Haus": "so" is too common to list as a cue word
    Matcher so = Pattern.compile(",\\s+(so)\\s+(?=\\p{Lu}|der |die |das )").matcher(s.text());
    while (so.find()) {
      int cue = s.start() + so.start(1);
      found.add(new Speaker("so", cue, after(sentence, cue + 2, WINDOW), false));
    }
    found.removeIf(speaker -> speaker.names().isEmpty());
    found.sort((a, b) -> Boolean.compare(a.source(), b.source()));
    return found;
  }

  private void addCues(List<Speaker> found, int sentence, Pattern cue, boolean source) {
    if (cue == null) {
      return;
    }
    Sentence s = sentences.get(sentence);
    Matcher m = cue.matcher(s.text());
    while (m.find()) {
      int cueStart = s.start() + m.start();
      int cueEnd = s.start() + m.end();
      String cueWord = key(m.group());
      boolean nameBefore = cueWord.equals("zufolge");
      List<Name> after = nameBefore ? List.of() : after(sentence, cueEnd, source ? 5 : WINDOW);
      List<Name> before = source && !nameBefore ? List.of() : before(sentence, cueStart);
      // "…“, sagte Kirby" names the speaker after the cue; "Putin warnte Südkorea" before it.
      // A sentence that opens with a noun phrase and then the reporting verb has its subject
      // there: the names after the verb are its object, whatever lists they are on.
      List<Name> who = after;
      if (!source && !nameBefore && opensWithSubject(sentence, cueStart)) {
        who = before;
      } else if (!hasPerson(after) && (hasPerson(before) || !before.isEmpty())) {
        who = before;
      }
      found.add(new Speaker(m.group(), cueStart, who, source));
    }
  }

  /**
   * Names in the noun phrase right after a cue, where German puts the subject after a quote ("…“,
   * mahnte der Sprecher des X, Matthew Miller, am …"): determiners, adjectives, nouns and names,
   * and an apposition after a comma when it starts with a name.
   */
  private List<Name> after(int sentence, int from, int limit) {
    List<Token> ts = tokens.get(sentence);
    int i = 0;
    while (i < ts.size() && ts.get(i).start() < from) {
      i++;
    }
    int first = i;
    for (; i < ts.size() && i - first < limit; i++) {
      Token t = ts.get(i);
      boolean apposition =
          t.text().equals(",") && i + 1 < ts.size() && ts.get(i + 1).tag().equals("PROPN");
      if (!apposition && !inNounPhrase(t)) {
        break;
      }
    }
    return window(sentence, ts, first, i);
  }

  /**
   * Names in the noun phrase right before a cue: "Die Sprecherin des Rates, Adrienne Watson,
   * sagte".
   */
  private List<Name> before(int sentence, int to) {
    List<Token> ts = tokens.get(sentence);
    int end = 0;
    while (end < ts.size() && ts.get(end).end() <= to) {
      end++;
    }
    int i = end - 1;
    for (; i >= 0 && end - i <= WINDOW; i--) {
      Token t = ts.get(i);
      boolean apposition = t.text().equals(",") && i > 0 && ts.get(i - 1).tag().equals("PROPN");
      if (!apposition && !inNounPhrase(t) && !t.tag().equals("CCONJ")) {
        break;
      }
    }
    return window(sentence, ts, i + 1, end);
  }

  /** Whether everything before the cue is one noun phrase starting the sentence. */
  private boolean opensWithSubject(int sentence, int cueStart) {
    List<Token> ts = tokens.get(sentence);
    int end = 0;
    while (end < ts.size() && ts.get(end).end() <= cueStart) {
      end++;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      Token t = ts.get(i);
      boolean apposition = t.text().equals(",") && i > 0 && ts.get(i - 1).tag().equals("PROPN");
      if (!apposition && !inNounPhrase(t) && !t.tag().equals("CCONJ")) {
        return false;
      }
    }
    return true;
  }

  private boolean inNounPhrase(Token t) {
    return switch (t.tag()) {
      case "DET", "ADJ", "NOUN", "PROPN", "NUM" -> !STOPS.contains(t.text());
      case "PRON" -> pronouns.contains(key(t.text()));
      default -> false;
    };
  }

  private List<Name> window(int sentence, List<Token> ts, int from, int to) {
    if (from >= to) {
      return List.of();
    }
    int start = ts.get(from).start();
    int end = ts.get(to - 1).end();
    List<Name> persons = new ArrayList<>();
    List<Name> others = new ArrayList<>();
    for (Name name : names.get(sentence)) {
      if (name.start() >= start && name.end() <= end) {
        (name.kind() == Kind.PERSON ? persons : others).add(name);
      }
    }
    for (int i = from; i < to; i++) {
      Token t = ts.get(i);
      if (pronouns.contains(key(t.text()))) {
        String resolved = lastPersonBefore(sentence, t.start());
        if (resolved != null) {
          persons.add(new Name(t.start(), t.end(), resolved, Kind.PERSON));
        }
      }
    }
    if (persons.isEmpty() && others.isEmpty()) {
      Name role = role(ts, from, to);
      if (role != null) {
        others.add(role);
      }
    }
    persons.addAll(others);
    return persons;
  }

  private static boolean hasPerson(List<Name> names) {
    return names.stream().anyMatch(n -> n.kind() == Kind.PERSON);
  }

  /** "ein japanischer Regierungssprecher" → "japanischer Regierungssprecher". */
  private Name role(List<Token> ts, int from, int to) {
    for (int i = from; i < to; i++) {
      if (roles.contains(key(ts.get(i).text()))) {
        int first = from;
        while (first < i && ts.get(first).tag().equals("DET")) {
          first++;
        }
        int start = ts.get(first).start();
        int end = ts.get(i).end();
        return new Name(start, end, text.substring(start, end), Kind.ROLE);
      }
    }
    return null;
  }

  /** The last person named before {@code offset}, in this sentence or the ones before it. */
  String lastPersonBefore(int sentence, int offset) {
    for (int s = sentence; s >= 0; s--) {
      List<Name> list = names.get(s);
      for (int i = list.size() - 1; i >= 0; i--) {
        Name name = list.get(i);
        if (name.kind() == Kind.PERSON && name.end() <= offset) {
          return name.name();
        }
      }
    }
    return null;
  }

  private List<Token> tag(Sentence sentence) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = TOKEN.matcher(sentence.text());
    while (m.find()) {
      Matcher clitic = CLITIC.matcher(m.group());
      if (language.equals("en") && clitic.find()) {
        int split = m.start() + clitic.start(1);
        spans.add(new int[] {m.start(), split});
        spans.add(new int[] {split, m.end()});
      } else {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    String[] words =
        spans.stream()
            .map(span -> sentence.text().substring(span[0], span[1]))
            .toArray(String[]::new);
    // a run this long is no sentence but a cut-up text without punctuation: not worth tagging
    String[] tags = new String[words.length];
    if (sentence.text().length() <= MAX_TAGGED_LENGTH) {
      tags = PartsOfSpeech.tags(words, language);
    } else {
      java.util.Arrays.fill(tags, UNTAGGED);
    }
    List<Token> result = new ArrayList<>(words.length);
    for (int i = 0; i < words.length; i++) {
      int start = sentence.start() + spans.get(i)[0];
      result.add(new Token(start, start + words[i].length(), words[i], tags[i]));
    }
    return result;
  }

  /** Runs of capitalised proper nouns, split at roles, places and calendar words. */
  private List<List<Token>> properNounRuns(List<Token> ts) {
    List<List<Token>> runs = new ArrayList<>();
    List<Token> run = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      Token t = ts.get(i);
      // English capitalises names only, so a capitalised noun inside a sentence is one too
      boolean properNoun =
          t.tag().equals("PROPN") || language.equals("en") && i > 0 && t.tag().equals("NOUN");
      boolean nameLike =
          properNoun
              && startsUpper(t.text())
              && !t.text().endsWith("-")
              && !notNames.contains(key(t.text()))
              && !roles.contains(key(t.text()))
              && !organisations.containsKey(t.text());
      if (nameLike) {
        run.add(t);
      } else if (!run.isEmpty()) {
        runs.add(run);
        run = new ArrayList<>();
      }
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  private void collectPersons(List<Token> ts) {
    for (List<Token> run : properNounRuns(ts)) {
      if (run.size() >= 2 && run.size() <= 4 && !inOrganisation(run)) {
        String full = run.stream().map(Token::text).collect(Collectors.joining(" "));
        persons.putIfAbsent(key(full), full);
        persons.putIfAbsent(key(run.get(run.size() - 1).text()), full);
      }
    }
  }

  private boolean inOrganisation(List<Token> run) {
    if (organisationPattern == null) {
      return false;
    }
    int start = run.get(0).start();
    int end = run.get(run.size() - 1).end();
    Matcher m = organisationPattern.matcher(text).region(start, end);
    return m.find();
  }

  private List<Name> findNames(int sentence) {
    Sentence s = sentences.get(sentence);
    List<Name> found = new ArrayList<>();
    if (organisationPattern != null) {
      Matcher m = organisationPattern.matcher(text).region(s.start(), s.end());
      while (m.find()) {
        String canonical = organisations.getOrDefault(m.group(), m.group());
        found.add(new Name(m.start(), m.end(), canonical, Kind.ORGANISATION));
      }
    }
    for (List<Token> run : properNounRuns(tokens.get(sentence))) {
      int start = run.get(0).start();
      int end = run.get(run.size() - 1).end();
      if (found.stream().anyMatch(n -> n.start() < end && start < n.end())) {
        continue;
      }
      String words = text.substring(start, end);
      String person = person(words);
      if (person != null) {
        found.add(new Name(start, end, person, Kind.PERSON));
      } else if (run.size() == 1) {
        found.add(new Name(start, end, words, Kind.ORGANISATION));
      }
    }
    // a known surname the tagger did not take for a proper noun ("Putin" opening a sentence)
    for (Token t : tokens.get(sentence)) {
      String person = startsUpper(t.text()) ? persons.get(key(t.text())) : null;
      if (person != null
          && found.stream().noneMatch(n -> n.start() < t.end() && t.start() < n.end())) {
        found.add(new Name(t.start(), t.end(), person, Kind.PERSON));
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return found;
  }

  /** The full name of a person for "Kirby", "Kirbys", "John Kirby"; null if not a person. */
  private String person(String words) {
    String known = persons.get(key(words));
    if (known == null && words.endsWith("s")) {
      known = persons.get(key(words.substring(0, words.length() - 1)));
    }
    if (known == null && words.contains(" ")) {
      known = words;
    }
    return known;
  }

  private static boolean startsUpper(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
  }

  static String key(String word) {
    return word.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static Set<String> lower(List<String> entries) {
    return entries.stream().map(Analysis::key).collect(Collectors.toUnmodifiableSet());
  }
}
