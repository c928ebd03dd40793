/** Use cases of the assistant-service: transactions, permission checks and orchestration. */
package io.openassist.assistant.application;
