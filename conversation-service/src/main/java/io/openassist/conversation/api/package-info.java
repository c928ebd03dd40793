/**
 * REST resources of the conversation-service, their request and response records, and its exception
 * mappers.
 */
package io.openassist.conversation.api;
