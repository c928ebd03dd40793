package io.openassist.common.error.compat;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource of a meinGPT compatibility path ({@code /api/...}): its errors are answered in
 * meinGPT's shape, {@code {"status": "error", "message"}}, by {@link MeinGptErrorFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MeinGptApi {}
