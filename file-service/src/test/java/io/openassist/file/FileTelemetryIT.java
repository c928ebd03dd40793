package io.openassist.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.OtlpCollector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** file-service's own metrics reach the collector: upload bytes and the processing backlog. */
@ExtendWith({OtlpCollector.class, AssistantServiceCompanion.class})
class FileTelemetryIT {

  private FileFixture fx;

  @BeforeEach
  void anOrganisation() {
    FileFixture.resetSchemas();
    fx = new FileFixture("Telemetry");
  }

  @Test
  void uploadsAndTheBacklogAreExported() throws Exception {
    byte[] text = "Metrics are counted.\n".getBytes(StandardCharsets.UTF_8);
    ApiResponse uploaded =
        fx.upload(fx.tenant.memberKey(), FileFixture.native_(fx.editable), "m.txt", text);
    assertEquals(201, uploaded.status(), uploaded::toString);
    OtlpCollector.awaitMetric(
        m -> m.service().equals("file-service") && m.name().equals("openassist.files.upload.bytes"),
        Duration.ofSeconds(20));
    OtlpCollector.awaitMetric(
        m ->
            m.service().equals("file-service")
                && m.name().equals("openassist.files.processing.backlog"),
        Duration.ofSeconds(20));
    OtlpCollector.awaitMetric(
        m -> m.service().equals("file-service") && m.name().equals("http.server.request.duration"),
        Duration.ofSeconds(20));
  }
}
