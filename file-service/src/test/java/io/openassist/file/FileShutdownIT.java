package io.openassist.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.LibertyServers;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Background processing across a restart: file-service is stopped as an orchestrator stops it
 * (SIGTERM) while it extracts a large PDF. The file goes back to waiting at once, its attempt not
 * counted and not failed; after the restart it is processed to ready without waiting for the
 * processing timeout (10 minutes).
 */
@ExtendWith(AssistantServiceCompanion.class)
class FileShutdownIT {

  @Test
  void aFileBeingProcessedAtShutdownIsProcessedAfterTheRestart() throws Exception {
    FileFixture.resetSchemas();
    FileFixture fx = new FileFixture("Shutdown");
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      pages.add("Page " + i + " of the long handbook, about travel, expenses and holidays.");
    }
    JsonObject file = fx.uploaded(fx.editable, "long.pdf", FileProcessingIT.pdf(pages));
    String id = file.getString("id");

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (TestDatabase.count(
            "SELECT count(*) FROM file.knowledge_file WHERE id = ? AND processing_status = 'processing'",
            id)
        == 0) {
      assertTrue(System.nanoTime() < deadline, "the file was never claimed");
      Thread.sleep(20);
    }
    String server = System.getProperty("it.server.name");
    int port = Integer.parseInt(System.getProperty("it.http.port"));
    LibertyServers.sigterm(server);

    String status =
        (String)
            TestDatabase.value(
                "SELECT processing_status FROM file.knowledge_file WHERE id = ?", id);
    long attempts =
        TestDatabase.count("SELECT processing_attempts FROM file.knowledge_file WHERE id = ?", id);
    LibertyServers.start(server, port);
    if (status.equals("ready")) {
      // The extraction finished within the stop (a fast machine, or the grace period): recorded
      // as done, once, and nothing is handed back. Otherwise it must have been handed back.
      assertEquals(1, attempts, "attempts of a file finished during the stop");
    } else {
      // Handed back, not failed, its attempt not counted.
      assertEquals("pending", status);
      assertEquals(0, attempts, "attempts after the shutdown");
    }

    // The poll after the restart takes it at once (the timeout would be 10 minutes).
    JsonObject done = fx.processed(fx.editable, id);
    assertEquals("ready", done.getString("processing_status"), done::toString);
    assertEquals(
        1,
        TestDatabase.count("SELECT processing_attempts FROM file.knowledge_file WHERE id = ?", id));
  }
}
