package io.openassist.file.infrastructure;

import io.openassist.common.telemetry.Telemetry;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * file-service's own metrics: {@code openassist.files.upload.bytes} (bytes of stored uploads) and
 * {@code openassist.files.processing.backlog} (files waiting for or in extraction, as counted at
 * the last processing poll).
 */
@ApplicationScoped
public class FileMetrics {

  private final AtomicLong backlog = new AtomicLong();
  private LongCounter uploadBytes;
  private ObservableLongGauge backlogGauge;

  /** For CDI. */
  protected FileMetrics() {}

  @Inject
  public FileMetrics(Telemetry telemetry) {
    var meter = telemetry.meter();
    uploadBytes =
        meter
            .counterBuilder("openassist.files.upload.bytes")
            .setDescription("Bytes of knowledge files stored by uploads")
            .setUnit("By")
            .build();
    backlogGauge =
        meter
            .gaugeBuilder("openassist.files.processing.backlog")
            .ofLongs()
            .setDescription("Knowledge files waiting for or in text extraction")
            .setUnit("{file}")
            .buildWithCallback(measurement -> measurement.record(backlog.get()));
  }

  /** The SDK outlives the application (one per server): its callback must not. */
  @PreDestroy
  void close() {
    if (backlogGauge != null) {
      backlogGauge.close();
    }
  }

  public void uploaded(long bytes) {
    uploadBytes.add(bytes);
  }

  void backlog(long files) {
    backlog.set(files);
  }
}
