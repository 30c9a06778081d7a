package io.pcapkit.spi;

/**
 * Decides from a record's raw bytes whether its frame is decoded at all (a BPF filter, for example). Engines that
 * read records themselves call it before decoding and skip rejected records, keeping the file's frame numbers;
 * an engine that cannot apply it does not declare {@link Capability#RECORD_FILTER}.
 */
@FunctionalInterface
public interface RecordFilter {
    /**
     * @param linkType       the record's LINKTYPE_ value
     * @param data           the array holding the record's bytes (not to be kept: it is reused)
     * @param offset         where the record's bytes start in {@code data}
     * @param capturedLength bytes present
     * @param originalLength bytes on the wire
     */
    boolean accept(int linkType, byte[] data, int offset, int capturedLength, int originalLength);
}
