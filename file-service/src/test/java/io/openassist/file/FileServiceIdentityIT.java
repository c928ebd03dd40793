package io.openassist.file;

import io.openassist.testing.IdentityPropagationContract;

class FileServiceIdentityIT extends IdentityPropagationContract {}
