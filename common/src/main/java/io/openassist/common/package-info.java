/**
 * What all three services need and nothing else: the error model and its mappers ({@code error}),
 * cursor pagination ({@code paging}), id generation ({@code id}) and request correlation and wire
 * conventions ({@code web}). No entities, no persistence.
 */
package io.openassist.common;
