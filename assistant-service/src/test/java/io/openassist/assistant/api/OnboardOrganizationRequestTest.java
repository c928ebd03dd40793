package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.common.error.ConstraintViolationExceptionMapper;
import io.openassist.common.web.JsonbConfiguration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardOrganizationRequestTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void namesEachBrokenMemberWithItsPath() {
    assertEquals(
        List.of("admin.email: must be an e-mail address"),
        violations("{\"name\": \"Acme\", \"admin\": {\"email\": \"not-an-email\"}}"));
    assertEquals(List.of("admin: is required: {name, email}"), violations("{\"name\": \"Acme\"}"));
  }

  @Test
  void refusesBlankButAcceptsMultiLineText() {
    assertEquals(
        List.of("external_id: must not be blank"),
        violations(
            "{\"name\": \"Acme\", \"external_id\": \" \\n \", \"admin\": {\"name\": \"A\"}}"));
    assertEquals(
        List.of(),
        violations(
            "{\"name\": \"Acme\", \"external_id\": \"acme\\nwest\", \"admin\": {\"name\": \"A\"}}"));
  }

  private static List<String> violations(String json) {
    return VALIDATOR
        .validate(JsonbConfiguration.JSONB.fromJson(json, OnboardOrganizationRequest.class))
        .stream()
        .map(v -> ConstraintViolationExceptionMapper.fieldName(v) + ": " + v.getMessage())
        .sorted()
        .toList();
  }
}
