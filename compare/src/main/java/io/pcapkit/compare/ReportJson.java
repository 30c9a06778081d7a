package io.pcapkit.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Map;

/** The machine form of a {@link ComparisonReport}: one JSON document, the same figures as the text. */
public final class ReportJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ReportJson() { }

    public static void write(ComparisonReport r, OutputStream out, double threshold) throws IOException {
        write(r, JSON.createGenerator(out), threshold);
        out.write('\n');
        out.flush();
    }

    public static void write(ComparisonReport r, Writer out, double threshold) throws IOException {
        write(r, JSON.createGenerator(out), threshold);
        out.write('\n');
        out.flush();
    }

    private static void write(ComparisonReport r, JsonGenerator generator, double threshold) throws IOException {
        try (JsonGenerator g = generator.useDefaultPrettyPrinter()) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("capture", r.capture());
            g.writeArrayFieldStart("engines");
            for (String e : r.engines()) g.writeString(e);
            g.writeEndArray();
            g.writeNumberField("threshold", threshold);
            g.writeBooleanField("passes", r.passes(threshold));
            g.writeArrayFieldStart("pairs");
            for (ComparisonReport.Pair p : r.pairs()) pair(g, p);
            g.writeEndArray();
            g.writeObjectFieldStart("errors");
            for (Map.Entry<String, String> e : r.errors().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void pair(JsonGenerator g, ComparisonReport.Pair p) throws IOException {
        g.writeStartObject();
        g.writeStringField("left", p.left());
        g.writeStringField("right", p.right());
        g.writeNumberField("frames", p.frames());
        g.writeNumberField("only_left_frames", p.onlyLeftFrames());
        g.writeNumberField("only_right_frames", p.onlyRightFrames());
        g.writeNumberField("cells", p.cells());
        g.writeNumberField("agree", p.agree());
        g.writeNumberField("percent", round(p.percent()));
        g.writeArrayFieldStart("protocols");
        for (ComparisonReport.ProtocolStat s : p.protocols()) {
            g.writeStartObject();
            g.writeStringField("protocol", s.protocol());
            g.writeNumberField("fields", s.fields());
            g.writeNumberField("cells", s.cells());
            g.writeNumberField("agree", s.agree());
            g.writeNumberField("percent", round(s.percent()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("fields");
        for (ComparisonReport.FieldStat f : p.fields()) {
            g.writeStartObject();
            g.writeStringField("field", f.field());
            g.writeStringField("protocol", f.protocol());
            g.writeNumberField("cells", f.cells());
            g.writeNumberField("agree", f.agree());
            g.writeNumberField("only_left", f.onlyLeft());
            g.writeNumberField("only_right", f.onlyRight());
            g.writeNumberField("percent", round(f.percent()));
            g.writeArrayFieldStart("differences");
            for (ComparisonReport.Difference d : f.examples()) {
                g.writeStartObject();
                g.writeNumberField("frame", d.frame());
                g.writeStringField("left", d.left());
                g.writeStringField("right", d.right());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        only(g, "only_left", p.onlyLeft());
        only(g, "only_right", p.onlyRight());
        g.writeEndObject();
    }

    private static void only(JsonGenerator g, String name, Map<String, Long> fields) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : fields.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    private static double round(double p) { return Math.floor(p * 1000) / 1000; }
}
