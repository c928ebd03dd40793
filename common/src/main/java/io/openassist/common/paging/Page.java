package io.openassist.common.paging;

import java.util.List;
import java.util.function.Function;

/** The objects of one page, in the order asked for, and whether more lie beyond the last one. */
public record Page<T>(List<T> items, boolean hasMore) {

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), hasMore);
  }
}
