package io.pcapkit.formats;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JSON through Jackson's streaming generator: one object whose members are the header block and the frames, in
 * the original's layout (tab indentation, as dictdumper writes). Each frame is generated and forgotten.
 */
final class JsonDumper extends DocumentDumper {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonGenerator gen;

    JsonDumper(OutputStream out) throws IOException {
        gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        DefaultIndenter tabs = new DefaultIndenter("\t", "\n");
        Separators sep = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        gen.setPrettyPrinter(new DefaultPrettyPrinter(sep).withObjectIndenter(tabs).withArrayIndenter(tabs));
    }

    @Override protected void begin() throws IOException { gen.writeStartObject(); }

    @Override protected void entry(Node node) throws IOException {
        gen.writeFieldName(node.key);
        write(node);
    }

    @Override protected void end() throws IOException {
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.flush();
    }

    private void write(Node n) throws IOException {
        switch (n.kind) {
            case OBJECT -> {
                gen.writeStartObject();
                for (Node c : n.children) {
                    gen.writeFieldName(c.key);
                    write(c);
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (Node c : n.children) write(c);
                gen.writeEndArray();
            }
            case VALUE -> {
                switch (n.value) {
                    case Long v -> gen.writeNumber(v);
                    case BigInteger v -> gen.writeNumber(v);
                    case BigDecimal v -> gen.writeNumber(v);
                    case Double v -> gen.writeNumber(v);
                    case Boolean v -> gen.writeBoolean(v);
                    case Node.Hex h -> gen.writeString(h.hex());
                    case null -> gen.writeNull();
                    default -> gen.writeString(n.value.toString());
                }
            }
        }
    }
}
