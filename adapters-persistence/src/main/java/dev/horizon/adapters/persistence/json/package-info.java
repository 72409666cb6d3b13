/**
 * The JSON mapping of Horizon's domain types ({@link dev.horizon.adapters.persistence.json.DomainJson}),
 * shared by the state stores, status output and reports. The domain stays free of annotations.
 */
package dev.horizon.adapters.persistence.json;
