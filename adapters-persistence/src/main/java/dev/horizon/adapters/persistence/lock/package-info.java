/** The single-engine lock on a state location, shared by the stores. */
package dev.horizon.adapters.persistence.lock;
