package io.pcapkit.model;

/** The value type of a field, in the spirit of Wireshark's FT_* types. */
public enum FieldType {
    /** Unsigned integer up to 64 bits (stored in a long; print unsigned). */
    UINT,
    /** Signed integer. */
    INT,
    /** A flag: 0 or 1. */
    BOOL,
    /** A 48-bit hardware address, stored in the low bits of a long. */
    MAC,
    /** An IPv4 address, stored in the low 32 bits of a long. */
    IPV4,
    /** An IPv6 address: 16 bytes. */
    IPV6,
    /** Opaque bytes. */
    BYTES,
    /** Text (decoded as UTF-8 / Latin-1 by the producer). */
    STRING,
    /** A floating point number (stored as raw double bits). */
    DOUBLE,
    /** A seconds.nanoseconds time stamp, stored as epoch nanoseconds. */
    TIME,
    /** A labelled node that only groups sub-fields (options, flag sets); carries no value of its own. */
    GROUP
}
