package io.openassist.assistant.domain.run;

import java.util.List;

/**
 * A provider as admins see it: its name and vendor API, the models it may serve (empty: any), and
 * its health ({@code up}, or {@code degraded} while its circuit is open or half open).
 */
public record ProviderStatus(String name, String type, List<String> models, String health) {}
