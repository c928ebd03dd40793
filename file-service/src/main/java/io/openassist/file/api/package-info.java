/**
 * REST resources of the file-service, their request and response records, and its exception
 * mappers.
 */
package io.openassist.file.api;
