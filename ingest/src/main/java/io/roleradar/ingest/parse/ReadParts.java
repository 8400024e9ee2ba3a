package io.roleradar.ingest.parse;

import java.util.Map;

/**
 * The parts of a JSON value a parser reads, so a streaming reader can make nodes of those alone
 * and skip the rest undecoded: the whole value ({@link #ALL}), or of an object only some fields,
 * each with its own parts. The elements of an array are read alike; a value that is not an object
 * is always read whole.
 *
 * @param fields the fields read and their parts; null when the whole value is read
 */
record ReadParts(Map<String, ReadParts> fields) {
    static final ReadParts ALL = new ReadParts(null);

    ReadParts {
        fields = fields == null ? null : Map.copyOf(fields);
    }

    /** Of an object, the named fields, each whole. */
    static ReadParts only(String... names) {
        Map<String, ReadParts> fields = new java.util.HashMap<>();
        for (String name : names) {
            fields.put(name, ALL);
        }
        return new ReadParts(fields);
    }

    /** Of an object, the given fields with their parts. */
    static ReadParts only(Map<String, ReadParts> fields) {
        return new ReadParts(fields);
    }

    /** The parts of the object field {@code name} that are read, or null when it is not read. */
    ReadParts field(String name) {
        return fields == null ? ALL : fields.get(name);
    }
}
