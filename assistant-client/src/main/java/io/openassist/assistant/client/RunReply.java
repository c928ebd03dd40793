package io.openassist.assistant.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * assistant-service's answer to a run ({@code assistant.run}): the reply's text, the model that
 * answered, the response messages (with tool calls and reasoning), usage, citations (readable, and
 * the knowledge-file passages as {@code file_citations}) and why the model stopped. Every member of
 * the answer is listed: the API's JSON-B configuration refuses members a record does not name.
 */
public record RunReply(
    String id,
    String object,
    String text,
    String model,
    JsonArray messages,
    JsonObject usage,
    List<String> citations,
    JsonArray fileCitations,
    String finishReason,
    long createdAt) {}
