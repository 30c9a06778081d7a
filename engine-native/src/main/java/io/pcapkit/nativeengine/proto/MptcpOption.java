package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The Multipath TCP option (kind 30; RFC 6824 v0, RFC 8684 v1): raw values per subtype, read at the offsets
 * Wireshark 4.0 reads them. Its keys, tokens, data sequence numbers and relative ACKs (mptcp.expected_token,
 * mptcp.dsn, mptcp.ack, mptcp.stream …) come from the connection's history and are left to reassembly.
 */
final class MptcpOption {
    static final int KIND = 30;

    /** Wireshark's MPTCP node is a real protocol: -T fields prints its label, e.g. "…: Multipath Capable". */
    static final FieldDef MPTCP = Fields.group("mptcp", "Multipath Transmission Control Protocol");
    static final FieldDef SUBTYPE = Fields.masked("tcp.options.mptcp.subtype", "Multipath TCP subtype", 8, 0xF0, Base.DEC);
    static final FieldDef VERSION = Fields.masked("tcp.options.mptcp.version", "Multipath TCP version", 8, 0x0F, Base.DEC);
    static final FieldDef RESERVED = Fields.masked("tcp.options.mptcp.reserved", "Reserved", 16, 0x0FFF, Base.HEX);
    static final FieldDef FLAGS = Fields.hex("tcp.options.mptcp.flags", "Multipath TCP flags", 8);
    static final FieldDef BACKUP = Fields.masked("tcp.options.mptcp.backup.flag", "Backup flag", 8, 0x01, Base.DEC);
    static final FieldDef CHECKSUMREQ = Fields.masked("tcp.options.mptcp.checksumreq.flags", "Checksum required", 8,
            0x80, Base.DEC);
    static final FieldDef EXTENSIBILITY = Fields.masked("tcp.options.mptcp.extensibility.flag", "Extensibility", 8, 0x40,
            Base.DEC);
    static final FieldDef NOMORESUBFLOWS = Fields.masked("tcp.options.mptcp.nomoresubflows.flag",
            "Do not attempt to establish new subflows to this address and port", 8, 0x20, Base.DEC);
    static final FieldDef SHA1 = Fields.masked("tcp.options.mptcp.sha1.flag", "Use HMAC-SHA1", 8, 0x01, Base.DEC);
    static final FieldDef SHA256 = Fields.masked("tcp.options.mptcp.sha256.flag", "Use HMAC-SHA256", 8, 0x01, Base.DEC);
    // Wireshark registers this name twice (mask 0x3E for v0, 0x1E for v1); the value is computed per version
    static final FieldDef RESERVED_FLAG = Fields.masked("tcp.options.mptcp.reserved.flag", "Reserved", 8, 0x3E, Base.HEX);
    static final FieldDef DATAFIN = Fields.masked("tcp.options.mptcp.datafin.flag", "DATA_FIN", 8, 0x10, Base.DEC);
    static final FieldDef DSEQN8 = Fields.masked("tcp.options.mptcp.dseqn8.flag", "Data Sequence Number is 8 octets", 8,
            0x08, Base.DEC);
    static final FieldDef DSEQNPRESENT = Fields.masked("tcp.options.mptcp.dseqnpresent.flag",
            "Data Sequence Number, Subflow Sequence Number, Data-level Length, Checksum present", 8, 0x04, Base.DEC);
    static final FieldDef DATAACK8 = Fields.masked("tcp.options.mptcp.dataack8.flag", "Data ACK is 8 octets", 8, 0x02,
            Base.DEC);
    static final FieldDef DATAACKPRESENT = Fields.masked("tcp.options.mptcp.dataackpresent.flag", "Data ACK is present", 8,
            0x01, Base.DEC);
    static final FieldDef FLAG_U = Fields.flag("tcp.options.mptcp.flag_U.flag", "Flag U", 8, 0x08);
    static final FieldDef FLAG_V = Fields.flag("tcp.options.mptcp.flag_V.flag", "Flag V", 8, 0x04);
    static final FieldDef FLAG_W = Fields.flag("tcp.options.mptcp.flag_W.flag", "Flag W", 8, 0x02);
    static final FieldDef FLAG_T = Fields.flag("tcp.options.mptcp.flag_T.flag", "Transient", 8, 0x01);
    static final FieldDef RST_REASON = Fields.hex("tcp.options.mptcp.rst_reason", "TCPRST Reason", 8);
    static final FieldDef ADDRID = Fields.uint("tcp.options.mptcp.addrid", "Address ID", 8);
    static final FieldDef SENDKEY = Fields.uint("tcp.options.mptcp.sendkey", "Sender's Key", 64);
    static final FieldDef RECVKEY = Fields.uint("tcp.options.mptcp.recvkey", "Receiver's Key", 64);
    static final FieldDef RECVTOK = Fields.uint("tcp.options.mptcp.recvtok", "Receiver's Token", 32);
    static final FieldDef SENDRAND = Fields.uint("tcp.options.mptcp.sendrand", "Sender's Random Number", 32);
    static final FieldDef SENDTRUNCHMAC = Fields.uint("tcp.options.mptcp.sendtrunchmac", "Sender's Truncated HMAC", 64);
    static final FieldDef SENDHMAC = Fields.bytes("tcp.options.mptcp.sendhmac", "Sender's HMAC");
    static final FieldDef ADDADDRTRUNCHMAC = Fields.uint("tcp.options.mptcp.addaddrtrunchmac", "Truncated HMAC", 64);
    static final FieldDef RAWDATAACK = Fields.uint("tcp.options.mptcp.rawdataack", "Original MPTCP Data ACK", 64);
    static final FieldDef RAWDATASEQNO = Fields.uint("tcp.options.mptcp.rawdataseqno", "Data Sequence Number", 64);
    static final FieldDef SUBFLOWSEQNO = Fields.uint("tcp.options.mptcp.subflowseqno", "Subflow Sequence Number", 32);
    static final FieldDef DATALVLLEN = Fields.uint("tcp.options.mptcp.datalvllen", "Data-level Length", 16);
    static final FieldDef CHECKSUM = Fields.hex("tcp.options.mptcp.checksum", "Checksum", 16);
    static final FieldDef IPVER = Fields.masked("tcp.options.mptcp.ipver", "IP version", 8, 0x0F, Base.DEC);
    static final FieldDef ECHO = Fields.masked("tcp.options.mptcp.echo", "Echo", 8, 0x01, Base.DEC);
    static final FieldDef IPV4 = Fields.ipv4("tcp.options.mptcp.ipv4", "Advertised IPv4 Address");
    static final FieldDef IPV6 = Fields.ipv6("tcp.options.mptcp.ipv6", "Advertised IPv6 Address");
    static final FieldDef PORT = Fields.uint("tcp.options.mptcp.port", "Advertised port", 16);
    static final FieldDef RM_ADDR_COUNT = Fields.uint("mptcp.rm_addr.count", "Number of removed addresses", 8);

