package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Gives {@code JournalEntry} (a sealed domain interface that carries no annotations) a
 * {@code "type"} property naming its kind; the names are registered by {@link DomainModule}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = DomainJson.TYPE_PROPERTY)
abstract class JournalEntryMixin {
}
