/** Logging configuration and the event sinks that turn engine events into log lines and metrics. */
package dev.horizon.bootstrap.observability;
