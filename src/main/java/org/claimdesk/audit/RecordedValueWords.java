package org.claimdesk.audit;

import java.util.Locale;
import java.util.Map;

/**
 * Words for recorded values another feature owns, such as a rating's label for its code: field →
 * recorded value → words in the language. A feature offers them as a CDI bean; the audit pages ask
 * every such bean once per view.
 */
public interface RecordedValueWords {
  Map<String, Map<String, String>> words(Locale locale);
}
