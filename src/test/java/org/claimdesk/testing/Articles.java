package org.claimdesk.testing;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The article list over REST, for tests that look for the seed articles. */
public final class Articles {
  private Articles() {}

  /**
   * Every article, all pages, oldest import first: the demo seeds, imported at start-up, come first
   * however many articles other tests have imported since.
   */
  public static List<JsonObject> oldestFirst(Api api, String token) {
    List<JsonObject> all = new ArrayList<>();
    long total;
    do {
      Api.Reply reply = api.get("api/articles?limit=200&offset=" + all.size(), token);
      if (reply.status() != 200) {
        throw new AssertionError("articles: " + reply);
      }
      JsonObject page = reply.object();
      total = page.getJsonNumber("total").longValue();
      List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
      if (items.isEmpty()) {
        break;
      }
      all.addAll(items);
    } while (all.size() < total);
    Collections.reverse(all);
    return all;
  }
}
