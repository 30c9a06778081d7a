package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * A cursor over one DNS record's data: each read adds its field and says whether the bytes were there. A read past
 * the data's end is recorded and ends the message, as the exception tshark meets there does.
 */
final class DnsRdataReader {
    final DecodeContext c;
    final int msg, end, stop;
    int pos;
    /** The message ended here (recorded): tshark stops the whole message at such a point. */
    boolean cut;

    DnsRdataReader(DecodeContext c, int msg, int end, int pos, int stop) {
        this.c = c;
        this.msg = msg;
        this.end = end;
        this.pos = pos;
        this.stop = stop;
    }

    boolean need(int n) {
        if (pos + n <= stop) return true;
        cutShort();
        return false;
    }

    /** The record's data ends before what its type needs: tshark reads on past it and fails the message. */
    void cutShort() {
        c.anomaly(Anomaly.Kind.BAD_LENGTH, pos, "DNS record data shorter than its type needs");
        cut = true;
    }

    int peek8() { return pos < stop ? c.u8(pos) : 0; }

    boolean u8(FieldDef f) {
        if (!need(1)) return false;
        c.add(f, c.u8(pos), pos, 1);
        pos += 1;
        return true;
    }

    boolean u16(FieldDef f) {
        if (!need(2)) return false;
        c.add(f, c.u16(pos), pos, 2);
        pos += 2;
        return true;
    }

    boolean u32(FieldDef f) {
        if (!need(4)) return false;
        c.add(f, c.u32(pos), pos, 4);
        pos += 4;
        return true;
    }

    boolean ipv4(FieldDef f) {
        if (!need(4)) return false;
        c.add(f, c.u32(pos), pos, 4);
        pos += 4;
        return true;
    }

    boolean ipv6(FieldDef f) {
        if (!need(16)) return false;
        c.ref(f, pos, 16);
        pos += 16;
        return true;
    }

    /** The bytes left in the record. */
    void rest(FieldDef f) {
        c.ref(f, pos, stop - pos);
        pos = stop;
    }

    boolean bytes(FieldDef f, int n) {
        if (!need(n)) return false;
        c.ref(f, pos, n);
        pos += n;
        return true;
    }

    /** A domain name, compressed or not. */
    boolean name(FieldDef f) {
        return readName(null, f);
    }

    /** A name preceded by tshark's derived length field (NAPTR's replacement). */
    boolean nameWithLength(FieldDef lengthField, FieldDef f) {
        return readName(lengthField, f);
    }

    private boolean readName(FieldDef lengthField, FieldDef f) {
        if (pos >= stop) {
            cutShort();
            return false;
        }
        if (!DnsRecords.readName(c, msg, end, pos, "DNS name in record data")) {
            cut = true;
            return false;
        }
        DnsNames.Name n = DnsNames.last();
        if (lengthField != null) c.add(lengthField, n.textLen, pos, n.wireLen);
        c.out().addObject(f, n.text, pos, n.wireLen);
        pos += n.wireLen;
        return true;
    }

    /** A character-string (RFC 1035 section 3.3): a length byte, then that many bytes of text. */
    boolean string(FieldDef lengthField, FieldDef f) {
        if (!need(1)) return false;
        int n = c.u8(pos);
        c.add(lengthField, n, pos, 1);
        if (pos + 1 + n > stop) {
            // tshark reads the string past the record's data, as far as the message goes
            if (pos + 1 + n <= end) c.out().addObject(f, DnsNames.ascii(c, pos + 1, n), pos + 1, n);
            cutShort();
            pos = stop;
            return false;
        }
        c.out().addObject(f, DnsNames.ascii(c, pos + 1, n), pos + 1, n);
        pos += 1 + n;
        return true;
    }
}
