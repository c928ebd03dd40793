package io.openassist.assistant;

import io.openassist.testing.ServiceReadinessContract;

class AssistantServiceReadinessIT extends ServiceReadinessContract {

  @Override
  protected String schema() {
    return "assistant";
  }
}
