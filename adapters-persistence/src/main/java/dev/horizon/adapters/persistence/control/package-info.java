/** The operator-command inbox beside the engine state, shared by the engine and the CLI. */
package dev.horizon.adapters.persistence.control;
