package org.claimdesk.casework;

import java.util.Random;

/**
 * German claims for generated data, in families: the members of a family say the same thing in
 * other words (another word order, another verb, the number written another way, a source named or
 * not), as several outlets report one statement. So similar-claim lookups on generated data find
 * real matches. The words come from the seed articles' subject (the Russia–North Korea pact). A
 * family is fixed by its number alone; which member is written, by the caller's random.
 */
final class ClaimFamilies {
  // nominative, dative
  private static final String[][] ACTORS = {
    {"Russland", "Russland"},
    {"Nordkorea", "Nordkorea"},
    {"der Kreml", "dem Kreml"},
    {"Moskau", "Moskau"},
    {"Pjöngjang", "Pjöngjang"},
    {"Putin", "Putin"},
    {"Kim Jong Un", "Kim Jong Un"},
    {"der Iran", "dem Iran"},
    {"China", "China"},
    {"Belarus", "Belarus"}
  };
  private static final String[] GOODS = {
    "Soldaten",
    "Artilleriegranaten",
    "Raketen",
    "Panzer",
    "Drohnen",
    "Tonnen Munition",
    "Kampfjets",
    "Arbeiter",
    "Ingenieure",
    "Flugabwehrsysteme"
  };
  private static final String[] SOURCES = {
    "dem südkoreanischen Geheimdienst", "der Nachrichtenagentur Yonhap", "dem Pentagon",
    "ukrainischen Angaben", "der Regierung in Seoul", "westlichen Geheimdiensten"
  };
  private static final String[] MONTHS = {
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember"
  };

  private ClaimFamilies() {}

  /** Generated claims come from this many families: about five members each at 1,000,000. */
  static final int IN_USE = 200_000;

  /** The {@code k}-th family in use, spread over all actors, goods and months. */
  static long inUse(int k) {
    return Math.floorMod(k * 7919L, count());
  }

  static long count() {
    return (long) ACTORS.length * (ACTORS.length - 1) * GOODS.length * 60 * MONTHS.length;
  }

  /** A member of family {@code family}, chosen by {@code random}. */
  static String member(long family, Random random) {
    long f = Math.floorMod(family, count());
    int month = (int) (f % MONTHS.length);
    f /= MONTHS.length;
    int amount = (int) (f % 60);
    f /= 60;
    int goods = (int) (f % GOODS.length);
    f /= GOODS.length;
    int partner = (int) (f % (ACTORS.length - 1));
    int actor = (int) (f / (ACTORS.length - 1));
    if (partner >= actor) {
      partner++;
    }
    String[] a = ACTORS[actor];
    String[] b = ACTORS[partner];
    long n = (amount % 12 + 1) * (long) Math.pow(10, 2 + amount / 12 % 4);
    String what = number(n, random) + " " + GOODS[goods];
    String when = "im " + MONTHS[month];
    String source = SOURCES[random.nextInt(SOURCES.length)];
    String sentence =
        switch (random.nextInt(5)) {
          case 0 -> capital(a[0]) + " hat " + b[1] + " " + when + " " + what + " geliefert.";
          case 1 -> capital(b[0]) + " erhielt " + when + " " + what + " von " + a[1] + ".";
          case 2 ->
              "Laut " + source + " schickte " + a[0] + " " + when + " " + what + " an " + b[0];
          case 3 -> capital(what) + " sind " + when + " von " + a[1] + " an " + b[0] + " gegangen.";
          default ->
              "Nach Angaben von "
                  + source
                  + " hat "
                  + a[0]
                  + " "
                  + when
                  + " "
                  + what
                  + " an "
                  + b[0]
                  + " übergeben.";
        };
    return sentence.endsWith(".") ? sentence : sentence + ".";
  }

  /** 12000 as "12.000", "12 000", "rund 12.000" or "mehr als 12.000": each reads as 12,000. */
  private static String number(long n, Random random) {
    String dotted = String.format(java.util.Locale.GERMAN, "%,d", n);
    return switch (random.nextInt(4)) {
      case 0 -> dotted;
      case 1 -> dotted.replace('.', ' ');
      case 2 -> "rund " + dotted;
      default -> "mehr als " + dotted;
    };
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
