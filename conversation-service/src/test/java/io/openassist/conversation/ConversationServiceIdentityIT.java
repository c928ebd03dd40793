package io.openassist.conversation;

import io.openassist.testing.IdentityPropagationContract;

class ConversationServiceIdentityIT extends IdentityPropagationContract {}
