package io.openassist.assistant.application;

import io.openassist.assistant.domain.Role;
import io.openassist.assistant.domain.User;
import io.openassist.assistant.infrastructure.JpaIdentityRepository;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The users of the caller's organisation: admins create them, every member may look them up. */
@ApplicationScoped
@Transactional
public class UserService {

  @Inject JpaIdentityRepository identities;
  @Inject CallerContext callers;

  private final Clock clock = Clock.systemUTC();

  public User create(String name, String email, Role role) {
    Caller caller = callers.requireAdmin("create users");
    User user =
        new User(
            IdGenerator.newId("user"),
            caller.organizationId(),
            name,
            email,
            role,
            null,
            clock.instant());
    identities.add(user);
    return user;
  }

  public Page<User> list(PageRequest page) {
    return identities.users(callers.caller().organizationId(), page);
  }

  public User get(String id) {
    return identities
        .user(callers.caller().organizationId(), id)
        .orElseThrow(() -> new ResourceNotFoundException("user"));
  }
}
