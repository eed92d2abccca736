package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.compact.CompactSerializer;

/** A Compact serializer that states its type name and class once, in its constructor. */
abstract class NamedCompactSerializer<T> implements CompactSerializer<T> {

    private final String name;
    private final Class<T> type;

    NamedCompactSerializer(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    @Override
    public String getTypeName() {
        return name;
    }

    @Override
    public Class<T> getCompactClass() {
        return type;
    }
}
