package io.openassist.common.web.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON a Java request type accepts, derived once per type from its declaration: which JSON type
 * each member must have and which members exist. {@link JsonBodyInspector} checks a body against it
 * before JSON-B binds it, because JSON-B coerces ({@code "model": 5} becomes the string {@code
 * "5"}, {@code "temperature": "1"} a number) where the API must refuse, and cannot say which field
 * was wrong.
 *
 * <p>Member names follow the API's one naming rule, JSON-B's {@code LOWER_CASE_WITH_UNDERSCORES}
 * ({@link #snakeCase}); a {@code @JsonbProperty}, which the API's own types do not use, would win
 * as it does in JSON-B.
 */
public final class JsonShape {

  /** The JSON type a value must have; {@link #ANY} accepts every value. */
  public enum Kind {
    ANY,
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    OBJECT,
    ARRAY
  }

  public static final JsonShape ANY = new JsonShape(Kind.ANY, null, null, null);
  private static final JsonShape STRING = new JsonShape(Kind.STRING, null, null, null);
  private static final JsonShape NUMBER = new JsonShape(Kind.NUMBER, null, null, null);
  private static final JsonShape INTEGER = new JsonShape(Kind.INTEGER, null, null, null);
  private static final JsonShape BOOLEAN = new JsonShape(Kind.BOOLEAN, null, null, null);
  private static final JsonShape ANY_OBJECT = new JsonShape(Kind.OBJECT, null, ANY, null);
  private static final JsonShape ANY_ARRAY = new JsonShape(Kind.ARRAY, null, null, ANY);

  private static final Map<Type, JsonShape> CACHE = new ConcurrentHashMap<>();

  private final Kind kind;
  private Map<String, JsonShape> members;
  private final JsonShape otherMembers;
  private final JsonShape elements;

  private JsonShape(
      Kind kind, Map<String, JsonShape> members, JsonShape otherMembers, JsonShape elements) {
    this.kind = kind;
    this.members = members;
    this.otherMembers = otherMembers;
    this.elements = elements;
  }

  /** The shape of a Java type as the API's JSON-B configuration reads it. */
  public static JsonShape of(Type type) {
    JsonShape known = CACHE.get(type);
    if (known == null) {
      known = derive(type, new java.util.HashMap<>());
      CACHE.putIfAbsent(type, known);
    }
    return known;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The shape of a member of an object of this shape, or null when an object of this shape has no
   * such member (a closed object: a request record).
   */
  public JsonShape member(String name) {
    if (members != null) {
      JsonShape member = members.get(name);
      return member != null ? member : otherMembers;
    }
    return kind == Kind.OBJECT ? otherMembers : ANY;
  }

  /** The shape of each element of an array of this shape. */
  public JsonShape element() {
    return elements != null ? elements : ANY;
  }

  private static JsonShape derive(Type type, Map<Type, JsonShape> inProgress) {
    if (type instanceof WildcardType wildcard) {
      return derive(wildcard.getUpperBounds()[0], inProgress);
    }
    if (type instanceof GenericArrayType array) {
      return array(derive(array.getGenericComponentType(), inProgress));
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(derive(arguments[0], inProgress));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return new JsonShape(Kind.OBJECT, null, derive(arguments[1], inProgress), null);
      }
      return derive(raw, inProgress);
    }
    if (!(type instanceof Class<?> cls)) {
      return ANY;
    }
    JsonShape simple = simple(cls);
    if (simple != null) {
      return simple;
    }
    if (cls.isArray()) {
      return array(derive(cls.getComponentType(), inProgress));
    }
    if (Collection.class.isAssignableFrom(cls)) {
      return ANY_ARRAY;
    }
    if (Map.class.isAssignableFrom(cls)) {
      return ANY_OBJECT;
    }
    if (cls.isInterface()
        || Modifier.isAbstract(cls.getModifiers())
        || cls.getName().startsWith("java.")) {
      return ANY;
    }
    JsonShape inProgressShape = inProgress.get(cls);
    if (inProgressShape != null) {
      return inProgressShape;
    }
    JsonShape object = new JsonShape(Kind.OBJECT, null, null, null);
    inProgress.put(cls, object);
    Map<String, JsonShape> members = new LinkedHashMap<>();
    if (cls.isRecord()) {
      for (RecordComponent component : cls.getRecordComponents()) {
        if (!transientMember(component.getAccessor())) {
          members.put(
              jsonName(
                  component.getName(), component.getAccessor(), field(cls, component.getName())),
              derive(component.getGenericType(), inProgress));
        }
      }
    } else {
      for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers())
              && !Modifier.isTransient(field.getModifiers())
              && !transientMember(field)) {
            members.putIfAbsent(
                jsonName(field.getName(), field, null), derive(field.getGenericType(), inProgress));
          }
        }
      }
    }
    object.members = Collections.unmodifiableMap(members);
    return object;
  }

  private static JsonShape simple(Class<?> cls) {
    if (cls == String.class
        || cls == Character.class
        || cls == char.class
        || cls.isEnum()
        || cls == UUID.class
        || Temporal.class.isAssignableFrom(cls)
        || cls == JsonString.class) {
      return STRING;
    }
    if (cls == Integer.class
        || cls == int.class
        || cls == Long.class
        || cls == long.class
        || cls == Short.class
        || cls == short.class
        || cls == Byte.class
        || cls == byte.class
        || cls == BigInteger.class) {
      return INTEGER;
    }
    if (cls == Double.class
        || cls == double.class
        || cls == Float.class
        || cls == float.class
        || cls == BigDecimal.class
        || cls == Number.class
        || cls == JsonNumber.class) {
      return NUMBER;
    }
    if (cls == Boolean.class || cls == boolean.class) {
      return BOOLEAN;
    }
    if (cls == JsonObject.class) {
      return ANY_OBJECT;
    }
    if (cls == JsonArray.class) {
      return ANY_ARRAY;
    }
    return null;
  }

  private static JsonShape array(JsonShape element) {
    return element == ANY ? ANY_ARRAY : new JsonShape(Kind.ARRAY, null, null, element);
  }

  private static Field field(Class<?> cls, String name) {
    try {
      return cls.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static boolean transientMember(AnnotatedElement element) {
    return element.isAnnotationPresent(JsonbTransient.class);
  }

  private static String jsonName(String javaName, AnnotatedElement... annotated) {
    for (AnnotatedElement element : annotated) {
      JsonbProperty property = element == null ? null : element.getAnnotation(JsonbProperty.class);
      if (property != null && !property.value().isEmpty()) {
        return property.value();
      }
    }
    return snakeCase(javaName);
  }

  /** JSON-B's {@code LOWER_CASE_WITH_UNDERSCORES}: {@code topP} → {@code top_p}. */
  public static String snakeCase(String javaName) {
    StringBuilder name = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && name.charAt(name.length() - 1) != '_') {
          name.append('_');
        }
        name.append(Character.toLowerCase(c));
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }
}
