/**
 * Integration-test support shared by the services through this module's test-jar: the packaged
 * service on its test server (started once per run by the build), an HTTP client for its API,
 * direct reads of its database rows, and the readiness contract every service must pass.
 */
package io.openassist.testing;
