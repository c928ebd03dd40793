package io.openassist.assistant.application;

import io.openassist.assistant.domain.Role;
import io.openassist.assistant.domain.User;
import io.openassist.assistant.infrastructure.JpaIdentityRepository;
import io.openassist.common.id.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Creates the user record of someone who signs in through the identity provider for the first time,
 * in a transaction of its own, so that two first requests racing each other end with one user: the
 * loser's insert fails on the unique subject and it reads the winner's row.
 */
@ApplicationScoped
public class UserProvisioning {

  @Inject JpaIdentityRepository identities;
  @Inject UserProvisioning self;

  private final Clock clock = Clock.systemUTC();

  public User provision(String organizationId, String subject) {
    try {
      return self.insert(organizationId, subject);
    } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
      return identities.userBySubject(organizationId, subject).orElseThrow(() -> e);
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public User insert(String organizationId, String subject) {
    User user =
        new User(
            IdGenerator.newId("user"),
            organizationId,
            null,
            null,
            Role.MEMBER,
            subject,
            clock.instant());
    identities.add(user);
    identities.flush();
    return user;
  }
}
