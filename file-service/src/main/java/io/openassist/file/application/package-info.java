/** Use cases of the file-service: transactions, permission checks and orchestration. */
package io.openassist.file.application;
