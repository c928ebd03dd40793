/**
 * Running an assistant on an upstream model, vendor-neutral: the request a model call makes ({@link
 * io.openassist.assistant.domain.run.ModelRequest}), what comes back ({@link
 * io.openassist.assistant.domain.run.ModelResult}, streamed through a {@link
 * io.openassist.assistant.domain.run.StreamListener}), the port every vendor adapter implements
 * ({@link io.openassist.assistant.domain.run.ModelProvider}), and the record kept of every run.
 */
package io.openassist.assistant.domain.run;
