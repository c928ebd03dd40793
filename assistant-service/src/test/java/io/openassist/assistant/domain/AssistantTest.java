package io.openassist.assistant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.common.error.InvalidRequestException;
import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssistantTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456789Z");
  private static final String ID = "asst_0123456789abcdefGHIJKLMN";
  private static final String ORG = "org_a";
  private static final String OWNER = "user_a";

  @Test
  void takesOpenAisDefaultsForWhatIsNotGiven() {
    Assistant a = Assistant.create(ID, ORG, OWNER, named("gpt-4o", null), T0);
    assertEquals("gpt-4o", a.model());
    assertEquals(1.0, a.temperature());
    assertEquals(1.0, a.topP());
    assertEquals(ResponseFormat.AUTO, a.responseFormat());
    assertTrue(a.tools().isEmpty());
    assertTrue(a.metadata().isEmpty());
    assertNull(a.name());
  }

  @Test
  void keepsTimestampsAtDatabasePrecision() {
    Assistant a = Assistant.create(ID, ORG, OWNER, named("m", null), T0);
    assertEquals(Instant.parse("2026-01-01T10:00:00.123456Z"), a.createdAt());
    assertEquals(a.createdAt(), a.updatedAt());
  }

  @Test
  void derivesAReadableSlugFromTheName() {
    assertEquals(
        "astronomy-tutor-ijklmn",
        Assistant.create(ID, ORG, OWNER, named("m", "Astronomy Tutor!"), T0).slug());
    assertEquals("assistant-ijklmn", Assistant.create(ID, ORG, OWNER, named("m", null), T0).slug());
    assertEquals(
        "assistant-ijklmn", Assistant.create(ID, ORG, OWNER, named("m", "???"), T0).slug());
  }

  @Test
  void modifyChangesOnlyWhatIsGiven() {
    Assistant a = Assistant.create(ID, ORG, OWNER, named("gpt-4o", "Tutor"), T0);
    a.modify(
        new AssistantDefinition(
            null, null, "now described", null, null, null, null, 0.5, null, null, null, null, null),
        T0.plusSeconds(60));
    assertEquals("Tutor", a.name());
    assertEquals("gpt-4o", a.model());
    assertEquals("now described", a.description());
    assertEquals(0.5, a.temperature());
    assertEquals(T0.plusSeconds(60).getEpochSecond(), a.updatedAt().getEpochSecond());
    assertEquals(T0.getEpochSecond(), a.createdAt().getEpochSecond());
  }

  @Test
  void aRejectedModificationChangesNothing() {
    Assistant a = Assistant.create(ID, ORG, OWNER, named("gpt-4o", "Tutor"), T0);
    assertThrows(
        InvalidRequestException.class,
        () ->
            a.modify(
                new AssistantDefinition(
                    null,
                    "Renamed",
                    null,
                    null,
                    null,
                    null,
                    null,
                    0.5,
                    null,
                    Json.createObjectBuilder().add("k", 1).build(),
                    null,
                    null,
                    null),
                T0));
    assertEquals("Tutor", a.name());
    assertEquals(1.0, a.temperature());
  }

  private static AssistantDefinition named(String model, String name) {
    return new AssistantDefinition(
        model, name, null, null, null, null, null, null, null, null, null, null, null);
  }
}
