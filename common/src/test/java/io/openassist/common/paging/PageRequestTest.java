package io.openassist.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToTwentyNewestFirst() {
    PageRequest page = PageRequest.of(null, null, null, null);
    assertEquals(20, page.limit());
    assertEquals(SortOrder.DESC, page.order());
    assertNull(page.after());
    assertNull(page.before());
  }

  @Test
  void acceptsTheBoundsOfLimitAndEitherOrder() {
    assertEquals(1, PageRequest.of("1", "asc", null, null).limit());
    assertEquals(100, PageRequest.of("100", "DESC", null, null).limit());
    assertEquals(SortOrder.ASC, PageRequest.of(null, "asc", null, null).order());
  }

  @Test
  void rejectsLimitOutsideOneToHundred() {
    assertRejected(() -> PageRequest.of("0", null, null, null), "limit");
    assertRejected(() -> PageRequest.of("101", null, null, null), "limit");
    assertRejected(() -> PageRequest.of("ten", null, null, null), "limit");
  }

  @Test
  void rejectsUnknownOrder() {
    assertRejected(() -> PageRequest.of(null, "newest", null, null), "order");
  }

  @Test
  void namesEveryBrokenRuleAtOnce() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> PageRequest.of("0", "up", null, null));
    assertEquals(
        List.of("limit", "order"),
        e.fieldErrors().stream().map(Problem.FieldError::field).toList());
  }

  @Test
  void walksBackwardsOnlyWhenOnlyBeforeIsGiven() {
    assertTrue(PageRequest.of(null, null, null, "asst_x").walksBackwards());
    assertFalse(PageRequest.of(null, null, "asst_y", "asst_x").walksBackwards());
    assertFalse(PageRequest.of(null, null, "asst_y", null).walksBackwards());
  }

  private static void assertRejected(Runnable call, String field) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call::run);
    assertEquals(400, e.status());
    assertEquals("validation_failed", e.code());
    assertEquals(field, e.fieldErrors().get(0).field());
  }

  @Test
  void mapsCursorsToAscendingBoundsForEitherOrder() {
    PageRequest ascending = PageRequest.of(null, "asc", "a", "b");
    assertEquals("a", ascending.ascendingLowerBound());
    assertEquals("b", ascending.ascendingUpperBound());
    PageRequest descending = PageRequest.of(null, "desc", "a", "b");
    assertEquals("b", descending.ascendingLowerBound());
    assertEquals("a", descending.ascendingUpperBound());
  }

  @Test
  void trimsToTheLimitAndReportsMore() {
    PageRequest page = PageRequest.of("2", null, null, null);
    assertEquals(3, page.fetchSize());
    Page<String> result = page.toPage(List.of("c", "b", "a"));
    assertEquals(List.of("c", "b"), result.items());
    assertTrue(result.hasMore());
    assertFalse(page.toPage(List.of("c", "b")).hasMore());
  }

  @Test
  void readsBackwardsFromBeforeAndTurnsThePageAround() {
    PageRequest page = PageRequest.of("2", "asc", null, "d");
    assertEquals(SortOrder.DESC, page.fetchOrder());
    Page<String> result = page.toPage(List.of("c", "b", "a"));
    assertEquals(List.of("b", "c"), result.items());
    assertTrue(result.hasMore());
  }
}
