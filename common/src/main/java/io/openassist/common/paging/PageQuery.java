package io.openassist.common.paging;

import jakarta.ws.rs.QueryParam;

/**
 * The cursor pagination query parameters every list endpoint takes ({@code limit}, {@code order},
 * {@code after}, {@code before}), bound as strings so that a non-number {@code limit} is a 400 from
 * {@link PageRequest#of} rather than the 404 Jakarta REST gives for unconvertible query parameters.
 */
public class PageQuery {

  @QueryParam("limit")
  String limit;

  @QueryParam("order")
  String order;

  @QueryParam("after")
  String after;

  @QueryParam("before")
  String before;

  public PageRequest toPageRequest() {
    return PageRequest.of(limit, order, after, before);
  }

  /** The page asked for, in a list with its own default and largest page size. */
  public PageRequest toPageRequest(int defaultLimit, int maxLimit) {
    return PageRequest.of(limit, order, after, before, defaultLimit, maxLimit);
  }
}
