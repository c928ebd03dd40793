package io.openassist.common.paging;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One page of a list, as the caller asked for it: at most {@code limit} objects (1 to 100, default
 * 20) in creation {@code order}, strictly after the object {@code after} and/or strictly before the
 * object {@code before} in that order. Cursors are object ids, as in the OpenAI list APIs.
 */
public record PageRequest(int limit, SortOrder order, String after, String before) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  private static final int MAX_CURSOR_LENGTH = 128;

  public static PageRequest firstPage() {
    return new PageRequest(DEFAULT_LIMIT, SortOrder.DESC, null, null);
  }

  /** Parses and checks the raw query parameters; every rule broken is named in one 400. */
  public static PageRequest of(String limit, String order, String after, String before) {
    return of(limit, order, after, before, DEFAULT_LIMIT, MAX_LIMIT);
  }

  /**
   * The same for a list whose pages may be larger (a conversation's branch, read whole by chat
   * clients): {@code defaultLimit} when none is given, at most {@code maxLimit}.
   */
  public static PageRequest of(
      String limit, String order, String after, String before, int defaultLimit, int maxLimit) {
    List<Problem.FieldError> errors = new ArrayList<>();
    int parsedLimit = defaultLimit;
    if (limit != null) {
      try {
        parsedLimit = Integer.parseInt(limit.trim());
        if (parsedLimit < 1 || parsedLimit > maxLimit) {
          errors.add(new Problem.FieldError("limit", "must be between 1 and " + maxLimit));
        }
      } catch (NumberFormatException e) {
        errors.add(
            new Problem.FieldError("limit", "must be a whole number between 1 and " + maxLimit));
      }
    }
    SortOrder parsedOrder = SortOrder.DESC;
    if (order != null) {
      switch (order.toLowerCase(Locale.ROOT)) {
        case "asc" -> parsedOrder = SortOrder.ASC;
        case "desc" -> parsedOrder = SortOrder.DESC;
        default -> errors.add(new Problem.FieldError("order", "must be 'asc' or 'desc'"));
      }
    }
    checkCursor("after", after, errors);
    checkCursor("before", before, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new PageRequest(parsedLimit, parsedOrder, blankToNull(after), blankToNull(before));
  }

  /**
   * Whether the page is read walking backwards from {@code before}: the objects nearest to it are
   * the ones wanted, so they are fetched in reverse order and turned around.
   */
  public boolean walksBackwards() {
    return after == null && before != null;
  }

  /** The order in which rows are read from storage: reversed when walking back from a cursor. */
  public SortOrder fetchOrder() {
    return walksBackwards() ? order.reversed() : order;
  }

  /** How many rows to read: one more than the page holds, to learn whether more lie beyond. */
  public int fetchSize() {
    return limit + 1;
  }

  /**
   * The cursor whose object every listed object must come strictly after in ascending creation
   * order, or null: {@code after} when listing oldest first, {@code before} when newest first.
   */
  public String ascendingLowerBound() {
    return order == SortOrder.ASC ? after : before;
  }

  /** The cursor every listed object must come strictly before in ascending creation order. */
  public String ascendingUpperBound() {
    return order == SortOrder.ASC ? before : after;
  }

  /**
   * Turns the rows read (in {@link #fetchOrder()}, at most {@link #fetchSize()}) into the page:
   * trimmed to the limit and put back into the order asked for.
   */
  public <T> Page<T> toPage(List<T> fetched) {
    boolean hasMore = fetched.size() > limit;
    List<T> items = new ArrayList<>(hasMore ? fetched.subList(0, limit) : fetched);
    if (walksBackwards()) {
      Collections.reverse(items);
    }
    return new Page<>(List.copyOf(items), hasMore);
  }

  private static void checkCursor(String name, String value, List<Problem.FieldError> errors) {
    if (value != null && value.length() > MAX_CURSOR_LENGTH) {
      errors.add(new Problem.FieldError(name, "is not an object id"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
