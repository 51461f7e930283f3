package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document is good enough to work with: a Java client generated from the served {@code
 * /openapi} (openapi-generator, src/test/api-client) compiles and runs the README's API example
 * against this server, and every operation docs/api.md names is in the document.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GeneratedClientIT {
  static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));

  @ArquillianResource URL deployment;

  @Test
  void aClientGeneratedFromTheDocumentRunsTheReadmeExample() throws Exception {
    Api api = Api.at(deployment);
    Path target = BASEDIR.resolve("target");
    Path spec = target.resolve("openapi.json");
    Files.writeString(spec, document(api));

    List<String> command = new ArrayList<>();
    String mavenHome = System.getProperty("claimdesk.it.maven.home", "");
    command.add(mavenHome.isBlank() ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString());
    command.addAll(List.of("-B", "-q", "-f", "src/test/api-client/pom.xml", "verify"));
    // the nested build resolves like this one: offline here, from Maven Central on a fresh machine
    if ("offline=true".equals(System.getProperty("claimdesk.it.maven.offline"))) {
      command.add("-o");
    }
    String repository = System.getProperty("claimdesk.it.maven.repo", "");
    if (!repository.isBlank()) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    command.addAll(
        List.of(
            "-Dapi-client.directory=" + target.resolve("api-client"),
            "-Dopenapi.spec=" + spec,
            "-Dclaimdesk.url=" + api.base(),
            "-Dclaimdesk.user=factchecker",
            "-Dclaimdesk.password=" + Api.DEMO_PASSWORD));
    Path log = target.resolve("api-client.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(BASEDIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // a short-lived Maven: the C1 compiler alone halves its run time
    builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process maven = builder.start();
    if (!maven.waitFor(5, TimeUnit.MINUTES)) {
      maven.descendants().forEach(ProcessHandle::destroyForcibly);
      maven.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(
        0, maven.isAlive() ? -1 : maven.exitValue(), String.join(" ", command) + "\n" + output);
    assertTrue(
        output.matches("(?s).*openCase: case \\d+ NEW.*addEvidence: E1 on case \\d+.*"), output);
    assertTrue(output.contains("README example done: case "), output);
  }

  /** Every {@code METHOD /api/…} and every curl call in the API chapter is in the document. */
  @Test
  void everyOperationTheApiChapterNamesIsInTheDocument() throws IOException {
    JsonObject paths =
        Json.createReader(new StringReader(document(Api.at(deployment))))
            .readObject()
            .getJsonObject("paths");
    Set<String> operations = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .keySet()
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));

    String chapter = Files.readString(BASEDIR.resolve("docs/api.md"), StandardCharsets.UTF_8);
    List<String> named = named(chapter);
    List<String> called = curlCalls(chapter);
    assertTrue(named.size() >= 10, "docs/api.md names operations as METHOD /api/…: " + named);
    assertTrue(called.size() >= 10, "docs/api.md shows the workflow with curl: " + called);
    for (String operation : named) {
      assertTrue(
          operations.contains(operation), "docs/api.md names " + operation + ", not in /openapi");
    }
    for (String call : called) {
      String[] parts = call.split(" ", 2);
      // a $VARIABLE in the path stands for any {parameter} of the document
      Pattern template =
          Pattern.compile(
              Pattern.quote(parts[0] + " ")
                  + Pattern.quote(parts[1]).replaceAll("\\$[A-Z_]+", "\\\\E\\\\{[^/}]+\\\\}\\\\Q"));
      assertTrue(
          operations.stream().anyMatch(o -> template.matcher(o).matches()),
          "docs/api.md calls " + call + ", not in /openapi");
    }
  }

  static String document(Api api) {
    Api.Reply reply =
        Api.at(api.base().resolve("/")).get("openapi", null, "Accept", "application/json");
    assertEquals(200, reply.status(), reply.toString());
    return reply.body();
  }

  /** Operations written as {@code POST /api/cases/{caseId}/evidence}. */
  static List<String> named(String markdown) {
    List<String> found = new ArrayList<>();
    Matcher m =
        Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/api/[\\w{}/.-]*\\w}?)").matcher(markdown);
    while (m.find()) {
      found.add(m.group(1) + " " + m.group(2));
    }
    return found;
  }

  /**
   * The method and path of each curl call in the chapter's bash blocks, up to its first {@code
   * $CLAIMDESK/api/…} address: -X names the method, a body (-d, -F, --data…) makes it a POST,
   * anything else is a GET.
   */
  static List<String> curlCalls(String markdown) {
    List<String> found = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```bash\\n(.*?)```").matcher(markdown);
    while (block.find()) {
      String[] calls = block.group(1).split("(?<![\\w-])curl ");
      for (String call : List.of(calls).subList(1, calls.length)) {
        Matcher url = Pattern.compile("\\$CLAIMDESK(/api/[^\\s?'\")]*)").matcher(call);
        if (!url.find()) {
          continue;
        }
        String options = call.substring(0, url.start());
        Matcher method = Pattern.compile("-X (\\w+)").matcher(options);
        String verb =
            method.find()
                ? method.group(1)
                : Pattern.compile("(^|\\s)(-d|-F|--data\\S*|--json) ").matcher(options).find()
                    ? "POST"
                    : "GET";
        found.add(verb + " " + url.group(1));
      }
    }
    return found;
  }
}
