package io.openassist.common.paging;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.function.Function;

/**
 * The list envelope of the native API: {@code {object: "list", data, first_id, last_id, has_more}},
 * as in the OpenAI and Minds list responses.
 */
@JsonbPropertyOrder({"object", "data", "firstId", "lastId", "hasMore"})
public record ListResponse<T>(
    String object, List<T> data, String firstId, String lastId, boolean hasMore) {

  public static <T> ListResponse<T> of(Page<T> page, Function<T, String> idOf) {
    List<T> data = page.items();
    return new ListResponse<>(
        "list",
        data,
        data.isEmpty() ? null : idOf.apply(data.get(0)),
        data.isEmpty() ? null : idOf.apply(data.get(data.size() - 1)),
        page.hasMore());
  }
}
