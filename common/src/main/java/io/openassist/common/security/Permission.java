package io.openassist.common.security;

/**
 * What a caller may do with an assistant, each level including the ones below it: VIEW (see and run
 * it, list and read its files), EDIT (also change it and its files), OWNER (also delete it and
 * manage who may do what). assistant-service grants them; every service checks them (through {@link
 * AssistantAccessChecker}).
 */
public enum Permission {
  VIEW,
  EDIT,
  OWNER;

  public boolean includes(Permission other) {
    return compareTo(other) >= 0;
  }

  public static Permission strongest(Permission a, Permission b) {
    if (a == null) {
      return b;
    }
    return b == null || a.includes(b) ? a : b;
  }
}
