/**
 * The client side of assistant-service for the services that depend on it (conversation-service,
 * file-service): credential resolution and assistant permission checks over MicroProfile Rest
 * Client, with fault tolerance and a bounded cache. Not part of {@code common}: assistant-service
 * itself answers these questions locally and does not carry this module.
 */
package io.openassist.assistant.client;
