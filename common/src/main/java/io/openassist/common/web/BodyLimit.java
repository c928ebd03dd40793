package io.openassist.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method (or class) that accepts larger bodies than {@link RequestLimits}' default, such
 * as an upload: the limit in bytes, or the MicroProfile Config key that holds it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

  /** The MicroProfile Config key of the limit in bytes. */
  String configKey();

  /** The limit in bytes when the key is not set. */
  long defaultBytes();

  /**
   * Bytes allowed on top of the configured limit: the framing around what the limit is about (the
   * multipart headers and boundaries around an uploaded file whose own size is the limit).
   */
  long allowanceBytes() default 0;
}
