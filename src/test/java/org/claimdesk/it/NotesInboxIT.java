package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A case's notes with @mentions, and the inbox that mentions and assignments land in. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotesInboxIT {
  @ArquillianResource URL deployment;
  Api api;
  // one token per person for the whole class: each costs a password check
  static String checker;
  static String supervisor;
  static String auditor;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    if (checker == null) {
      checker = api.sharedToken("factchecker");
      supervisor = api.sharedToken("supervisor");
      auditor = api.sharedToken("auditor");
    }
  }

  /** A fresh case on a fresh claim. */
  JsonObject newCase() {
    Desk desk = new Desk(api, api::sharedToken);
    return desk.openCase(desk.newClaim(checker), checker);
  }

  static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  Api.Reply write(long caseId, String token, String body) {
    return api.post(
        "api/cases/" + caseId + "/notes",
        token,
        Json.createObjectBuilder().add("body", body).build().toString());
  }

  List<JsonObject> notes(long caseId, String token) {
    Api.Reply reply = api.get("api/cases/" + caseId + "/notes", token);
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().asJsonArray().getValuesAs(JsonObject.class);
  }

  /** The entries of one person's inbox that concern one case, newest first. */
  List<JsonObject> inboxOn(long caseId, String token) {
    Api.Reply reply = api.get("api/inbox?limit=200", token);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getJsonNumber("caseId").longValue() == caseId)
        .toList();
  }

  List<JsonObject> audit(String query) {
    Api.Reply reply = api.get("api/audit?" + query, auditor);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  @Test
  void notesAreListedOldestFirstForEveryRole() {
    long caseId = id(newCase());
    Api.Reply first = write(caseId, checker, "Quelle ist die Pressemitteilung vom Montag.");
    assertEquals(201, first.status(), first.toString());
    assertEquals("factchecker", first.object().getString("author"));
    assertEquals(201, write(caseId, supervisor, "  Bitte\r\nauch das Amt anrufen. ").status());

    List<JsonObject> seen = notes(caseId, auditor);
    assertEquals(2, seen.size(), seen.toString());
    assertEquals("Quelle ist die Pressemitteilung vom Montag.", seen.get(0).getString("body"));
    assertEquals("supervisor", seen.get(1).getString("author"));
    assertEquals("Bitte\nauch das Amt anrufen.", seen.get(1).getString("body"));
    assertEquals(404, api.get("api/cases/999999999/notes", checker).status());
  }

  @Test
  void onlyFactCheckersAndSupervisorsWriteWithinTheLimits() {
    long caseId = id(newCase());
    assertEquals(403, write(caseId, auditor, "Darf ich nicht.").status());
    assertEquals(403, write(caseId, api.sharedToken("admin"), "Ich auch nicht.").status());
    Api.Reply empty = write(caseId, checker, "   ");
    assertEquals(400, empty.status(), empty.toString());
    Api.Reply tooLong = write(caseId, checker, "x".repeat(5001));
    assertEquals(400, tooLong.status(), tooLong.toString());
    Api.Reply noBody = api.post("api/cases/" + caseId + "/notes", checker, "{\"body\":5}");
    assertEquals(400, noBody.status(), noBody.toString());
    assertEquals(List.of(), notes(caseId, checker));
  }

  @Test
  void aMentionReachesOnlyThePeopleMentioned() {
    long caseId = id(newCase());
    Api.Reply note =
        write(caseId, checker, "@supervisor bitte gegenlesen; @factchecker <b>notiert</b>.");
    assertEquals(201, note.status(), note.toString());
    long noteId = id(note.object());
    assertEquals(
        "[\"factchecker\",\"supervisor\"]", note.object().getJsonArray("mentions").toString());

    List<JsonObject> entries = inboxOn(caseId, supervisor);
    assertEquals(1, entries.size(), entries.toString());
    JsonObject entry = entries.get(0);
    assertEquals("MENTION", entry.getString("kind"));
    assertEquals(noteId, entry.getJsonNumber("noteId").longValue());
    assertEquals("factchecker", entry.getString("actor"));
    assertTrue(entry.getString("excerpt").startsWith("@supervisor bitte"), entry.toString());
    assertTrue(entry.getString("caseTitle").contains("Anträge"), entry.toString());
    assertFalse(entry.containsKey("readAt"), "unread: " + entry);
    assertEquals(List.of(), inboxOn(caseId, checker), "the author mentioned themself: no entry");
    assertEquals(List.of(), inboxOn(caseId, auditor));

    List<JsonObject> written = audit("caseId=" + caseId + "&action=note.written");
    assertEquals(1, written.size(), written.toString());
    assertEquals(String.valueOf(noteId), written.get(0).getString("entityId"));
    assertTrue(
        written.get(0).getString("changes").contains("[\"factchecker\",\"supervisor\"]"),
        written.get(0).toString());
  }

  @Test
  void anUnknownMentionRefusesTheNoteAndStoresNothing() {
    long caseId = id(newCase());
    Api.Reply refused =
        write(caseId, checker, "@supervisor und @nobody-here und @ghost, bitte ansehen.");
    assertEquals(422, refused.status(), refused.toString());
    assertTrue(refused.isProblem());
    String detail = refused.object().getString("detail");
    assertTrue(detail.contains("@ghost, @nobody-here"), detail);
    assertFalse(detail.contains("@supervisor"), detail);
    assertEquals(List.of(), notes(caseId, checker));
    assertEquals(List.of(), inboxOn(caseId, supervisor));
    assertEquals(List.of(), audit("caseId=" + caseId + "&action=note.written"));
  }

  @Test
  void assignmentLandsInTheInboxOfEachNewAssigneeButNotTheAssigner() {
    JsonObject c = newCase();
    long caseId = id(c);
    Api.Reply assigned =
        api.post(
            "api/cases/" + caseId + "/assignees",
            supervisor,
            "{\"version\":"
                + c.getJsonNumber("version").longValue()
                + ",\"usernames\":[\"factchecker\",\"supervisor\"]}");
    assertEquals(200, assigned.status(), assigned.toString());
    List<JsonObject> entries = inboxOn(caseId, checker);
    assertEquals(1, entries.size(), entries.toString());
    assertEquals("ASSIGNED", entries.get(0).getString("kind"));
    assertEquals("supervisor", entries.get(0).getString("actor"));
    assertFalse(entries.get(0).containsKey("noteId"));
    assertEquals(List.of(), inboxOn(caseId, supervisor), "supervisor assigned themself");

    Api.Reply fewer =
        api.post(
            "api/cases/" + caseId + "/assignees",
            supervisor,
            "{\"version\":"
                + assigned.object().getJsonNumber("version").longValue()
                + ",\"usernames\":[\"factchecker\"]}");
    assertEquals(200, fewer.status(), fewer.toString());
    assertEquals(1, inboxOn(caseId, checker).size(), "staying on the case is no news");
  }

  @Test
  void everybodyReadsAndMarksOnlyTheirOwnEntries() {
    long caseId = id(newCase());
    assertEquals(201, write(caseId, checker, "@supervisor siehe Quelle 2").status());
    long entry = id(inboxOn(caseId, supervisor).get(0));
    long unreadBefore =
        api.get("api/inbox", supervisor).object().getJsonNumber("unread").longValue();
    assertTrue(unreadBefore >= 1);

    Api.Reply foreign = api.post("api/inbox/" + entry + "/read", checker, "");
    assertEquals(403, foreign.status(), foreign.toString());
    assertFalse(inboxOn(caseId, supervisor).get(0).containsKey("readAt"), "still unread");
    assertEquals(404, api.post("api/inbox/999999999/read", supervisor, "").status());

    Api.Reply read = api.post("api/inbox/" + entry + "/read", supervisor, "");
    assertEquals(200, read.status(), read.toString());
    assertEquals(1, read.object().getInt("marked"));
    assertEquals(
        0, api.post("api/inbox/" + entry + "/read", supervisor, "").object().getInt("marked"));
    assertTrue(inboxOn(caseId, supervisor).get(0).containsKey("readAt"));
    JsonObject unreadOnly = api.get("api/inbox?unread=true&limit=200", supervisor).object();
    assertTrue(
        unreadOnly.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .noneMatch(e -> id(e) == entry),
        unreadOnly.toString());
    assertEquals(unreadBefore - 1, unreadOnly.getJsonNumber("unread").longValue());

    List<JsonObject> events = audit("entityType=inbox&entityId=supervisor&action=inbox.read");
    assertEquals("supervisor", events.get(0).getString("actor"));
    assertTrue(
        events.get(0).getString("changes").contains("\"" + entry + "\""), events.get(0).toString());

    assertEquals(201, write(caseId, checker, "@supervisor noch eine Quelle").status());
    Api.Reply all = api.post("api/inbox/read", supervisor, "");
    assertEquals(200, all.status(), all.toString());
    assertTrue(all.object().getInt("marked") >= 1, all.toString());
    assertEquals(0, api.get("api/inbox", supervisor).object().getJsonNumber("unread").longValue());
  }
}
