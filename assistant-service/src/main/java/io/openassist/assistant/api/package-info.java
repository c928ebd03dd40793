/**
 * REST resources of the assistant-service, their request and response records, and its exception
 * mappers.
 */
package io.openassist.assistant.api;
