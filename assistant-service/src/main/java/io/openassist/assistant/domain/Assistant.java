package io.openassist.assistant.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * An assistant: the model it runs on, its instructions and tools, and how it is found (id, slug).
 * Created complete and valid, changed only through {@link #modify}, so that no stored assistant
 * ever breaks {@link AssistantRules}.
 */
@Entity
@Table(name = "assistant")
public class Assistant {

  /** What an assistant is when the caller gives only a model, as OpenAI's defaults are. */
  static final AssistantDefinition DEFAULTS =
      new AssistantDefinition(
          null,
          null,
          null,
          null,
          List.of(),
          JsonValue.EMPTY_JSON_OBJECT,
          ResponseFormat.AUTO,
          1.0,
          1.0,
          JsonValue.EMPTY_JSON_OBJECT,
          null,
          null,
          List.of());

  private static final int SLUG_BASE_LENGTH = 50;
  private static final int SLUG_SUFFIX_LENGTH = 6;

  @Id private String id;

  @Column(name = "organization_id", updatable = false)
  private String organizationId;

  @Column(name = "owner_id", updatable = false)
  private String ownerId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(nullable = false, length = 128)
  private String slug;

  @Column(length = 256)
  private String name;

  @Column(length = 512)
  private String description;

  @Column(nullable = false, length = 256)
  private String model;

  @Column(columnDefinition = "text")
  private String instructions;

  @Convert(converter = TypedJsonConverters.ToolsConverter.class)
  @Column(columnDefinition = "jsonb", nullable = false)
  private List<Tool> tools;

  @Convert(converter = JsonDocumentConverter.class)
  @Column(name = "tool_resources", columnDefinition = "jsonb")
  private JsonValue toolResources;

  @Convert(converter = TypedJsonConverters.ResponseFormatConverter.class)
  @Column(name = "response_format", columnDefinition = "jsonb")
  private ResponseFormat responseFormat;

  private Double temperature;

  @Column(name = "top_p")
  private Double topP;

  @Convert(converter = JsonDocumentConverter.class)
  @Column(columnDefinition = "jsonb", nullable = false)
  private JsonValue metadata;

  @Convert(converter = TypedJsonConverters.ModelRefConverter.class)
  @Column(name = "default_model", columnDefinition = "jsonb")
  private ModelRef defaultModel;

  @Convert(converter = TypedJsonConverters.ModelRefsConverter.class)
  @Column(name = "available_models", columnDefinition = "jsonb", nullable = false)
  private List<ModelRef> availableModels;

  protected Assistant() {}

  /**
   * A new assistant of an organisation, owned by its creator, from what the creator gave, completed
   * with the defaults; the slug is derived from the name when none is given.
   */
  public static Assistant create(
      String id, String organizationId, String ownerId, AssistantDefinition given, Instant now) {
    AssistantDefinition complete = DEFAULTS.with(given);
    if (complete.slug() == null) {
      complete = complete.with(slugOnly(deriveSlug(complete.name(), id)));
    }
    AssistantRules.check(complete);
    Assistant assistant = new Assistant();
    assistant.id = id;
    assistant.organizationId = organizationId;
    assistant.ownerId = ownerId;
    assistant.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    assistant.updatedAt = assistant.createdAt;
    assistant.apply(complete);
    return assistant;
  }

  /** Changes the members the caller gave; the others stay as they are. */
  public void modify(AssistantDefinition changes, Instant now) {
    AssistantDefinition changed = definition().with(changes);
    AssistantRules.check(changed);
    apply(changed);
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public AssistantDefinition definition() {
    return new AssistantDefinition(
        model,
        name,
        description,
        instructions,
        tools,
        toolResources == null ? null : toolResources.asJsonObject(),
        responseFormat,
        temperature,
        topP,
        metadata.asJsonObject(),
        slug,
        defaultModel,
        availableModels);
  }

  private void apply(AssistantDefinition d) {
    model = d.model();
    name = d.name();
    description = d.description();
    instructions = d.instructions();
    tools = d.tools();
    toolResources = d.toolResources();
    responseFormat = d.responseFormat();
    temperature = d.temperature();
    topP = d.topP();
    metadata = d.metadata();
    slug = d.slug();
    defaultModel = d.defaultModel();
    availableModels = d.availableModels();
  }

  /** A readable, practically unique slug: the name in lowercase words plus a piece of the id. */
  static String deriveSlug(String name, String id) {
    String base =
        name == null
            ? ""
            : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.length() > SLUG_BASE_LENGTH) {
      base = base.substring(0, SLUG_BASE_LENGTH).replaceAll("-+$", "");
    }
    if (base.isEmpty()) {
      base = "assistant";
    }
    String suffix = id.substring(id.length() - SLUG_SUFFIX_LENGTH).toLowerCase(Locale.ROOT);
    return base + "-" + suffix;
  }

  private static AssistantDefinition slugOnly(String slug) {
    return new AssistantDefinition(
        null, null, null, null, null, null, null, null, null, null, slug, null, null);
  }

  public String id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public String ownerId() {
    return ownerId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String model() {
    return model;
  }

  public String instructions() {
    return instructions;
  }

  public List<Tool> tools() {
    return tools;
  }

  public JsonObject toolResources() {
    return toolResources == null ? null : toolResources.asJsonObject();
  }

  public ResponseFormat responseFormat() {
    return responseFormat;
  }

  public Double temperature() {
    return temperature;
  }

  public Double topP() {
    return topP;
  }

  public JsonObject metadata() {
    return metadata.asJsonObject();
  }

  public ModelRef defaultModel() {
    return defaultModel;
  }

  public List<ModelRef> availableModels() {
    return availableModels;
  }
}
