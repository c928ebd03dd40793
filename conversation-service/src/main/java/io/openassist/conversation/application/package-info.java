/** Use cases of the conversation-service: transactions, permission checks and orchestration. */
package io.openassist.conversation.application;
