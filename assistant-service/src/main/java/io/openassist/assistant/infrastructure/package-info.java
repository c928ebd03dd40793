/** Persistence and outbound clients of the assistant-service. */
package io.openassist.assistant.infrastructure;
