package org.claimdesk.evidence.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.claimdesk.casework.web.CasePage;
import org.claimdesk.evidence.AttachmentStore;
import org.claimdesk.evidence.CaseEvidence;
import org.claimdesk.evidence.CitedEvidence;
import org.claimdesk.evidence.Evidence;
import org.claimdesk.evidence.EvidenceFile;
import org.claimdesk.evidence.EvidenceKind;
import org.claimdesk.evidence.Reliability;
import org.claimdesk.evidence.Source;
import org.claimdesk.evidence.SourceKind;
import org.claimdesk.evidence.Sources;
import org.claimdesk.evidence.Stance;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.web.Conflicts;
import org.claimdesk.platform.web.Feedback;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The evidence section of the case page: the items in their order, and one form that adds an item
 * or revises the one being edited. The services decide who may change what.
 */
@Named
@ViewScoped
public class EvidencePanel implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CaseEvidence evidence;
  @Inject Sources sources;
  @Inject CasePage casePage;
  @Inject AttachmentStore attachments;
  @Inject Settings settings;
  @Inject CitedEvidence cited;

  private List<Item> items;
  private Set<String> locked = Set.of();
  // the form: a new item when editing is null
  private Item editing;
  private EvidenceKind kind = EvidenceKind.DOCUMENT;
  private Stance stance = Stance.CONTEXT;
  private String summary;
  private String quote;
  private String source;
  private String url;
  private LocalDate accessedOn;
  // a source the registry does not know yet, registered with the item
  private SourceKind sourceKind = SourceKind.ORGANISATION;
  private String sourceUrl;
  // files chosen for a new item, stored and attached when it is saved
  private List<CaseEvidence.Upload> uploads = new ArrayList<>();

  /** A file of an item as the page links it. */
  public record File(String name, String type, String size, String href) implements Serializable {
    static File of(EvidenceFile f) {
      return new File(f.fileName(), f.contentType(), size(f.sizeBytes()), f.downloadPath());
    }

    static String size(long bytes) {
      if (bytes < 1024) {
        return bytes + " B";
      }
      if (bytes < 1024 * 1024) {
        return (bytes + 1023) / 1024 + " KB";
      }
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
  }

  /** An item as the page shows it. */
  public record Item(
      long id,
      long version,
      String label,
      String kind,
      String stance,
      String summary,
      String quote,
      Long sourceId,
      String source,
      String reliability,
      boolean confidential,
      String url,
      LocalDate accessedOn,
      List<File> files,
      String addedBy)
      implements Serializable {
    static Item of(Evidence e) {
      Source s = e.source().orElse(null);
      return new Item(
          e.id(),
          e.version(),
          e.label(),
          e.kind().name(),
          e.stance().name(),
          e.summary(),
          e.quote().orElse(null),
          s == null ? null : s.id(),
          s == null ? null : s.name(),
          s == null ? null : s.reliability().name(),
          s != null && s.confidential(),
          e.url().orElse(null),
          e.accessedOn().orElse(null),
          e.files().stream().map(File::of).toList(),
          e.addedBy());
    }

    /** What a person edits, labelled by message key, to say what somebody else changed. */
    Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("evidence.kind", Feedback.text("evidence.kind." + kind));
      fields.put("evidence.stance", Feedback.text("evidence.stance." + stance));
      fields.put("evidence.summary", summary);
      fields.put("evidence.quote", quote);
      fields.put("evidence.source", source);
      fields.put("evidence.url", url);
      fields.put("evidence.accessedOn", accessedOn);
      return fields;
    }
  }

  private long caseId() {
    return casePage.getShown().id();
  }

  public List<Item> getItems() {
    if (items == null) {
      List<Evidence> found = Feedback.attemptGet(() -> evidence.of(caseId()), null);
      items = found == null ? List.of() : found.stream().map(Item::of).toList();
      locked = cited.locked(caseId());
    }
    return items;
  }

  /** Whether the verdict holds the item fixed now (the page says why instead of offering edit). */
  public boolean locked(String label) {
    getItems();
    return locked.contains(label);
  }

  /** Fills the form with an item to revise it. */
  public void edit(long id) {
    getItems().stream().filter(i -> i.id() == id).findFirst().ifPresent(this::fill);
  }

  /** Empties the form for a new item. */
  public void startNew() {
    editing = null;
    kind = EvidenceKind.DOCUMENT;
    stance = Stance.CONTEXT;
    summary = null;
    quote = null;
    source = null;
    url = null;
    accessedOn = null;
    sourceKind = SourceKind.ORGANISATION;
    sourceUrl = null;
    uploads = new ArrayList<>();
  }

  private void fill(Item i) {
    editing = i;
    kind = EvidenceKind.valueOf(i.kind());
    stance = Stance.valueOf(i.stance());
    summary = i.summary();
    quote = i.quote();
    source = i.source();
    url = i.url();
    accessedOn = i.accessedOn();
  }

  /**
   * Adds the item, or revises the one being edited, registering a source the registry does not know
   * yet on the way. A new item stays in the form afterwards, so more files can be attached. When
   * somebody else saved the item first, the form keeps this person's input and the message says
   * what they changed. On any refusal everything typed stays in the form.
   */
  public void save() {
    Item seen = editing;
    Evidence saved =
        Feedback.attemptSave(
            () -> {
              Source.Profile newSource = newSourceProfile();
              CaseEvidence.Draft draft =
                  new CaseEvidence.Draft(
                      kind,
                      stance,
                      summary,
                      quote,
                      newSource == null ? sourceId() : null,
                      url,
                      accessedOn);
              return seen == null
                  ? evidence.add(caseId(), draft, newSource, uploads)
                  : evidence.revise(caseId(), seen.id(), seen.version(), draft, newSource);
            },
            () -> {
              editing = Item.of(evidence.find(caseId(), seen.id()));
              items = null;
              takeUntouched(seen, editing);
              return Conflicts.whatChanged(seen.fields(), editing.fields());
            },
            seen == null ? "evidence.added" : "evidence.saved");
    if (saved != null) {
      items = null;
      uploads = new ArrayList<>();
      sourceUrl = null;
      fill(Item.of(saved));
    }
  }

  /**
   * A file, as soon as it is chosen (one request per file): attached to the item being edited, or
   * kept for the new item and attached when it is saved. Refused files are reported right away. The
   * form's input stays as typed; after an attachment the item's new version is taken so that saving
   * it does not look like a conflict with one's own upload.
   */
  public void attach(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    Item target = editing;
    boolean done =
        Feedback.attempt(
            () -> {
              try (InputStream in = file.getInputStream()) {
                if (target == null) {
                  uploads.add(evidence.upload(caseId(), file.getFileName(), in));
                } else {
                  evidence.attach(caseId(), target.id(), file.getFileName(), in);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            target == null ? "evidence.fileKept" : "evidence.attached",
            file.getFileName());
    if (done && target != null) {
      editing = Item.of(evidence.find(caseId(), target.id()));
      items = null;
    }
  }

  /** Leaves a file chosen for the new item out again. */
  public void dropUpload(int index) {
    if (index >= 0 && index < uploads.size()) {
      uploads.remove(index);
    }
  }

  public List<CaseEvidence.Upload> getUploads() {
    return uploads;
  }

  /**
   * Whether the source typed is not in the registry yet: the form then asks for its kind and web
   * address and registers it with the item.
   */
  public boolean isNewSource() {
    return source != null && !source.isBlank() && sources.named(source).isEmpty();
  }

  private Source.Profile newSourceProfile() {
    if (!isNewSource()) {
      return null;
    }
    return new Source.Profile(
        source.strip(), sourceKind, sourceUrl, Reliability.UNRATED, null, false);
  }

  /** The accepted kinds of file, for the upload's hint: ".csv, .doc, .docx, …". */
  public String getAccepted() {
    return String.join(", ", attachments.acceptedExtensions());
  }

  public long getMaxBytes() {
    return settings.attachmentMaxBytes();
  }

  /** Fields this person left as they were show what the other person saved; the rest stays. */
  private void takeUntouched(Item seen, Item now) {
    if (kind.name().equals(seen.kind())) {
      kind = EvidenceKind.valueOf(now.kind());
    }
    if (stance.name().equals(seen.stance())) {
      stance = Stance.valueOf(now.stance());
    }
    if (Objects.equals(summary, seen.summary())) {
      summary = now.summary();
    }
    if (Objects.equals(quote, seen.quote())) {
      quote = now.quote();
    }
    if (Objects.equals(source, seen.source())) {
      source = now.source();
    }
    if (Objects.equals(url, seen.url())) {
      url = now.url();
    }
    if (Objects.equals(accessedOn, seen.accessedOn())) {
      accessedOn = now.accessedOn();
    }
  }

  public void moveUp(long id) {
    move(id, -1);
  }

  public void moveDown(long id) {
    move(id, +1);
  }

  private void move(long id, int by) {
    List<Item> now = getItems();
    for (int i = 0; i < now.size(); i++) {
      Item item = now.get(i);
      if (item.id() == id) {
        int place = i + 1 + by;
        Feedback.attempt(() -> evidence.move(caseId(), id, item.version(), place), null);
      }
    }
    items = null;
  }

  /** Source names for the form's autocomplete. */
  public List<String> completeSource(String prefix) {
    List<Source> found = Feedback.attemptGet(() -> sources.list(prefix), null);
    return found == null ? List.of() : found.stream().limit(15).map(Source::name).toList();
  }

  private Long sourceId() {
    return source == null || source.isBlank()
        ? null
        : sources.named(source).map(Source::id).orElse(null);
  }

  public SourceKind[] getSourceKinds() {
    return SourceKind.values();
  }

  public SourceKind getSourceKind() {
    return sourceKind;
  }

  public void setSourceKind(SourceKind sourceKind) {
    this.sourceKind = sourceKind;
  }

  public String getSourceUrl() {
    return sourceUrl;
  }

  public void setSourceUrl(String sourceUrl) {
    this.sourceUrl = sourceUrl;
  }

  public EvidenceKind[] getKinds() {
    return EvidenceKind.values();
  }

  public Stance[] getStances() {
    return Stance.values();
  }

  public Item getEditing() {
    return editing;
  }

  public EvidenceKind getKind() {
    return kind;
  }

  public void setKind(EvidenceKind kind) {
    this.kind = kind;
  }

  public Stance getStance() {
    return stance;
  }

  public void setStance(Stance stance) {
    this.stance = stance;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getQuote() {
    return quote;
  }

  public void setQuote(String quote) {
    this.quote = quote;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public LocalDate getAccessedOn() {
    return accessedOn;
  }

  public void setAccessedOn(LocalDate accessedOn) {
    this.accessedOn = accessedOn;
  }
}
