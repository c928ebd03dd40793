/** Persistence and outbound clients of the file-service. */
package io.openassist.file.infrastructure;
