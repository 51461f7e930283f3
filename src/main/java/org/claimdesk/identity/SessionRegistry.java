package org.claimdesk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live browser sessions per user, so that disabling someone or changing their roles ends their
 * sessions at once instead of at the idle timeout.
 */
@ApplicationScoped
public class SessionRegistry {
  private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();

  void signedIn(String username, HttpSession session) {
    byUser.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(session);
  }

  void ended(String username, HttpSession session) {
    Set<HttpSession> sessions = byUser.get(username);
    if (sessions != null) {
      sessions.remove(session);
    }
  }

  void endSessionsOf(String username) {
    Set<HttpSession> sessions = byUser.remove(username);
    if (sessions != null) {
      for (HttpSession session : sessions) {
        try {
          session.invalidate();
        } catch (IllegalStateException alreadyGone) {
          // ended by its own timeout or logout in the meantime
        }
      }
    }
  }
}
