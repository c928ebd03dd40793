package io.openassist.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** One HTTP exchange's answer: status, headers and body, with the body readable as JSON. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  public JsonArray jsonArray() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }

  /** The problem body without its request id: what two answers must share to be the same. */
  public JsonObject problemWithoutRequestId() {
    JsonObjectBuilder copy = Json.createObjectBuilder(json());
    copy.remove("request_id");
    return copy.build();
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("Content-Type");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
