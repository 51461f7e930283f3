package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.claimdesk.process.StartupFailureIT.Launch;
import org.junit.jupiter.api.Test;

/**
 * The JVM options {@code ./claimdesk} starts Payara with. {@code -version} after the options makes
 * the JVM print its flags and end before Payara starts, so these take a moment each.
 */
class LauncherIT {
  private static final String FLAGS = "-XX:+PrintCommandLineFlags -version";

  @Test
  void theParallelCollectorUnlessJavaOptsNamesOne() throws Exception {
    Launch chosen = launch("collector-default", FLAGS);
    assertEquals(0, chosen.exitCode(), chosen.output());
    assertTrue(chosen.output().contains("-XX:+UseParallelGC"), chosen.output());
    assertTrue(chosen.output().contains("-XX:+ExitOnOutOfMemoryError"), chosen.output());

    // two collectors would stop the JVM ("Conflicting collector combinations")
    Launch named = launch("collector-named", "-XX:+UseG1GC " + FLAGS);
    assertEquals(0, named.exitCode(), named.output());
    assertTrue(named.output().contains("-XX:+UseG1GC"), named.output());
    assertFalse(named.output().contains("UseParallelGC"), named.output());
  }

  private static Launch launch(String name, String javaOpts) throws Exception {
    return StartupFailureIT.launch(
        name,
        Map.of(
            "JAVA_OPTS",
            javaOpts,
            "CLAIMDESK_PORT",
            String.valueOf(ServerProcess.freeLoopbackPort())));
  }
}
