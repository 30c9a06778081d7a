meta:
  id: pcap
  title: Classic libpcap capture file, read one piece at a time
  endian: le
doc: |
  The classic capture format (draft-ietf-opsawg-pcap). The engine does not parse a whole file with this
  spec: it reads the 24-byte file header once, then each 16-byte record header, then the record's bytes,
  so memory stays flat however long the capture. The byte order and time-stamp resolution come from the
  magic number; `header` is parsed in little-endian, and `header_be` / `record_header_be` are the same
  layouts for files written big-endian.
seq:
  - id: header
    type: header
types:
  header:
    doc: File header (draft-ietf-opsawg-pcap section 4), little-endian file.
    seq:
      - id: magic
        type: u4
        doc: 0xa1b2c3d4 (microsecond) or 0xa1b23c4d (nanosecond) as read in the file's byte order (section 4).
      - id: version_major
        type: u2
        doc: Major version, 2 (section 4).
      - id: version_minor
        type: u2
        doc: Minor version, 4 (section 4).
      - id: thiszone
        type: s4
        doc: Reserved1, historically the GMT offset; 0 in practice (section 4).
      - id: sigfigs
        type: u4
        doc: Reserved2, historically time-stamp accuracy; 0 in practice (section 4).
      - id: snaplen
        type: u4
        doc: SnapLen, the largest number of bytes captured per packet (section 4).
      - id: network
        type: u4
        doc: LinkType and additional information; the low 16 bits are the link type (sections 4 and 8.1).
  header_be:
    doc: The file header of a big-endian file (draft-ietf-opsawg-pcap section 4).
    meta:
      endian: be
    seq:
      - id: magic
        type: u4
        doc: Magic number (section 4).
      - id: version_major
        type: u2
        doc: Major version (section 4).
      - id: version_minor
        type: u2
        doc: Minor version (section 4).
      - id: thiszone
        type: s4
        doc: Reserved1 (section 4).
      - id: sigfigs
        type: u4
        doc: Reserved2 (section 4).
      - id: snaplen
        type: u4
        doc: SnapLen (section 4).
      - id: network
        type: u4
        doc: LinkType and additional information (section 4).
  record_header:
    doc: Packet record header (draft-ietf-opsawg-pcap section 5), little-endian file.
    seq:
      - id: ts_sec
        type: u4
        doc: Timestamp (Seconds), since 1970-01-01 00:00:00 UTC (section 5).
      - id: ts_frac
        type: u4
        doc: Timestamp (Microseconds or nanoseconds), as the magic number says (section 5).
      - id: incl_len
        type: u4
        doc: Captured Packet Length, the bytes that follow this header (section 5).
      - id: orig_len
        type: u4
        doc: Original Packet Length, as it was on the wire (section 5).
  record_header_be:
    doc: Packet record header of a big-endian file (draft-ietf-opsawg-pcap section 5).
    meta:
      endian: be
    seq:
      - id: ts_sec
        type: u4
        doc: Timestamp (Seconds) (section 5).
      - id: ts_frac
        type: u4
        doc: Timestamp (Microseconds or nanoseconds) (section 5).
      - id: incl_len
        type: u4
        doc: Captured Packet Length (section 5).
      - id: orig_len
        type: u4
        doc: Original Packet Length (section 5).