    private static final String NAME = "Multipath Transmission Control Protocol";
    private static final String[] LABELS = new String[16];
    static {
        String[] names = {"Multipath Capable", "Join Connection", "Data Sequence Signal", "Add Address",
            "Remove Address", "Change Subflow Priority", "TCP Fallback", "Fast Close", "TCP Reset"};
        for (int i = 0; i < 16; i++) LABELS[i] = NAME + ": " + (i < names.length ? names[i] : "Unknown (" + i + ")");
    }

    private MptcpOption() { }

    /**
     * Opens the option's node. Its label names the subtype once the byte holding it is there; before that tshark's
     * -T fields has no label for it and prints the abbreviation.
     */
    static void begin(DecodeContext c, int p, int have) {
        c.out().beginGroupObject(MPTCP, have >= 3 ? LABELS[c.u8(p + 2) >>> 4] : "mptcp", p, have);
    }

    /**
     * The whole option of {@code olen} bytes at {@code p}. Returns false when a value runs past the option, which
     * ends Wireshark's dissection of the segment.
     */
    static boolean decode(DecodeContext c, int p, int olen) {
        begin(c, p, olen);
        c.add(TcpOptions.KIND, KIND, p, 1);
        c.add(TcpOptions.LEN, olen, p + 1, 1);
        boolean whole = olen >= 3;
        if (whole) {
            c.out().addMasked(SUBTYPE, c.u8(p + 2), p + 2, 1);
            whole = MptcpSubtypes.decode(c, c.u8(p + 2) >>> 4, p, olen);
        }
        if (!whole) c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 1, "MPTCP option too short for its subtype: " + olen);
        c.out().endGroup();
        return whole;
    }
}
