package io.openassist.assistant.domain;

/** A user's role in its organisation: admins manage users, keys and every assistant. */
public enum Role {
  ADMIN,
  MEMBER
}
