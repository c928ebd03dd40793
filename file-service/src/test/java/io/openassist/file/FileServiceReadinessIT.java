package io.openassist.file;

import io.openassist.testing.ServiceReadinessContract;

class FileServiceReadinessIT extends ServiceReadinessContract {

  @Override
  protected String schema() {
    return "file";
  }
}
