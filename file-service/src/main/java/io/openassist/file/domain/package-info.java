/** Entities and domain rules of the file-service; never serialised to the wire. */
package io.openassist.file.domain;
