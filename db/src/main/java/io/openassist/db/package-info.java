/**
 * Schema ownership: the Liquibase changelogs of every service schema (under {@code db/changelog})
 * and the start-up migrator and readiness check that each service uses to apply and watch its own.
 */
package io.openassist.db;
