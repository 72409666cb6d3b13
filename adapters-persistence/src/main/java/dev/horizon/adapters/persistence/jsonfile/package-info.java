/**
 * The state store in plain files: a seed-compatible {@code engine_state.json} with checksum and
 * backups, and a checksummed JSON-lines journal.
 */
package dev.horizon.adapters.persistence.jsonfile;
