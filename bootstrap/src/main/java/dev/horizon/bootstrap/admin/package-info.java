/** The optional admin HTTP endpoint: health, metrics, status and operator commands. */
package dev.horizon.bootstrap.admin;
