meta:
  id: pcapng
  title: PCAP Next Generation capture file, read one block at a time
doc: |
  The pcapng format (draft-ietf-opsawg-pcapng). Every block is a type, a total length, a body and the length
  again. The engine reads each block's 8-byte head and then its body itself, so memory stays flat; each body is
  parsed with the type below that its block type names. A file may hold several sections, each with its own byte
  order, told by the Section Header Block's byte-order magic: every body type takes it as the parameter `le`.
types:
  block_head:
    doc: The first 8 bytes of every block (section 3.1).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: block_type
        type: u4
        doc: Block Type; 0x0A0D0D0A Section Header, 1 Interface Description, 6 Enhanced Packet, 3 Simple Packet (section 3.1).
      - id: total_length
        type: u4
        doc: Block Total Length, of the whole block, a multiple of 4, at least 12 (section 3.1).
  section_header:
    doc: Section Header Block body after the head (section 4.1).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: byte_order_magic
        type: u4
        doc: 0x1A2B3C4D as read in the section's byte order (section 4.1).
      - id: major_version
        type: u2
        doc: Major Version, 1 (section 4.1).
      - id: minor_version
        type: u2
        doc: Minor Version, 0 (section 4.1).
      - id: section_length
        type: s8
        doc: Section Length in bytes, -1 when not given (section 4.1).
  interface_description:
    doc: Interface Description Block body (section 4.2).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: link_type
        type: u2
        doc: LinkType of the interface's packets (section 4.2; LINKTYPE_ registry).
      - id: reserved
        type: u2
        doc: Reserved, zero (section 4.2).
      - id: snap_len
        type: u4
        doc: SnapLen, 0 for no limit (section 4.2).
      - id: options
        type: option(le)
        repeat: until
        repeat-until: _.code == 0 or _io.eof
        if: not _io.eof
        doc: Options, among them if_tsresol (code 9) and if_tsoffset (code 14) (section 4.2).
  enhanced_packet:
    doc: Enhanced Packet Block fixed part; the packet data follows (section 4.3).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: interface_id
        type: u4
        doc: Interface ID, the index of an IDB in this section (section 4.3).
      - id: timestamp_high
        type: u4
        doc: Timestamp (High), upper 32 bits of a count of if_tsresol units since 1970 (section 4.3).
      - id: timestamp_low
        type: u4
        doc: Timestamp (Low), lower 32 bits (section 4.3).
      - id: captured_len
        type: u4
        doc: Captured Packet Length (section 4.3).
      - id: original_len
        type: u4
        doc: Original Packet Length (section 4.3).
  obsolete_packet:
    doc: The obsolete Packet Block (type 2) fixed part, still written by old tools; the packet data follows (appendix A of the draft).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: interface_id
        type: u2
        doc: Interface ID (appendix A).
      - id: drops_count
        type: u2
        doc: Drops Count, packets lost since the previous one (appendix A).
      - id: timestamp_high
        type: u4
        doc: Timestamp (High), as in the Enhanced Packet Block (appendix A).
      - id: timestamp_low
        type: u4
        doc: Timestamp (Low) (appendix A).
      - id: captured_len
        type: u4
        doc: Captured Packet Length (appendix A).
      - id: original_len
        type: u4
        doc: Original Packet Length (appendix A).
  simple_packet:
    doc: Simple Packet Block fixed part; the packet data follows, captured up to the snaplen (section 4.4).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: original_len
        type: u4
        doc: Original Packet Length (section 4.4).
  custom_block:
    doc: |
      Custom Block body, copiable (type 0x00000BAD) or not (0x40000BAD): a Private Enterprise Number, then data
      and options only that enterprise knows; tshark numbers the block as a frame whose bytes are what follows the
      PEN (section 4.8).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: pen
        type: u4
        doc: Private Enterprise Number (section 4.8).
      - id: data
        size-eos: true
        doc: Custom Data and options, as one block of bytes (section 4.8).
  option:
    doc: One option, value padded to 32 bits; code 0 ends the list (section 3.5).
    params:
      - id: le
        type: bool
    meta:
      endian:
        switch-on: le
        cases:
          true: le
          false: be
    seq:
      - id: code
        type: u2
        doc: Option Code (section 3.5).
      - id: len_value
        type: u2
        doc: Option Length, without padding (section 3.5).
      - id: value
        size: len_value
        doc: Option Value (section 3.5).
      - id: padding
        size: (4 - len_value % 4) % 4
        doc: Padding to 32 bits (section 3.5).
