/** Entities and domain rules of the conversation-service; never serialised to the wire. */
package io.openassist.conversation.domain;
