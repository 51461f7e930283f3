package org.claimdesk.platform;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A half-started ClaimDesk is worse than none: a start-up failure, an {@link Error} such as {@link
 * OutOfMemoryError} included, is logged, printed and ends the process with exit code 3 (unless
 * {@code claimdesk.exit-on-startup-failure=false}, for tests).
 */
final class StartupFailure {
  private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

  private StartupFailure() {}

  static void stop(String message, Throwable cause) {
    LOG.log(Level.SEVERE, message, cause);
    System.err.println("CLAIMDESK FAILED TO START: " + message);
    boolean exit =
        ConfigProvider.getConfig()
            .getOptionalValue("claimdesk.exit-on-startup-failure", Boolean.class)
            .orElse(true);
    if (exit) {
      Runtime.getRuntime().halt(3);
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(message, cause);
  }

  /** The configured database URL with any inline password masked. */
  static String databaseUrlForLog() {
    return ConfigProvider.getConfig()
        .getOptionalValue("claimdesk.db.url", String.class)
        .orElse("(not set)")
        .replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
