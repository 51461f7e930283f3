package org.claimdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deployment settings. Each comes from a system property or the matching environment variable
 * ({@code claimdesk.demo} = {@code CLAIMDESK_DEMO}); defaults live in
 * META-INF/microprofile-config.properties.
 */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "claimdesk.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "claimdesk.port", defaultValue = "8080")
  int port;

  @Inject
  @ConfigProperty(name = "claimdesk.admin.password")
  Optional<String> initialAdminPassword;

  @Inject
  @ConfigProperty(name = "claimdesk.import.max-bytes", defaultValue = "5242880")
  long importMaxBytes;

  @Inject
  @ConfigProperty(name = "claimdesk.import.url-timeout-seconds", defaultValue = "20")
  int importUrlTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "claimdesk.import.allow-private-hosts", defaultValue = "false")
  boolean importAllowPrivateHosts;

  @Inject
  @ConfigProperty(name = "claimdesk.import.default-language", defaultValue = "de")
  String importDefaultLanguage;

  @Inject
  @ConfigProperty(name = "claimdesk.import.workers", defaultValue = "0")
  int importWorkers;

  @Inject
  @ConfigProperty(name = "claimdesk.attachments.max-bytes", defaultValue = "26214400")
  long attachmentMaxBytes;

  @Inject
  @ConfigProperty(name = "claimdesk.attachments.allowed-types")
  Optional<String> attachmentAllowedTypes;

  @Inject
  @ConfigProperty(name = "claimdesk.attachments.extract-seconds", defaultValue = "20")
  int attachmentExtractSeconds;

  @Inject
  @ConfigProperty(name = "claimdesk.node", defaultValue = "claimdesk")
  String node;

  @Inject
  @ConfigProperty(name = "claimdesk.index.dir")
  Optional<String> indexDir;

  @Inject
  @ConfigProperty(name = "claimdesk.generator.enabled", defaultValue = "false")
  boolean generatorEnabled;

  @Inject
  @ConfigProperty(name = "claimdesk.public-url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = "claimdesk.publisher.name", defaultValue = "ClaimDesk")
  String publisherName;

  @Inject
  @ConfigProperty(name = "claimdesk.publisher.url")
  Optional<String> publisherUrl;

  /** The largest article (file, pasted text or fetched page) ClaimDesk accepts, in bytes. */
  public long importMaxBytes() {
    return importMaxBytes;
  }

  public java.time.Duration importUrlTimeout() {
    return java.time.Duration.ofSeconds(importUrlTimeoutSeconds);
  }

  /**
   * Whether URL import may fetch from loopback and private networks. Off by default: an import box
   * must not become a way to read the newsroom's intranet.
   */
  public boolean importAllowPrivateHosts() {
    return importAllowPrivateHosts;
  }

  /** The language of an article too short to tell, until somebody corrects it. */
  public String importDefaultLanguage() {
    return importDefaultLanguage;
  }

  /**
   * How many files of a batch are read and cleaned at once; 0 (the default): one per processor, at
   * least two, so that reading goes on while the previous file is stored.
   */
  public int importWorkers() {
    return importWorkers > 0
        ? importWorkers
        : Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /** The largest evidence attachment ClaimDesk accepts, in bytes. */
  public long attachmentMaxBytes() {
    return attachmentMaxBytes;
  }

  /**
   * The media types accepted as attachments, as configured; empty means the built-in list. Types a
   * browser could run scripts in are refused even when listed here.
   */
  public Optional<List<String>> attachmentAllowedTypes() {
    // comma-separated; Payara's config cannot inject an Optional<List<String>>
    return attachmentAllowedTypes
        .map(types -> Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()))
        .map(types -> types.toList())
        .filter(types -> !types.isEmpty());
  }

  /** How long the text extraction of one attachment may take before it is given up. */
  public java.time.Duration attachmentExtractTimeout() {
    return java.time.Duration.ofSeconds(attachmentExtractSeconds);
  }

  /** Where the search index lives; empty means in memory, rebuilt at every start. */
  public Optional<String> indexDir() {
    return indexDir.filter(d -> !d.isBlank());
  }

  /**
   * Whether administrators may generate test cases for benchmarks. Off by default: generated cases
   * do not belong in a newsroom's database.
   */
  public boolean generatorEnabled() {
    return generatorEnabled;
  }

  /** This node's name in a cluster (its Payara {@code --name}), shown in {@code /api/health}. */
  public String node() {
    return node;
  }

  public boolean demo() {
    return demo;
  }

  public String baseUrl() {
    return "http://localhost:" + port + "/";
  }

  /**
   * Where readers reach ClaimDesk's public pages, ending in "/": the address in ClaimReview's
   * {@code url} and on the pages. Defaults to {@link #baseUrl()}.
   */
  public String publicUrl() {
    String u = publicUrl.filter(p -> !p.isBlank()).orElse(baseUrl());
    return u.endsWith("/") ? u : u + "/";
  }

  /** The fact-checking organisation that authors every ClaimReview. */
  public String publisherName() {
    return publisherName;
  }

  public String publisherUrl() {
    return publisherUrl.filter(p -> !p.isBlank()).orElse(publicUrl());
  }

  /** Refuses a public or publisher address outside the one rule for web addresses, by its key. */
  public void checkAddresses() {
    publicUrl.ifPresent(u -> WebAddress.checked(u, "claimdesk.public-url"));
    publisherUrl.ifPresent(u -> WebAddress.checked(u, "claimdesk.publisher.url"));
  }

  public Optional<String> initialAdminPassword() {
    return initialAdminPassword.filter(p -> !p.isBlank());
  }
}
