meta:
  id: tcp
  title: Transmission Control Protocol header with its options
  endian: be
doc: |
  The TCP header (RFC 9293 section 3.1). Options fill the header beyond 20 octets; the engine reads them one by
  one with `option` so that a damaged option stops the options, not the frame.
seq:
  - id: src_port
    type: u2
    doc: Source Port (RFC 9293 3.1).
  - id: dst_port
    type: u2
    doc: Destination Port (RFC 9293 3.1).
  - id: seq_num
    type: u4
    doc: Sequence Number (RFC 9293 3.1).
  - id: ack_num
    type: u4
    doc: Acknowledgment Number (RFC 9293 3.1).
  - id: data_offset
    type: b4
    doc: Data Offset, the header length in 32-bit words, at least 5 (RFC 9293 3.1).
  - id: reserved
    type: b3
    doc: Reserved bits, zero (RFC 9293 3.1).
  - id: flags
    type: b9
    doc: |
      Control bits, high to low: AE (RFC 9768 AccECN, formerly NS of RFC 3540), CWR and ECE (RFC 3168 6.1),
      URG, ACK, PSH, RST, SYN, FIN (RFC 9293 3.1).
  - id: window
    type: u2
    doc: Window, unscaled (RFC 9293 3.1; scaling in RFC 7323 2).
  - id: checksum
    type: u2
    doc: Checksum over pseudo header, header and data (RFC 9293 3.1).
  - id: urgent_pointer
    type: u2
    doc: Urgent Pointer (RFC 9293 3.1).
instances:
  header_length:
    value: data_offset * 4
    doc: Header length in octets (RFC 9293 3.1).
  flags12:
    value: (reserved << 9) | flags
    doc: The 12 bits after the data offset, as one value (RFC 9293 3.1).
types:
  option:
    doc: One option (RFC 9293 3.2); kinds 0 and 1 are a single octet.
    seq:
      - id: kind
        type: u1
        doc: Option kind (RFC 9293 3.2; IANA "TCP Option Kind Numbers").
      - id: length
        type: u1
        if: kind > 1
        doc: Option length, counting kind and length (RFC 9293 3.2).
      - id: body
        size: length - 2
        if: kind > 1 and length >= 2
        doc: Option data, as the kind says (RFC 9293 3.2).
    instances:
      mss:
        value: body[0] * 256 + body[1]
        if: kind == 2 and length == 4
        doc: Maximum Segment Size (RFC 9293 3.7.1).
      window_scale:
        value: body[0]
        if: kind == 3 and length == 3
        doc: Window scale shift count (RFC 7323 2.2).
      ts_value:
        value: ((body[0] * 256 + body[1]) * 256 + body[2]) * 256 + body[3]
        if: kind == 8 and length == 10
        doc: TSval (RFC 7323 3.2).
      ts_echo_reply:
        value: ((body[4] * 256 + body[5]) * 256 + body[6]) * 256 + body[7]
        if: kind == 8 and length == 10
        doc: TSecr (RFC 7323 3.2).
