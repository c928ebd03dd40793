package io.openassist.conversation;

import io.openassist.testing.ServiceReadinessContract;

class ConversationServiceReadinessIT extends ServiceReadinessContract {

  @Override
  protected String schema() {
    return "conversation";
  }
}
