package org.claimdesk.platform;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Work handed to another thread, taken back as if it had run on this one. */
public final class Futures {
  private Futures() {}

  /**
   * The result; what the work threw is thrown here unwrapped, so callers handle one exception as
   * they would without the other thread. {@code work} names it in the message of an interrupt.
   */
  public static <T> T result(Future<T> future, String work) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + work, e);
    }
  }
}
