/** Entities and domain rules of the assistant-service; never serialised to the wire. */
package io.openassist.assistant.domain;
