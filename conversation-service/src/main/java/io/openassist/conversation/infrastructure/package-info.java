/** Persistence and outbound clients of the conversation-service. */
package io.openassist.conversation.infrastructure;
