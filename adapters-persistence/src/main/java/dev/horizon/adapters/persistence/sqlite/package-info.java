/** The default state store: one SQLite database in WAL mode, with versioned schema migrations. */
package dev.horizon.adapters.persistence.sqlite;
